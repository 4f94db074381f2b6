import { and, asc, eq, gt, gte, inArray, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import type { Transactions } from '../../../platform/database/transaction';
import { epcisEvents } from '../epcis/epcis.tables';
import { lots } from '../lots/lot.tables';

/** Which rows one export covers: a province, optionally one producer, a period (Vietnam days). */
export type PortalScope = {
  provinceCode: string;
  producerId: string | null;
  /** The first instant of the first day and the first instant after the last day. */
  start: Date;
  end: Date;
  from: string;
  to: string;
};

export type PortalEventRow = {
  id: number;
  eventId: string;
  eventType: string;
  eventTime: Date;
  recordTime: Date;
  producerId: string | null;
  event: unknown;
};

export type PortalLotRow = typeof lots.$inferSelect;

function eventConditions(scope: PortalScope): SQL[] {
  const conditions: SQL[] = [
    eq(epcisEvents.provinceCode, scope.provinceCode),
    gte(epcisEvents.eventTime, scope.start),
    lt(epcisEvents.eventTime, scope.end),
  ];
  if (scope.producerId) conditions.push(eq(epcisEvents.producerId, scope.producerId));
  return conditions;
}

function periodLotConditions(scope: PortalScope): SQL[] {
  const conditions: SQL[] = [eq(lots.provinceCode, scope.provinceCode), gte(lots.producedOn, scope.from), lte(lots.producedOn, scope.to)];
  if (scope.producerId) conditions.push(eq(lots.producerId, scope.producerId));
  return conditions;
}

const LOT_ORDER = [asc(lots.producedOn), asc(lots.classUri), asc(lots.id)];

/**
 * The SQL of the national portal export: the province's EPCIS events of a period (read from this
 * module's own `epcis_events`) and its lots, in keyset pages so an export of any size holds one
 * page at a time.
 */
export function createPortalExportRepository({ transactions }: { transactions: Transactions }) {
  const db = transactions.db;
  return {
    /** How many events the export would hold, counting no further than `limit + 1`. */
    countEventsUpTo: async (scope: PortalScope, limit: number): Promise<number> => {
      const capped = db()
        .select({ one: sql`1` })
        .from(epcisEvents)
        .where(and(...eventConditions(scope)))
        .limit(limit + 1)
        .as('capped');
      const [row] = await db().select({ n: sql<number>`count(*)::int` }).from(capped);
      return Number(row?.n ?? 0);
    },

    /** The next page of events after `(eventTime, id)`, in time order then capture order. */
    pageEvents: async (scope: PortalScope, after: { eventTime: Date; id: number } | null, size: number): Promise<PortalEventRow[]> => {
      const conditions = eventConditions(scope);
      if (after) {
        const later = or(
          gt(epcisEvents.eventTime, after.eventTime),
          and(eq(epcisEvents.eventTime, after.eventTime), gt(epcisEvents.id, after.id)),
        );
        if (later) conditions.push(later);
      }
      return db()
        .select({
          id: epcisEvents.id,
          eventId: epcisEvents.eventId,
          eventType: epcisEvents.eventType,
          eventTime: epcisEvents.eventTime,
          recordTime: epcisEvents.recordTime,
          producerId: epcisEvents.producerId,
          event: epcisEvents.event,
        })
        .from(epcisEvents)
        .where(and(...conditions))
        .orderBy(asc(epcisEvents.eventTime), asc(epcisEvents.id))
        .limit(size);
    },

    /** The province's lots with these (product, lot code) pairs: the lots events name. */
    findLotsByProductAndCode: async (provinceCode: string, pairs: readonly { productId: string; lotCode: string }[]) => {
      if (pairs.length === 0) return [];
      const wanted = JSON.stringify(pairs.map((pair) => ({ product_id: pair.productId, lot_code: pair.lotCode })));
      return db()
        .select({ id: lots.id, productId: lots.productId, lotCode: lots.lotCode, producedOn: lots.producedOn, producerId: lots.producerId })
        .from(lots)
        .where(
          and(
            eq(lots.provinceCode, provinceCode),
            sql`(${lots.productId}, ${lots.lotCode}) in (select k.product_id, k.lot_code from jsonb_to_recordset(${wanted}::jsonb) as k(product_id uuid, lot_code text))`,
          ),
        );
    },

    /** How many lots were produced in the period, counting no further than `limit + 1`. */
    countPeriodLotsUpTo: async (scope: PortalScope, limit: number): Promise<number> => {
      const capped = db()
        .select({ one: sql`1` })
        .from(lots)
        .where(and(...periodLotConditions(scope)))
        .limit(limit + 1)
        .as('capped');
      const [row] = await db().select({ n: sql<number>`count(*)::int` }).from(capped);
      return Number(row?.n ?? 0);
    },

    /** The next page of the lots produced in the period, after `(producedOn, classUri, id)`. */
    pagePeriodLots: async (
      scope: PortalScope,
      after: { producedOn: string; classUri: string; id: string } | null,
      size: number,
    ): Promise<PortalLotRow[]> => {
      const conditions = periodLotConditions(scope);
      if (after)
        conditions.push(
          sql`(${lots.producedOn}, ${lots.classUri}, ${lots.id}) > (${after.producedOn}::date, ${after.classUri}, ${after.id}::uuid)`,
        );
      return db()
        .select()
        .from(lots)
        .where(and(...conditions))
        .orderBy(...LOT_ORDER)
        .limit(size);
    },

    /** These lots of the province, in the export's order. */
    listLotsByIds: async (provinceCode: string, ids: readonly string[]): Promise<PortalLotRow[]> => {
      if (ids.length === 0) return [];
      return db()
        .select()
        .from(lots)
        .where(and(eq(lots.provinceCode, provinceCode), inArray(lots.id, [...ids])))
        .orderBy(...LOT_ORDER);
    },
  };
}

export type PortalExportRepository = ReturnType<typeof createPortalExportRepository>;
