import { vietnamDate } from '@ocop/domain/registry';
import { type CapabilityTarget, can, DomainError, reachOf, type RoleGrant } from '@ocop/domain/shared';
import { type CheckedLotFields, checkLotFields, type LotFieldsInput, lotClassUri } from '@ocop/domain/traceability';
import type { Clock } from '../../../platform/clock';
import { isUniqueViolation } from '../../../platform/database/sql';
import type { Transactions } from '../../../platform/database/transaction';
import type { AuditContext, AuditService } from '../../identity';
import type { TraceabilityMap, TraceabilityRegistry, TracedProductFacts } from '../traceability-ports';
import type { LotFilters, LotRepository } from './lot.repository';
import type { LotRow } from './lot.tables';

export type LotService = ReturnType<typeof createLotService>;

export type LotActor = { userId: string; grants: readonly RoleGrant[] };

/** The fields the audit log shows of a lot. */
const AUDITED = [
  'lotCode',
  'producedOn',
  'expiresOn',
  'bestBefore',
  'quantity',
  'unit',
  'growingAreaCode',
  'growingAreaCommuneCode',
  'notes',
  'classUri',
] as const satisfies readonly (keyof LotRow)[];

const lotNotFound = () => new DomainError('not_found', 'lot.not_found', 'No such lot.');
const productNotFound = () => new DomainError('not_found', 'product.not_found', 'No such product.', { field: 'productId' });
const codeTaken = (lotCode: string) =>
  new DomainError('conflict', 'lot.code_taken', 'The product already has a lot with this code.', { field: 'lotCode', lotCode });

const placeOf = (row: { provinceCode: string; communeCode: string; producerId: string }): CapabilityTarget => ({
  provinceCode: row.provinceCode,
  communeCode: row.communeCode,
  producerId: row.producerId,
});

/**
 * Production lots: a producer's members record and correct the lots of its own products, the
 * province's staff those of the province; readers see only what `lots.read` reaches, and
 * anything else answers 404. Each write is one ambient transaction with its audit entry.
 */
export function createLotService(deps: {
  transactions: Transactions;
  clock: Clock;
  audit: AuditService;
  repository: LotRepository;
  registry: TraceabilityRegistry;
  map: TraceabilityMap;
  /** Whether EPCIS events already name this lot class: then the lot's code and class are fixed. */
  lotInEvents: (classUri: string) => Promise<boolean>;
}) {
  const { transactions, clock, audit, repository, registry, map, lotInEvents } = deps;
  const today = () => vietnamDate(clock.now());

  /** The product, if the actor may write its lots; 404 when they may not even read them. */
  async function writableProduct(actor: LotActor, productId: string): Promise<TracedProductFacts> {
    const product = await registry.productFacts(productId);
    if (!product || !can(actor.grants, 'lots.read', placeOf(product))) throw productNotFound();
    if (!can(actor.grants, 'lots.write', placeOf(product)))
      throw new DomainError('forbidden', 'auth.forbidden', 'You may not record lots of this product.');
    return product;
  }

  /** The checked fields; the growing area's commune must be one of the current map in the product's province. */
  async function checkedFields(product: TracedProductFacts, input: LotFieldsInput): Promise<CheckedLotFields> {
    const fields = checkLotFields(input, today());
    if (fields.growingAreaCommuneCode !== null) {
      try {
        await map.assertCommuneInProvince(fields.growingAreaCommuneCode, product.provinceCode);
      } catch (error) {
        if (error instanceof DomainError)
          throw new DomainError(error.kind, error.code, error.message, { ...error.details, field: 'growingAreaCommuneCode' });
        throw error;
      }
    }
    return fields;
  }

  async function readable(actor: LotActor, lotId: string): Promise<LotRow> {
    const row = await repository.findById(lotId);
    if (!row || !can(actor.grants, 'lots.read', placeOf(row))) throw lotNotFound();
    return row;
  }

  const audited = (row: LotRow) => Object.fromEntries(AUDITED.map((key) => [key, row[key]]));

  return {
    getLot: (actor: LotActor, lotId: string) => transactions.run(() => readable(actor, lotId)),

    listLots: (actor: LotActor, query: LotFilters & { page: number; pageSize: number }) =>
      transactions.run(() => repository.listPage(reachOf(actor.grants, 'lots.read'), query)),

    createLot: (actor: LotActor, input: LotFieldsInput & { productId: string }, context: AuditContext) =>
      transactions.run(async () => {
        const product = await writableProduct(actor, input.productId);
        const fields = await checkedFields(product, input);
        if (await repository.findByProductAndCode(product.id, fields.lotCode)) throw codeTaken(fields.lotCode);
        const now = clock.now();
        let row: LotRow;
        try {
          row = await repository.insert({
            ...fields,
            productId: product.id,
            producerId: product.producerId,
            provinceCode: product.provinceCode,
            communeCode: product.communeCode,
            classUri: lotClassUri(product, fields.lotCode),
            createdBy: actor.userId,
            createdAt: now,
            updatedAt: now,
          });
        } catch (error) {
          // Another request took the code between our check and our insert.
          if (isUniqueViolation(error, 'lots_product_lot_code_key')) throw codeTaken(fields.lotCode);
          throw error;
        }
        await audit.record(context, {
          action: 'lot.created',
          entityType: 'lot',
          entityId: row.id,
          provinceCode: row.provinceCode,
          after: { productId: row.productId, ...audited(row) },
        });
        return row;
      }),

    /** Replaces a lot's fields over the revision read (409 when it moved on); the product stays. */
    updateLot: (actor: LotActor, lotId: string, input: LotFieldsInput & { revision: number }, context: AuditContext) =>
      transactions.run(async () => {
        const before = await repository.findByIdForUpdate(lotId);
        if (!before || !can(actor.grants, 'lots.read', placeOf(before))) throw lotNotFound();
        if (!can(actor.grants, 'lots.write', placeOf(before)))
          throw new DomainError('forbidden', 'auth.forbidden', 'You may not change this lot.');
        const stale = () => new DomainError('conflict', 'lot.stale_revision', 'The lot changed meanwhile.', { revision: before.revision });
        if (before.revision !== input.revision) throw stale();
        const product = await registry.productFacts(before.productId);
        if (!product) throw lotNotFound();
        const fields = await checkedFields(product, input);
        const recorded = await lotInEvents(before.classUri);
        // Events, printed stamps and partners' systems name the lot by its code: once recorded, it stays.
        if (recorded && fields.lotCode !== before.lotCode) {
          throw new DomainError('conflict', 'lot.code_locked', 'Events name this lot; its code is fixed.', {
            field: 'lotCode',
            lotCode: before.lotCode,
          });
        }
        if (fields.lotCode !== before.lotCode && (await repository.findByProductAndCode(product.id, fields.lotCode)))
          throw codeTaken(fields.lotCode);
        let after: LotRow | undefined;
        try {
          after = await repository.saveVersioned(before.id, input.revision, {
            ...fields,
            // The producer may have moved, or the product got a GTIN: a write takes the current facts,
            // except the class of a lot events already name (the journey reads both names of a lot).
            communeCode: product.communeCode,
            classUri: recorded ? before.classUri : lotClassUri(product, fields.lotCode),
            updatedAt: clock.now(),
          });
        } catch (error) {
          if (isUniqueViolation(error, 'lots_product_lot_code_key')) throw codeTaken(fields.lotCode);
          throw error;
        }
        if (!after) throw stale();
        const was = audited(before);
        const now = audited(after);
        const changed = AUDITED.filter((key) => was[key] !== now[key]);
        await audit.record(context, {
          action: 'lot.updated',
          entityType: 'lot',
          entityId: after.id,
          provinceCode: after.provinceCode,
          before: { ...Object.fromEntries(changed.map((key) => [key, was[key]])), revision: before.revision },
          after: { ...Object.fromEntries(changed.map((key) => [key, now[key]])), revision: after.revision },
        });
        return after;
      }),
  };
}
