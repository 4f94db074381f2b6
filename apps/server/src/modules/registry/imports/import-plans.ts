import {
  assertProducerStatusChange,
  assertProductStatusChange,
  checkFoundingYear,
  checkLegalForm,
  checkLocation,
  checkMemberCount,
  checkPriceRange,
  normalizeContactEmail,
  normalizeContactPhone,
  normalizeGtins,
  normalizeIssuedProductCode,
  normalizeRegistrationNumber,
  type ProducerStatus,
  type ProductStatus,
} from '@ocop/domain/registry';
import { DomainError, foldVietnamese } from '@ocop/domain/shared';
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../../platform/database/database';
import type { AuditContext } from '../../identity';
import { productGtins, products } from '../products/product.tables';
import { isPublishedProduct } from '../products/product-staging';
import { producers } from '../producers/producer.tables';
import type { ProducerService } from '../producers/producer.service';
import type { CreateProductInput, ProductService } from '../products/product.service';
import {
  type CellInput,
  type ParseContext,
  PRODUCER_COLUMNS,
  PRODUCT_COLUMNS,
  parseProducerRow,
  parseProductRow,
  type ProducerSheetValues,
  type ProductSheetValues,
  type SheetProblem,
} from './registry-columns';
import { BulkItemError, type RegistryActor } from '../shared/registry-support';

/** A problem of one row: on the column named by `key` (a template column key), or on the whole row when null. */
export type RowProblem = { key: string | null; code: string; details: Record<string, unknown> };

/** A data row after parsing: its values by column key, and which columns the file has at all. */
export type ParsedRow<V> = { rowNumber: number; values: V; present: ReadonlySet<string> };

export type PlannedRow<V> = ParsedRow<V> & {
  existingId: string | null;
  /** For a product row, the producer its tax code names (found while checking). */
  producerId?: string | null;
  problems: RowProblem[];
};

export type ApplyOutcome = 'created' | 'updated' | 'unchanged';

/** `db` is the ambient handle: plans read through it, so inside the import's transaction they read its writes. */
export type PlanEnv = { provinceCode: string; currentYear: number; db: () => Database };
export type ApplyEnv = { actor: RegistryActor; context: AuditContext; provinceCode: string; db: () => Database };

/** What the import needs to know about one kind of record: columns, parsing, checks against the database, writing. */
export type ImportPlan<V> = {
  columns: typeof PRODUCER_COLUMNS | typeof PRODUCT_COLUMNS;
  parse: (cells: readonly CellInput[], ctx: ParseContext) => { values: V; problems: SheetProblem[] };
  /** Checks every row against the others and the stored records, without writing; fills `existingId`. */
  plan: (rows: ParsedRow<V>[], env: PlanEnv) => Promise<PlannedRow<V>[]>;
  /** Writes one checked row inside the import's transaction, through the registry's own services. */
  apply: (row: PlannedRow<V>, env: ApplyEnv) => Promise<ApplyOutcome>;
  /**
   * Optional: writes all the checked rows that add a record (`existingId` null) at once, with the same
   * results as `apply` on each in turn; reports progress per chunk; a failing row throws an ImportRowError.
   */
  createMany?: (rows: PlannedRow<V>[], env: ApplyEnv, onChunk: (rows: number) => Promise<void> | void) => Promise<void>;
  /**
   * Optional: of the checked rows that match a record, the numbers of those whose `apply` would change
   * nothing, read in bulk so that they need no work per row.
   */
  unchanged?: (rows: PlannedRow<V>[], env: ApplyEnv) => Promise<Set<number>>;
  /**
   * Optional: writes the rows that add a record under the import, in short transactions, invisible
   * until the import completes (instead of `createMany` inside the import's one transaction), so that
   * other requests are served while a large import writes.
   */
  staging?: ImportStaging<V>;
};

export type ImportStaging<V> = {
  /** Same checks and results as `createMany`; a failing row throws an ImportRowError. */
  stage: (rows: PlannedRow<V>[], env: ApplyEnv, importId: string, onChunk: (rows: number) => Promise<void> | void) => Promise<void>;
  /** Removes what an import that did not complete staged (again after a crash). */
  discard: (importId: string, signal?: AbortSignal) => Promise<number>;
  /** Writes the audit entries of the staged records once the import completed; resumes after a crash. */
  recordCreated: (importId: string, context: AuditContext, signal?: AbortSignal) => Promise<number>;
};

/** A DomainError of one row of a bulk write, so that the import can name the row. */
export class ImportRowError extends Error {
  constructor(
    readonly rowNumber: number,
    readonly error: DomainError,
  ) {
    super(error.message);
    this.name = 'ImportRowError';
  }
}

/** Runs a domain check and turns its DomainError into a problem of the row (on `fallbackKey` unless the error names a field). */
function check<T>(problems: RowProblem[], fallbackKey: string | null, work: () => T): T | undefined {
  try {
    return work();
  } catch (error) {
    if (error instanceof DomainError) {
      const field = typeof error.details.field === 'string' ? error.details.field : fallbackKey;
      problems.push({ key: field, code: error.code, details: { ...error.details } });
      return undefined;
    }
    throw error;
  }
}

/** Absent columns keep what is stored; present but empty cells clear it. */
function given<V extends Record<string, unknown>, K extends keyof V & string>(row: ParsedRow<V>, key: K): V[K] | undefined {
  return row.present.has(key) ? row.values[key] : undefined;
}

/** The version of a stored record, read inside the import's transaction. */
async function versionOf(db: () => Database, table: typeof producers | typeof products, id: string): Promise<{ version: number }> {
  const [row] = await db().select({ version: table.version }).from(table).where(eq(table.id, id));
  if (!row) throw new DomainError('not_found', table === producers ? 'producer.not_found' : 'product.not_found', 'The record disappeared.');
  return row;
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

// ————— Producers —————

export function producerImportPlan(service: ProducerService): ImportPlan<ProducerSheetValues> {
  return {
    columns: PRODUCER_COLUMNS,
    parse: parseProducerRow,

    plan: async (rows, env) => {
      const existing = new Map<string, { id: string; status: ProducerStatus }>();
      const numbers: string[] = [];
      const normalized = new Map<number, string>();
      const planned: PlannedRow<ProducerSheetValues>[] = rows.map((row) => {
        const problems: RowProblem[] = [];
        const v = row.values;
        if (v.type && v.registrationNumber) {
          const number = check(problems, 'registrationNumber', () =>
            normalizeRegistrationNumber(v.type as NonNullable<typeof v.type>, v.registrationNumber as string),
          );
          if (number) {
            normalized.set(row.rowNumber, number);
            numbers.push(number);
          }
        }
        if (v.type) check(problems, 'legalForm', () => checkLegalForm(v.type as NonNullable<typeof v.type>, v.legalForm));
        check(problems, 'latitude', () => checkLocation(v.latitude, v.longitude));
        check(problems, 'foundingYear', () => checkFoundingYear(v.foundingYear, env.currentYear));
        check(problems, 'memberCount', () => checkMemberCount(v.memberCount));
        check(problems, 'phone', () => normalizeContactPhone(v.phone));
        check(problems, 'email', () => normalizeContactEmail(v.email));
        return { ...row, existingId: null, problems };
      });
      for (const part of chunks([...new Set(numbers)], 1000)) {
        const found = await env
          .db()
          .select({ id: producers.id, registrationNumber: producers.registrationNumber, status: producers.status })
          .from(producers)
          .where(and(eq(producers.provinceCode, env.provinceCode), inArray(producers.registrationNumber, part)));
        for (const row of found) existing.set(row.registrationNumber, { id: row.id, status: row.status });
      }
      const firstRowOf = new Map<string, number>();
      for (const row of planned) {
        const number = normalized.get(row.rowNumber);
        if (!number) continue;
        const first = firstRowOf.get(number);
        if (first !== undefined) {
          row.problems.push({ key: 'registrationNumber', code: 'import.duplicate_row', details: { value: number, firstRow: first } });
          continue;
        }
        firstRowOf.set(number, row.rowNumber);
        const stored = existing.get(number);
        if (stored) {
          row.existingId = stored.id;
          const status = given(row, 'status');
          if (status && status !== stored.status) check(row.problems, 'status', () => assertProducerStatusChange(stored.status, status));
        }
      }
      return planned;
    },

    apply: async (row, env) => {
      const v = row.values;
      const fields = {
        type: v.type ?? undefined,
        legalForm: given(row, 'legalForm'),
        name: v.name ?? undefined,
        registrationNumber: v.registrationNumber ?? undefined,
        communeCode: v.communeCode ?? undefined,
        legacyCommuneCode: given(row, 'legacyCommuneCode'),
        address: given(row, 'address'),
        latitude: given(row, 'latitude'),
        longitude: given(row, 'longitude'),
        representativeName: given(row, 'representativeName'),
        phone: given(row, 'phone'),
        email: given(row, 'email'),
        foundingYear: given(row, 'foundingYear'),
        memberCount: given(row, 'memberCount'),
      };
      const status = given(row, 'status') ?? undefined;
      if (!row.existingId) {
        if (!fields.type || !fields.name || !fields.registrationNumber || !fields.communeCode)
          throw new Error('a checked row lacks a required value');
        await service.registerProducer(
          env.actor,
          {
            ...fields,
            type: fields.type,
            name: fields.name,
            registrationNumber: fields.registrationNumber,
            communeCode: fields.communeCode,
            provinceCode: env.provinceCode,
            status,
          },
          env.context,
        );
        return 'created';
      }
      const before = await versionOf(env.db, producers, row.existingId);
      const after = await service.updateProducer(env.actor, row.existingId, { ...fields, version: before.version }, env.context);
      let changed = after.version !== before.version;
      if (status && status !== after.status) {
        await service.changeProducerStatus(env.actor, row.existingId, { status, version: after.version }, env.context);
        changed = true;
      }
      return changed ? 'updated' : 'unchanged';
    },
  };
}

// ————— Products —————

type StoredProduct = { id: string; code: string; producerId: string; provinceCode: string; status: ProductStatus; nameFolded: string };

export function productImportPlan(service: ProductService): ImportPlan<ProductSheetValues> {
  return {
    columns: PRODUCT_COLUMNS,
    parse: parseProductRow,

    plan: async (rows, env) => {
      const producerByNumber = new Map<string, { id: string; status: ProducerStatus }>();
      const numbers = [
        ...new Set(
          rows.map((row) => row.values.producerRegistrationNumber?.replace(/\s+/g, '').toUpperCase()).filter((n): n is string => !!n),
        ),
      ];
      for (const part of chunks(numbers, 1000)) {
        const found = await env
          .db()
          .select({ id: producers.id, registrationNumber: producers.registrationNumber, status: producers.status })
          .from(producers)
          .where(and(eq(producers.provinceCode, env.provinceCode), inArray(producers.registrationNumber, part)));
        for (const row of found) producerByNumber.set(row.registrationNumber, { id: row.id, status: row.status });
      }

      // Products named by code anywhere in the country (codes are unique nationally).
      const codeOf = new Map<number, string>();
      const planned: PlannedRow<ProductSheetValues>[] = rows.map((row) => {
        const problems: RowProblem[] = [];
        const v = row.values;
        if (v.code) {
          const code = check(problems, 'code', () => normalizeIssuedProductCode(v.code as string));
          if (code) codeOf.set(row.rowNumber, code);
        }
        check(problems, 'priceMin', () => checkPriceRange(v.priceMin, v.priceMax));
        check(problems, 'gtins', () => normalizeGtins(v.gtins ?? []));
        return { ...row, existingId: null, problems };
      });
      const byCode = new Map<string, StoredProduct>();
      for (const part of chunks([...new Set(codeOf.values())], 1000)) {
        const found = await env
          .db()
          .select({
            id: products.id,
            code: products.code,
            producerId: products.producerId,
            provinceCode: products.provinceCode,
            status: products.status,
            nameFolded: products.nameFolded,
          })
          .from(products)
          .where(and(inArray(products.code, part), isPublishedProduct));
        for (const row of found) byCode.set(row.code, row);
      }
      // Rows without a code are matched to a product of the same producer with the same name, so importing a file twice adds nothing.
      const producerIds = [...new Set([...producerByNumber.values()].map((p) => p.id))];
      const byProducerName = new Map<string, StoredProduct[]>();
      for (const part of chunks(producerIds, 500)) {
        const found = await env
          .db()
          .select({
            id: products.id,
            code: products.code,
            producerId: products.producerId,
            provinceCode: products.provinceCode,
            status: products.status,
            nameFolded: products.nameFolded,
          })
          .from(products)
          .where(and(inArray(products.producerId, part), isPublishedProduct));
        for (const row of found) {
          const key = `${row.producerId}|${row.nameFolded}`;
          byProducerName.set(key, [...(byProducerName.get(key) ?? []), row]);
        }
      }

      const gtinOwner = new Map<string, { productId: string; code: string }>();
      const allGtins = [...new Set(planned.flatMap((row) => row.values.gtins ?? []))];
      for (const part of chunks(allGtins, 1000)) {
        const found = await env
          .db()
          .select({ gtin: productGtins.gtin, productId: productGtins.productId, code: products.code })
          .from(productGtins)
          .innerJoin(products, eq(products.id, productGtins.productId))
          .where(inArray(productGtins.gtin, part));
        for (const row of found) gtinOwner.set(row.gtin, { productId: row.productId, code: row.code });
      }

      const seenKeys = new Map<string, number>();
      const gtinRow = new Map<string, number>();
      for (const row of planned) {
        const v = row.values;
        const number = v.producerRegistrationNumber?.replace(/\s+/g, '').toUpperCase();
        const producer = number ? producerByNumber.get(number) : undefined;
        if (number && !producer) {
          row.problems.push({ key: 'producerRegistrationNumber', code: 'import.producer_not_found', details: { value: number } });
        }
        row.producerId = producer?.id ?? null;
        const code = codeOf.get(row.rowNumber);
        let stored: StoredProduct | undefined;
        if (code) {
          stored = byCode.get(code);
          if (stored && stored.provinceCode !== env.provinceCode) {
            row.problems.push({ key: 'code', code: 'import.product_other_province', details: { value: code } });
            stored = undefined;
          } else if (stored && producer && stored.producerId !== producer.id) {
            row.problems.push({
              key: 'producerRegistrationNumber',
              code: 'import.product_of_other_producer',
              details: { value: number, code },
            });
          }
        } else if (producer && v.nameVi) {
          const matches = byProducerName.get(`${producer.id}|${foldVietnamese(v.nameVi.trim().replace(/\s+/g, ' '))}`) ?? [];
          if (matches.length === 1) stored = matches[0];
          else if (matches.length > 1)
            row.problems.push({
              key: 'code',
              code: 'import.product_ambiguous',
              details: { value: v.nameVi, codes: matches.map((m) => m.code).join(', ') },
            });
        }
        const key = code ? `code:${code}` : producer && v.nameVi ? `name:${producer.id}|${foldVietnamese(v.nameVi)}` : null;
        if (key) {
          const first = seenKeys.get(key);
          if (first !== undefined) {
            row.problems.push({
              key: code ? 'code' : 'nameVi',
              code: 'import.duplicate_row',
              details: { value: code ?? v.nameVi, firstRow: first },
            });
            continue;
          }
          seenKeys.set(key, row.rowNumber);
        }
        if (stored) {
          row.existingId = stored.id;
          const status = given(row, 'status');
          if (status && status !== stored.status) check(row.problems, 'status', () => assertProductStatusChange(stored.status, status));
          if (status === 'on_sale' && status !== stored.status && producer?.status === 'dissolved') {
            row.problems.push({ key: 'status', code: 'producer.dissolved', details: {} });
          }
        } else if (producer?.status === 'dissolved') {
          row.problems.push({ key: 'producerRegistrationNumber', code: 'producer.dissolved', details: {} });
        }
        for (const gtin of v.gtins ?? []) {
          const owner = gtinOwner.get(gtin);
          if (owner && owner.productId !== row.existingId) {
            row.problems.push({ key: 'gtins', code: 'product.gtin_taken', details: { gtin, productCode: owner.code } });
          }
          const firstRow = gtinRow.get(gtin);
          if (firstRow !== undefined && firstRow !== row.rowNumber) {
            row.problems.push({ key: 'gtins', code: 'import.duplicate_gtin', details: { gtin, firstRow } });
          } else gtinRow.set(gtin, row.rowNumber);
        }
      }
      return planned;
    },

    apply: async (row, env) => {
      const v = row.values;
      const { texts, status } = productFieldsOf(row);
      if (!row.existingId) {
        await service.createProduct(env.actor, newProductOf(row), env.context);
        return 'created';
      }
      const before = await versionOf(env.db, products, row.existingId);
      const after = await service.updateProduct(
        env.actor,
        row.existingId,
        { ...texts, productSetId: v.productSetId ?? undefined, nameVi: v.nameVi ?? undefined, version: before.version },
        env.context,
      );
      let changed = after.version !== before.version;
      if (status && status !== after.status) {
        await service.changeProductStatus(env.actor, row.existingId, { status, version: after.version }, env.context);
        changed = true;
      }
      return changed ? 'updated' : 'unchanged';
    },

    createMany: async (rows, env, onChunk) => {
      const inputs = rows.map(newProductOf);
      try {
        await service.createProducts(env.actor, inputs, env.context, {}, onChunk);
      } catch (error) {
        if (error instanceof BulkItemError) throw new ImportRowError(rows[error.index]?.rowNumber ?? 0, error.error);
        throw error;
      }
    },

    staging: {
      stage: async (rows, env, importId, onChunk) => {
        try {
          await service.stageProducts(env.actor, rows.map(newProductOf), env.context, importId, onChunk);
        } catch (error) {
          if (error instanceof BulkItemError) throw new ImportRowError(rows[error.index]?.rowNumber ?? 0, error.error);
          throw error;
        }
      },
      discard: (importId, signal) => service.staging.discard(importId, signal),
      recordCreated: (importId, context, signal) => service.staging.recordCreated(importId, context, signal),
    },

    unchanged: async (rows, env) => {
      // A record named by two rows (by code and by name) is written by each in turn: leave those to `apply`.
      const rowsOf = new Map<string, number>();
      for (const row of rows) if (row.existingId) rowsOf.set(row.existingId, (rowsOf.get(row.existingId) ?? 0) + 1);
      const items = rows
        .filter((row) => row.existingId && rowsOf.get(row.existingId) === 1)
        .map((row) => {
          const { texts, status } = productFieldsOf(row);
          const v = row.values;
          return {
            productId: row.existingId as string,
            input: { ...texts, productSetId: v.productSetId ?? undefined, nameVi: v.nameVi ?? undefined },
            status,
          };
        });
      const same = await service.unchangedBy(env.actor, items);
      return new Set(rows.filter((row) => row.existingId && same.has(row.existingId)).map((row) => row.rowNumber));
    },
  };
}

/** The fields of a product row that `apply` writes (absent columns left out), and the status it asks for. */
function productFieldsOf(row: PlannedRow<ProductSheetValues>) {
  const v = row.values;
  const texts = {
    nameEn: given(row, 'nameEn'),
    nameZh: given(row, 'nameZh'),
    description: given(row, 'description'),
    story: given(row, 'story'),
    rawMaterial: given(row, 'rawMaterial'),
    rawMaterialOrigin: given(row, 'rawMaterialOrigin'),
    packaging: given(row, 'packaging'),
    netQuantity: given(row, 'netQuantity'),
    shelfLife: given(row, 'shelfLife'),
    storageInstructions: given(row, 'storageInstructions'),
    priceMin: given(row, 'priceMin'),
    priceMax: given(row, 'priceMax'),
    gtins: row.present.has('gtins') ? (v.gtins ?? []) : undefined,
    legacyProductSetId: given(row, 'legacyProductSetId'),
  };
  return { texts, status: given(row, 'status') ?? undefined };
}

/** The product a checked row without a stored record adds. */
function newProductOf(row: PlannedRow<ProductSheetValues>): CreateProductInput {
  const v = row.values;
  if (!row.producerId || !v.productSetId || !v.nameVi) throw new Error('a checked row lacks a required value');
  const { texts, status } = productFieldsOf(row);
  return { ...texts, producerId: row.producerId, productSetId: v.productSetId, nameVi: v.nameVi, code: v.code ?? undefined, status };
}
