import {
  formatProductCode,
  hasIssuedCode,
  issuedCodeOf,
  type NewProductPlan,
  normalizeGtins,
  planNewProduct,
  ProductCodeNumbersExhausted,
  slugBaseOf,
  slugWithSuffix,
  vietnamYear,
} from '@ocop/domain/registry';
import type { RoleGrant } from '@ocop/domain/shared';
import { DomainError } from '@ocop/domain/shared';
import type { Clock } from '../../../platform/clock';
import type { ClassificationService } from '../classification/classification.service';
import type { ProducerRow } from '../producers/producer.tables';
import { type CreateProductInput, visibleCode } from './product-fields';
import type { RegistryActor } from '../shared/registry-support';
import type { ProductRepository } from './product.repository';

/** The code numbers reserved for one (province, commune) this year, and how many items there still need one. */
type CodeGroup = { provinceCode: string; communeCode: string; remaining: number; next: number; end: number };

/** Plans the given inputs one after another, each against what the earlier ones took. */
export type NewProductPlanner = { plan: (grants: readonly RoleGrant[], input: CreateProductInput) => Promise<NewProductPlan> };

const placeKey = (place: { provinceCode: string; communeCode: string }) => `${place.provinceCode}|${place.communeCode}`;

/**
 * What planNewProduct needs to know, read for a whole set of new products at once (one for a
 * single create, thousands for an import) with a handful of statements: their producers (locked
 * as a create does), the checks of their product sets, reserved code numbers per commune, the
 * codes, GTINs and slugs already taken (after the slug locks of their names).
 */
export function createNewProductPlanning(deps: { products: ProductRepository; classification: ClassificationService; clock: Clock }) {
  const { products: repository, classification, clock } = deps;

  async function setChecksOf(inputs: readonly CreateProductInput[]) {
    const checks = new Map<string, DomainError | null>();
    const check = async (id: string, legacy: boolean) => {
      const key = `${legacy ? 'legacy' : 'current'}|${id}`;
      if (checks.has(key)) return;
      try {
        if (legacy) await classification.assertLegacySet(id);
        else await classification.assertCurrentSet(id);
        checks.set(key, null);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        checks.set(key, error);
      }
    };
    for (const input of inputs) {
      await check(input.productSetId, false);
      if (input.legacyProductSetId) await check(input.legacyProductSetId, true);
    }
    return (input: CreateProductInput) => ({
      current: checks.get(`current|${input.productSetId}`),
      legacy: input.legacyProductSetId ? checks.get(`legacy|${input.legacyProductSetId}`) : null,
    });
  }

  /** Code numbers for every input without a hand-entered code, one upsert per commune; the codes they make are checked for use. */
  async function reserveCodes(
    inputs: readonly CreateProductInput[],
    producerById: Map<string, ProducerRow>,
    year: number,
    takenCodes: Set<string>,
  ) {
    const groups = new Map<string, CodeGroup>();
    for (const input of inputs) {
      const producer = producerById.get(input.producerId);
      if (!producer || hasIssuedCode(input)) continue;
      const key = placeKey(producer);
      const group = groups.get(key) ?? {
        provinceCode: producer.provinceCode,
        communeCode: producer.communeCode,
        remaining: 0,
        next: 1,
        end: 0,
      };
      group.remaining++;
      groups.set(key, group);
    }
    const reserve = async (wanted: CodeGroup[]) => {
      const reserved = await repository.reserveCodeNumbers(
        wanted.map((group) => ({ provinceCode: group.provinceCode, communeCode: group.communeCode, count: Math.max(group.remaining, 1) })),
        year,
      );
      const candidates: string[] = [];
      for (const row of reserved) {
        const group = groups.get(placeKey(row));
        if (!group) continue;
        group.next = row.lastValue - Math.max(group.remaining, 1) + 1;
        group.end = row.lastValue;
        for (let n = group.next; n <= group.end; n++) candidates.push(formatProductCode({ ...row, sequence: n, year }));
      }
      for (const code of await repository.listTakenCodes(candidates)) takenCodes.add(code);
    };
    await reserve([...groups.values()]);
    return { groups, reserve };
  }

  async function gtinOwnersOf(actor: RegistryActor, inputs: readonly CreateProductInput[]) {
    const all = new Set<string>();
    for (const input of inputs) {
      try {
        for (const gtin of normalizeGtins(input.gtins ?? [])) all.add(gtin);
      } catch {
        // a malformed GTIN is reported when its item is planned
      }
    }
    const owners = new Map<string, string>();
    // A product the actor may not read is named by no code (the conflict says only "another product").
    for (const row of await repository.listGtinOwners([...all])) owners.set(row.gtin, visibleCode(actor, row));
    return owners;
  }

  /** The slug locks of every name involved, then the taken slugs that equal a base or a base with a number suffix. */
  async function takenSlugsOf(inputs: readonly CreateProductInput[]) {
    const bases = new Set<string>();
    for (const input of inputs) {
      const base = slugBaseOf(input.nameVi);
      if (base !== undefined) bases.add(base);
    }
    // A suffix shortens a long base: its stems with 1 to 6 suffix digits are read too.
    const stems = new Set(bases);
    for (const base of bases) for (let n = 2; n <= 999_999; n *= 10) stems.add(slugWithSuffix(base, n).replace(/-\d+$/, ''));
    await repository.lockSlugBases([...bases]);
    return new Set(await repository.listSlugsOfStems([...stems]));
  }

  async function prepare(actor: RegistryActor, inputs: readonly CreateProductInput[]): Promise<NewProductPlanner> {
    const year = vietnamYear(clock.now());
    const producerById = new Map(
      (await repository.findProducersForShare(inputs.map((input) => input.producerId))).map((row) => [row.id, row]),
    );
    const setErrorsOf = await setChecksOf(inputs);
    const takenCodes = new Set<string>();
    const codes = await reserveCodes(inputs, producerById, year, takenCodes);
    const issued = inputs.map(issuedCodeOf).filter((code): code is string => code !== undefined);
    for (const code of await repository.listTakenCodes(issued)) takenCodes.add(code);
    const gtinOwners = await gtinOwnersOf(actor, inputs);
    const takenSlugs = await takenSlugsOf(inputs);
    const taken = { codes: takenCodes, slugs: takenSlugs, gtinOwner: (gtin: string) => gtinOwners.get(gtin) };

    return {
      plan: async (grants, input) => {
        const producer = producerById.get(input.producerId);
        const group = producer ? codes.groups.get(placeKey(producer)) : undefined;
        const nextCodeNumber = () => (group && group.next <= group.end ? group.next++ : undefined);
        for (;;) {
          try {
            const planned = planNewProduct({ producer, input, grants, year, setErrors: setErrorsOf(input), taken, nextCodeNumber });
            if (group && !hasIssuedCode(input)) group.remaining--;
            takenCodes.add(planned.code);
            takenSlugs.add(planned.slug);
            for (const gtin of planned.gtins) gtinOwners.set(gtin, planned.code);
            return planned;
          } catch (error) {
            if (!(error instanceof ProductCodeNumbersExhausted) || !group) throw error;
            // Hand-entered codes held the numbers reserved: reserve as many again and plan the item anew.
            await codes.reserve([group]);
          }
        }
      },
    };
  }

  return { prepare };
}

export type NewProductPlanning = ReturnType<typeof createNewProductPlanning>;
