import type { CapabilityReach } from '@ocop/domain/shared';
import { and, asc, count, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { queryRows } from '../../../platform/database/database';
import type { Transactions } from '../../../platform/database/transaction';
import { type SalesPointInsert, type SalesPointRow, salesPointStock, salesPoints } from './sales-point.tables';

export type SalesPointRepository = ReturnType<typeof createSalesPointRepository>;

/** The rows a reader's reach covers: exactly those `can(grants, capability, point)` allows. */
function reachCondition(reach: CapabilityReach): SQL | undefined {
  if (reach === 'all') return undefined;
  const parts: SQL[] = [];
  if (reach.provinceCodes.length > 0) parts.push(inArray(salesPoints.provinceCode, reach.provinceCodes));
  for (const commune of reach.communes) {
    const both = and(eq(salesPoints.provinceCode, commune.provinceCode), eq(salesPoints.communeCode, commune.communeCode));
    if (both) parts.push(both);
  }
  if (reach.salesPointIds.length > 0) parts.push(inArray(salesPoints.id, reach.salesPointIds));
  return parts.length > 0 ? or(...parts) : sql`false`;
}

/** The only SQL on the sales-point tables; every query runs on the ambient transaction's handle. */
export function createSalesPointRepository({ transactions }: { transactions: Transactions }) {
  const db = transactions.db;
  const stockCounts = async (ids: readonly string[]): Promise<Map<string, number>> => {
    if (ids.length === 0) return new Map();
    const rows = await db()
      .select({ id: salesPointStock.salesPointId, n: count() })
      .from(salesPointStock)
      .where(inArray(salesPointStock.salesPointId, [...ids]))
      .groupBy(salesPointStock.salesPointId);
    return new Map(rows.map((row) => [row.id, Number(row.n)]));
  };
  return {
    findById: async (id: string): Promise<SalesPointRow | undefined> => {
      const [row] = await db().select().from(salesPoints).where(eq(salesPoints.id, id));
      return row;
    },

    /** Locks the point's row for a stock change, so two operators' saves do not interleave. */
    lockById: async (id: string): Promise<SalesPointRow | undefined> => {
      const [row] = await db().select().from(salesPoints).where(eq(salesPoints.id, id)).for('update');
      return row;
    },

    insert: async (values: SalesPointInsert): Promise<SalesPointRow> => {
      const [row] = await db().insert(salesPoints).values(values).returning();
      if (!row) throw new Error('insert returned no row');
      return row;
    },

    /** Writes only if the row still has `expectedRevision`; undefined when it has moved on. */
    saveVersioned: async (id: string, expectedRevision: number, patch: Partial<SalesPointInsert>) => {
      const [row] = await db()
        .update(salesPoints)
        .set({ ...patch, revision: sql`${salesPoints.revision} + 1` })
        .where(and(eq(salesPoints.id, id), eq(salesPoints.revision, expectedRevision)))
        .returning();
      return row;
    },

    stockCounts,

    /** A page of the points in reach, by name. */
    listPage: async (reach: CapabilityReach, filters: { status?: string | undefined; page: number; pageSize: number }) => {
      const conditions: SQL[] = [];
      const inReach = reachCondition(reach);
      if (inReach) conditions.push(inReach);
      if (filters.status) conditions.push(eq(salesPoints.status, filters.status as SalesPointRow['status']));
      const where = and(...conditions);
      const items = await db()
        .select()
        .from(salesPoints)
        .where(where)
        .orderBy(asc(salesPoints.provinceCode), asc(salesPoints.name), asc(salesPoints.id))
        .limit(filters.pageSize)
        .offset((filters.page - 1) * filters.pageSize);
      const [counted] = await db().select({ n: count() }).from(salesPoints).where(where);
      return { items, total: Number(counted?.n ?? 0) };
    },

    /** Every point (open and closed) of every province, for the public map's snapshot; a province has tens. */
    listAll: async (): Promise<SalesPointRow[]> =>
      db().select().from(salesPoints).orderBy(asc(salesPoints.provinceCode), asc(salesPoints.name), asc(salesPoints.id)),

    /** The product ids on a point's shelf, in the order they were added. */
    stockOf: async (salesPointId: string): Promise<{ productId: string; addedAt: Date }[]> =>
      db()
        .select({ productId: salesPointStock.productId, addedAt: salesPointStock.addedAt })
        .from(salesPointStock)
        .where(eq(salesPointStock.salesPointId, salesPointId))
        .orderBy(asc(salesPointStock.addedAt), asc(salesPointStock.productId)),

    /** Every (point, product) pair, for the public snapshot: points × shelf, bounded by the stock limit per point. */
    allStock: async (): Promise<{ salesPointId: string; productId: string }[]> =>
      db().select({ salesPointId: salesPointStock.salesPointId, productId: salesPointStock.productId }).from(salesPointStock),

    /** Replaces a point's shelf: removes what is gone, adds what is new (kept rows keep their date). */
    replaceStock: async (salesPointId: string, productIds: readonly string[], at: Date, by: string) => {
      const keep = [...new Set(productIds)];
      const removed = await db()
        .delete(salesPointStock)
        .where(
          keep.length > 0
            ? and(eq(salesPointStock.salesPointId, salesPointId), sql`${salesPointStock.productId} <> all(${sql.param(keep)}::uuid[])`)
            : eq(salesPointStock.salesPointId, salesPointId),
        )
        .returning({ productId: salesPointStock.productId });
      const added =
        keep.length === 0
          ? []
          : await db()
              .insert(salesPointStock)
              .values(keep.map((productId) => ({ salesPointId, productId, addedAt: at, addedBy: by })))
              .onConflictDoNothing()
              .returning({ productId: salesPointStock.productId });
      await db().update(salesPoints).set({ stockUpdatedAt: at }).where(eq(salesPoints.id, salesPointId));
      return { added: added.map((row) => row.productId), removed: removed.map((row) => row.productId) };
    },

    /**
     * A short text that moves whenever a point or a shelf changes: one query of aggregates over tens of
     * points and their shelves, asked instead of reading them again. Hashes of the rows' contents (the
     * points' revisions, the shelf pairs) rather than times, so a clock set back changes nothing.
     */
    changeToken: async (): Promise<string> => {
      const [row] = await queryRows<{ token: string }>(
        db(),
        sql`select concat_ws('|',
          (select concat_ws(':', count(*), sum(hashtext(${salesPoints.id}::text || ':' || ${salesPoints.revision}))) from ${salesPoints}),
          (select concat_ws(':', count(*), sum(hashtext(${salesPointStock.salesPointId}::text || ${salesPointStock.productId}::text))) from ${salesPointStock})
        ) as token`,
      );
      return row?.token ?? '';
    },
  };
}
