import { randomUUID } from 'node:crypto';
import { legacyDistrictOf, type SalesPointKind, type SalesPointStatus, salesPointPlaceProblem } from '@ocop/domain/catalogue';
import { type CapabilityTarget, can, DomainError, reachOf, type RoleGrant } from '@ocop/domain/shared';
import type { Clock } from '../../../platform/clock';
import type { Transactions } from '../../../platform/database/transaction';
import type { AuditContext, AuditService } from '../../identity';
import type { SalesPointMap } from '../catalogue-ports';
import type { CatalogueService } from '../products/catalogue.service';
import type { SalesPointRepository } from './sales-point.repository';
import type { SalesPointRow } from './sales-point.tables';

export type SalesPointService = ReturnType<typeof createSalesPointService>;
export type SalesPointActor = { userId: string; grants: readonly RoleGrant[] };

/** A point's fields as a client sends them (zod has trimmed and bounded them). */
export type SalesPointFieldsInput = {
  name: string;
  kind: SalesPointKind;
  communeCode: string;
  legacyDistrictCode?: string | null | undefined;
  address?: string | null | undefined;
  hours?: string | null | undefined;
  location?: { lat: number; lon: number } | null | undefined;
  websiteUrl?: string | null | undefined;
  phone?: string | null | undefined;
  operatorName?: string | null | undefined;
};

const AUDITED = [
  'name',
  'kind',
  'status',
  'communeCode',
  'legacyDistrictCode',
  'address',
  'hours',
  'latitude',
  'longitude',
  'websiteUrl',
  'phone',
  'operatorName',
] as const satisfies readonly (keyof SalesPointRow)[];

export const salesPointNotFound = () => new DomainError('not_found', 'sales_point.not_found', 'No such sales point.');
const forbidden = (what: string) => new DomainError('forbidden', 'auth.forbidden', `You may not ${what}.`);
export const placeOfPoint = (row: Pick<SalesPointRow, 'id' | 'provinceCode' | 'communeCode'>): CapabilityTarget => ({
  provinceCode: row.provinceCode,
  communeCode: row.communeCode,
  salesPointId: row.id,
});
const blank = (value: string | null | undefined) => value?.trim() || null;

/**
 * The register of showcase and sales points (kept by the province with `sales_points.manage`) and
 * each point's shelf (kept by its operator with `sales_points.stock`). Readers see what
 * `sales_points.read` reaches; anything else answers 404. Each write is one ambient transaction with
 * its audit entry; `onChange` tells the public directory to rebuild.
 */
export function createSalesPointService(deps: {
  transactions: Transactions;
  clock: Clock;
  audit: AuditService;
  repository: SalesPointRepository;
  map: SalesPointMap;
  catalogue: CatalogueService;
  onChange: () => void;
}) {
  const { transactions, clock, audit, repository, map, catalogue, onChange } = deps;

  async function checkedFields(input: SalesPointFieldsInput, provinceCode: string) {
    const location = input.location ?? null;
    const websiteUrl = blank(input.websiteUrl);
    const problem = salesPointPlaceProblem({ kind: input.kind, location, websiteUrl });
    if (problem) {
      const field = problem === 'website_required' ? 'websiteUrl' : 'location';
      throw new DomainError('invalid', `sales_point.${problem}`, `The point's place is not valid (${problem}).`, { field });
    }
    try {
      await map.assertCommuneInProvince(input.communeCode, provinceCode);
    } catch (error) {
      if (error instanceof DomainError)
        throw new DomainError(error.kind, error.code, error.message, { ...error.details, field: 'communeCode' });
      throw error;
    }
    const candidates = await map.formerDistrictsOf(input.communeCode);
    const legacyDistrictCode = legacyDistrictOf(candidates, input.legacyDistrictCode);
    if (legacyDistrictCode === undefined) {
      throw new DomainError('invalid', 'sales_point.district_required', 'Choose the former district.', {
        field: 'legacyDistrictCode',
        candidates: [...new Set(candidates)].join(', '),
      });
    }
    return {
      name: input.name.trim().replace(/\s+/g, ' '),
      kind: input.kind,
      communeCode: input.communeCode,
      legacyDistrictCode,
      address: blank(input.address),
      hours: blank(input.hours),
      latitude: location?.lat ?? null,
      longitude: location?.lon ?? null,
      websiteUrl,
      phone: blank(input.phone),
      operatorName: blank(input.operatorName),
    };
  }

  const audited = (row: SalesPointRow) => Object.fromEntries(AUDITED.map((key) => [key, row[key]]));

  async function readable(actor: SalesPointActor, id: string): Promise<SalesPointRow> {
    const row = await repository.findById(id);
    if (!row || !can(actor.grants, 'sales_points.read', placeOfPoint(row))) throw salesPointNotFound();
    return row;
  }

  const withCount = async (row: SalesPointRow) => ({ row, stockCount: (await repository.stockCounts([row.id])).get(row.id) ?? 0 });

  return {
    getPoint: (actor: SalesPointActor, id: string) => transactions.run(async () => withCount(await readable(actor, id))),

    listPoints: (actor: SalesPointActor, query: { status?: SalesPointStatus | undefined; page: number; pageSize: number }) =>
      transactions.run(async () => {
        const page = await repository.listPage(reachOf(actor.grants, 'sales_points.read'), query);
        const counts = await repository.stockCounts(page.items.map((row) => row.id));
        return { total: page.total, items: page.items.map((row) => ({ row, stockCount: counts.get(row.id) ?? 0 })) };
      }),

    /** For identity: a grant may name only a point of its own province. */
    assertExistsInProvince: (id: string, provinceCode: string) =>
      transactions.run(async () => {
        const row = await repository.findById(id);
        if (!row || row.provinceCode !== provinceCode) {
          throw new DomainError('invalid', 'sales_point.not_found', 'No such sales point in this province.', { field: 'salesPointId' });
        }
      }),

    createPoint: (actor: SalesPointActor, input: SalesPointFieldsInput & { provinceCode: string }, context: AuditContext) =>
      transactions.run(async () => {
        if (!can(actor.grants, 'sales_points.manage', { provinceCode: input.provinceCode }))
          throw forbidden('register sales points in this province');
        const fields = await checkedFields(input, input.provinceCode);
        const now = clock.now();
        const row = await repository.insert({
          ...fields,
          id: randomUUID(),
          provinceCode: input.provinceCode,
          status: 'active',
          createdBy: actor.userId,
          createdAt: now,
          updatedAt: now,
        });
        await audit.record(context, {
          action: 'sales_point.created',
          entityType: 'sales_point',
          entityId: row.id,
          provinceCode: row.provinceCode,
          after: audited(row),
        });
        onChange();
        return { row, stockCount: 0 };
      }),

    /** Replaces a point's fields over the revision read (409 when it moved on); closing it is a status. */
    updatePoint: (
      actor: SalesPointActor,
      id: string,
      input: SalesPointFieldsInput & { status: SalesPointStatus; revision: number },
      context: AuditContext,
    ) =>
      transactions.run(async () => {
        const before = await readable(actor, id);
        if (!can(actor.grants, 'sales_points.manage', placeOfPoint(before))) throw forbidden('change this sales point');
        const stale = () =>
          new DomainError('conflict', 'sales_point.stale_revision', 'The point changed meanwhile.', { revision: before.revision });
        if (before.revision !== input.revision) throw stale();
        const fields = await checkedFields(input, before.provinceCode);
        const after = await repository.saveVersioned(before.id, input.revision, {
          ...fields,
          status: input.status,
          updatedAt: clock.now(),
        });
        if (!after) throw stale();
        await audit.record(context, {
          action: 'sales_point.updated',
          entityType: 'sales_point',
          entityId: after.id,
          provinceCode: after.provinceCode,
          before: audited(before),
          after: audited(after),
        });
        onChange();
        return withCount(after);
      }),

    /** What a point stocks, as the catalogue names the products today (a product no longer certified drops out). */
    getStock: (actor: SalesPointActor, id: string) =>
      transactions.run(async () => {
        const point = await readable(actor, id);
        const rows = await repository.stockOf(point.id);
        const products = await catalogue.byIds(rows.map((row) => row.productId));
        return { point, products, updatedAt: point.stockUpdatedAt };
      }),

    /**
     * Replaces a point's shelf with these certified products. Only products the public catalogue holds
     * today may be listed (a revoked product cannot be advertised as OCOP); a closed point keeps its list.
     */
    putStock: (actor: SalesPointActor, id: string, productIds: readonly string[], context: AuditContext) =>
      transactions.run(async () => {
        const point = await readable(actor, id);
        if (!can(actor.grants, 'sales_points.stock', placeOfPoint(point))) throw forbidden('change what this point stocks');
        const locked = await repository.lockById(point.id);
        if (!locked) throw salesPointNotFound();
        if (locked.status !== 'active') throw new DomainError('conflict', 'sales_point.closed', 'The point is closed.');
        const wanted = [...new Set(productIds)];
        const known = new Set((await catalogue.byIds(wanted)).map((product) => product.id));
        const unknown = wanted.filter((productId) => !known.has(productId));
        if (unknown.length > 0) {
          throw new DomainError('invalid', 'sales_point.product_not_certified', 'Not certified products.', {
            field: 'productIds',
            productIds: unknown.slice(0, 5).join(', '),
          });
        }
        const change = await repository.replaceStock(point.id, wanted, clock.now(), actor.userId);
        if (change.added.length > 0 || change.removed.length > 0) {
          await audit.record(context, {
            action: 'sales_point.stock_changed',
            entityType: 'sales_point',
            entityId: point.id,
            provinceCode: point.provinceCode,
            after: { added: change.added, removed: change.removed },
          });
        }
        onChange();
        const products = await catalogue.byIds(wanted);
        return { point: locked, products, updatedAt: clock.now() };
      }),
  };
}
