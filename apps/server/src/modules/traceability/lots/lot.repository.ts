import { type CapabilityReach, escapeLikePattern } from '@ocop/domain/shared';
import { and, asc, count, desc, eq, inArray, like, or, type SQL, sql } from 'drizzle-orm';
import type { Transactions } from '../../../platform/database/transaction';
import { type LotInsert, type LotRow, lots } from './lot.tables';

export type LotRepository = ReturnType<typeof createLotRepository>;

export type LotFilters = { productId?: string | undefined; producerId?: string | undefined; q?: string | undefined };

/** The rows a reader's reach covers: exactly those `can(grants, 'lots.read', row)` allows. */
function reachCondition(reach: CapabilityReach): SQL | undefined {
  if (reach === 'all') return undefined;
  const parts: SQL[] = [];
  if (reach.provinceCodes.length > 0) parts.push(inArray(lots.provinceCode, reach.provinceCodes));
  for (const commune of reach.communes) {
    const both = and(eq(lots.provinceCode, commune.provinceCode), eq(lots.communeCode, commune.communeCode));
    if (both) parts.push(both);
  }
  if (reach.producerIds.length > 0) parts.push(inArray(lots.producerId, reach.producerIds));
  return parts.length > 0 ? or(...parts) : sql`false`;
}

/** The only SQL on the lots table; every query runs on the ambient transaction's handle. */
export function createLotRepository({ transactions }: { transactions: Transactions }) {
  const db = transactions.db;
  return {
    findById: async (id: string): Promise<LotRow | undefined> => {
      const [row] = await db().select().from(lots).where(eq(lots.id, id));
      return row;
    },

    /** The row, locked until the ambient transaction ends. */
    findByIdForUpdate: async (id: string): Promise<LotRow | undefined> => {
      const [row] = await db().select().from(lots).where(eq(lots.id, id)).for('update');
      return row;
    },

    /** The lots whose EPC class is one of these (as stored: canonical for GS1 keys, the URN otherwise). */
    findByClassUris: (uris: readonly string[]): Promise<LotRow[]> =>
      uris.length === 0
        ? Promise.resolve([])
        : db()
            .select()
            .from(lots)
            .where(inArray(lots.classUri, [...uris])),

    findByProductAndCode: async (productId: string, lotCode: string): Promise<LotRow | undefined> => {
      const [row] = await db()
        .select()
        .from(lots)
        .where(and(eq(lots.productId, productId), eq(lots.lotCode, lotCode)));
      return row;
    },

    insert: async (values: LotInsert): Promise<LotRow> => {
      const [row] = await db().insert(lots).values(values).returning();
      if (!row) throw new Error('insert returned no row');
      return row;
    },

    /** Writes only if the row still has `expectedRevision`; undefined when it has moved on. */
    saveVersioned: async (id: string, expectedRevision: number, patch: Partial<LotInsert>): Promise<LotRow | undefined> => {
      const [row] = await db()
        .update(lots)
        .set({ ...patch, revision: sql`${lots.revision} + 1` })
        .where(and(eq(lots.id, id), eq(lots.revision, expectedRevision)))
        .returning();
      return row;
    },

    /** A page of the lots in reach, the latest production first. */
    listPage: async (reach: CapabilityReach, filters: LotFilters & { page: number; pageSize: number }) => {
      const conditions: SQL[] = [];
      const inReach = reachCondition(reach);
      if (inReach) conditions.push(inReach);
      if (filters.productId) conditions.push(eq(lots.productId, filters.productId));
      if (filters.producerId) conditions.push(eq(lots.producerId, filters.producerId));
      if (filters.q) conditions.push(like(lots.lotCode, `${escapeLikePattern(filters.q)}%`));
      const where = and(...conditions);
      const items = await db()
        .select()
        .from(lots)
        .where(where)
        .orderBy(desc(lots.producedOn), asc(lots.lotCode), asc(lots.id))
        .limit(filters.pageSize)
        .offset((filters.page - 1) * filters.pageSize);
      const [counted] = await db().select({ n: count() }).from(lots).where(where);
      return { items, total: Number(counted?.n ?? 0) };
    },
  };
}
