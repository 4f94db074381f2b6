import type { CapabilityReach } from '@ocop/domain/shared';
import type { StampState } from '@ocop/domain/traceability';
import { and, asc, count, desc, eq, gte, inArray, lte, or, type SQL, sql } from 'drizzle-orm';
import { queryRows } from '../../../platform/database/database';
import type { Transactions } from '../../../platform/database/transaction';
import { type StampOrderInsert, type StampOrderRow, type StampRow, stampOrders, stamps } from './stamp.tables';

export type StampRepository = ReturnType<typeof createStampRepository>;

/** Stamps of one (state, lot) kind in a range, and how many. */
export type StampGroup = { state: StampState; lotId: string | null; count: number };

/** A stamp as a list activation needs it: its own facts and its order's. */
export type ListedStamp = Pick<StampRow, 'serial' | 'orderId' | 'sequence' | 'state' | 'lotId'>;

function reachCondition(reach: CapabilityReach): SQL | undefined {
  if (reach === 'all') return undefined;
  const parts: SQL[] = [];
  if (reach.provinceCodes.length > 0) parts.push(inArray(stampOrders.provinceCode, reach.provinceCodes));
  for (const commune of reach.communes) {
    const both = and(eq(stampOrders.provinceCode, commune.provinceCode), eq(stampOrders.communeCode, commune.communeCode));
    if (both) parts.push(both);
  }
  if (reach.producerIds.length > 0) parts.push(inArray(stampOrders.producerId, reach.producerIds));
  return parts.length > 0 ? or(...parts) : sql`false`;
}

/** Which stamps a step changes (what `stampStep` answers `change` for; the service refuses the rest first). */
function changing(action: 'activate' | 'void', lotId: string | null): SQL {
  if (action === 'void') return sql`${stamps.state} <> 'void'`;
  if (lotId === null) return sql`${stamps.state} = 'issued'`;
  return sql`(${stamps.state} = 'issued' or (${stamps.state} = 'activated' and ${stamps.lotId} is null))`;
}

/** The only SQL on the stamp tables; every query runs on the ambient transaction's handle. */
export function createStampRepository({ transactions }: { transactions: Transactions }) {
  const db = transactions.db;
  const inRange = (orderId: string, from: number, to: number) =>
    and(eq(stamps.orderId, orderId), gte(stamps.sequence, from), lte(stamps.sequence, to));

  return {
    insertOrder: async (values: StampOrderInsert): Promise<StampOrderRow> => {
      const [row] = await db().insert(stampOrders).values(values).returning();
      if (!row) throw new Error('insert returned no row');
      return row;
    },

    findOrder: async (id: string): Promise<StampOrderRow | undefined> => {
      const [row] = await db().select().from(stampOrders).where(eq(stampOrders.id, id));
      return row;
    },

    /** The order, locked until the ambient transaction ends: steps on one order's stamps take turns. */
    findOrderForUpdate: async (id: string): Promise<StampOrderRow | undefined> => {
      const [row] = await db().select().from(stampOrders).where(eq(stampOrders.id, id)).for('update');
      return row;
    },

    /** Several orders, locked in id order (so two list steps never wait on each other in a circle). */
    lockOrders: async (ids: readonly string[]): Promise<StampOrderRow[]> =>
      ids.length === 0
        ? []
        : db()
            .select()
            .from(stampOrders)
            .where(inArray(stampOrders.id, [...ids]))
            .orderBy(asc(stampOrders.id))
            .for('update'),

    listOrders: async (
      reach: CapabilityReach,
      filters: { productId?: string | undefined; lotId?: string | undefined; page: number; pageSize: number },
    ) => {
      const conditions: SQL[] = [];
      const inReach = reachCondition(reach);
      if (inReach) conditions.push(inReach);
      if (filters.productId) conditions.push(eq(stampOrders.productId, filters.productId));
      // No index of its own: the reach's producer or province index narrows first, and a lot has few orders.
      if (filters.lotId) conditions.push(eq(stampOrders.lotId, filters.lotId));
      const where = and(...conditions);
      const items = await db()
        .select()
        .from(stampOrders)
        .where(where)
        .orderBy(desc(stampOrders.createdAt), asc(stampOrders.id))
        .limit(filters.pageSize)
        .offset((filters.page - 1) * filters.pageSize);
      const [counted] = await db().select({ n: count() }).from(stampOrders).where(where);
      return { items, total: Number(counted?.n ?? 0) };
    },

    /**
     * Inserts serials as sequences `first`, `first + 1`, …; a serial some stamp already has is
     * skipped, not an error, so one collision does not abort the batch's transaction. Answers the
     * sequences that were inserted.
     */
    insertStamps: async (order: { id: string; lotId: string | null }, first: number, serials: readonly string[]): Promise<Set<number>> => {
      // One text parameter split in SQL: a batch of thousands of serials is one bind value, not thousands.
      const rows = await queryRows<{ sequence: number }>(
        db(),
        sql`insert into stamps (serial, order_id, sequence, state, lot_id)
            select s.serial, ${order.id}::uuid, ${first - 1}::int + s.ordinality::int, 'issued', ${order.lotId}::uuid
            from unnest(string_to_array(${serials.join(',')}::text, ',')) with ordinality as s(serial, ordinality)
            on conflict (serial) do nothing
            returning sequence`,
      );
      return new Set(rows.map((row) => Number(row.sequence)));
    },

    /** Adds `n` to the issued count, and marks the order issued when it reaches the quantity. */
    addIssued: async (orderId: string, n: number, now: Date): Promise<StampOrderRow> => {
      const [row] = await db()
        .update(stampOrders)
        .set({
          issuedCount: sql`${stampOrders.issuedCount} + ${n}`,
          state: sql`case when ${stampOrders.issuedCount} + ${n} = ${stampOrders.quantity} then 'issued' else 'issuing' end`,
          issuedAt: sql`case when ${stampOrders.issuedCount} + ${n} = ${stampOrders.quantity} then ${now}::timestamptz else null end`,
        })
        .where(eq(stampOrders.id, orderId))
        .returning();
      if (!row) throw new Error('no such order');
      return row;
    },

    addCounts: async (orderId: string, delta: { activated: number; void: number }) => {
      await db()
        .update(stampOrders)
        .set({
          activatedCount: sql`${stampOrders.activatedCount} + ${delta.activated}`,
          voidCount: sql`${stampOrders.voidCount} + ${delta.void}`,
        })
        .where(eq(stampOrders.id, orderId));
    },

    /** The stamps of a range of an order, counted by state and lot. */
    groupRange: async (orderId: string, from: number, to: number): Promise<StampGroup[]> => {
      const rows = await db()
        .select({ state: stamps.state, lotId: stamps.lotId, count: count() })
        .from(stamps)
        .where(inRange(orderId, from, to))
        .groupBy(stamps.state, stamps.lotId);
      return rows.map((row) => ({ ...row, count: Number(row.count) }));
    },

    /** A few serials of a range in a given state (and lot), for an error's examples. */
    sampleRange: async (orderId: string, from: number, to: number, state: StampState, lotId: string | null, limit: number) => {
      const rows = await db()
        .select({ serial: stamps.serial })
        .from(stamps)
        .where(
          and(inRange(orderId, from, to), eq(stamps.state, state), lotId === null ? sql`${stamps.lotId} is null` : eq(stamps.lotId, lotId)),
        )
        .orderBy(asc(stamps.sequence))
        .limit(limit);
      return rows.map((row) => row.serial);
    },

    /** Applies a step to the range's stamps it changes; answers how many changed. */
    stepRange: async (orderId: string, from: number, to: number, action: 'activate' | 'void', lotId: string | null, now: Date) => {
      const rows = await db()
        .update(stamps)
        .set(
          action === 'void'
            ? { state: 'void', changedAt: now }
            : { state: 'activated', lotId: sql`coalesce(${lotId}::uuid, ${stamps.lotId})`, changedAt: now },
        )
        .where(and(inRange(orderId, from, to), changing(action, lotId)))
        .returning({ serial: stamps.serial });
      return rows.length;
    },

    /** The stamps of these serials that exist (any order; the service checks scope and the order's state). */
    findBySerials: (serials: readonly string[]): Promise<ListedStamp[]> =>
      serials.length === 0
        ? Promise.resolve([])
        : db()
            .select({ serial: stamps.serial, orderId: stamps.orderId, sequence: stamps.sequence, state: stamps.state, lotId: stamps.lotId })
            .from(stamps)
            .where(inArray(stamps.serial, [...serials])),

    /** Applies a step to the listed stamps it changes; answers the changed ones with their state before. */
    stepSerials: async (serials: readonly string[], action: 'activate' | 'void', lotId: string | null, now: Date) => {
      if (serials.length === 0) return 0;
      const rows = await db()
        .update(stamps)
        .set(
          action === 'void'
            ? { state: 'void', changedAt: now }
            : { state: 'activated', lotId: sql`coalesce(${lotId}::uuid, ${stamps.lotId})`, changedAt: now },
        )
        .where(and(inArray(stamps.serial, [...serials]), changing(action, lotId)))
        .returning({ serial: stamps.serial });
      return rows.length;
    },

    /** A page of an order's stamps in sequence order, from `from`. */
    listStamps: (orderId: string, from: number, limit: number): Promise<StampRow[]> =>
      db()
        .select()
        .from(stamps)
        .where(and(eq(stamps.orderId, orderId), gte(stamps.sequence, from)))
        .orderBy(asc(stamps.sequence))
        .limit(limit),
  };
}
