import type { CapabilityReach } from '@ocop/domain/shared';
import type { ScanAgentClass, SuspicionReason } from '@ocop/domain/traceability';
import { and, count, desc, eq, gte, inArray, isNull, lt, or, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { queryRows, queryRowsPrepared } from '../../../platform/database/database';
import type { Transactions } from '../../../platform/database/transaction';
import { stampOrders, stamps } from '../stamps/stamp.tables';
import { stampFakeReports, stampScanCounters, stampScans } from './scan.tables';

/** A stamp as the scan page needs it, with its order's product, lot and place. */
export type ScannedStamp = {
  serial: string;
  state: 'issued' | 'activated' | 'void';
  orderId: string;
  productId: string;
  lotId: string | null;
  producerId: string;
  provinceCode: string;
  communeCode: string;
};

/** What the counters say after a batch. */
export type CounterAfter = { serial: string; scanCount: number; firstScannedAt: Date; suspiciousReason: SuspicionReason | null };

/** A scan as the writer takes it: the serial read from the address (null: unreadable) and the client's facts. */
export type BatchScan = {
  scannedAt: Date;
  serial: string | null;
  agentClass: ScanAgentClass;
  place: string | null;
  addressHash: string;
  limited: boolean;
};

/** What a batch answers for a scan that named a stamp. */
export type RecordedRow = { stamp: ScannedStamp; counter: CounterAfter };

/** A serial that can never exist (U is not in the alphabet): what an unreadable text is looked up as. */
export const NO_SERIAL = '0000000000000000000U';

/** The reader's scope on tables that copy a stamp's producer and place. */
function reachOn(
  reach: CapabilityReach,
  columns: { provinceCode: PgColumn; communeCode: PgColumn; producerId: PgColumn },
): SQL | undefined {
  if (reach === 'all') return undefined;
  const parts: SQL[] = [];
  if (reach.provinceCodes.length > 0) parts.push(inArray(columns.provinceCode, reach.provinceCodes));
  for (const commune of reach.communes) {
    const both = and(eq(columns.provinceCode, commune.provinceCode), eq(columns.communeCode, commune.communeCode));
    if (both) parts.push(both);
  }
  if (reach.producerIds.length > 0) parts.push(inArray(columns.producerId, reach.producerIds));
  return parts.length > 0 ? or(...parts) : sql`false`;
}

export type ScanRepository = ReturnType<typeof createScanRepository>;

/** The only SQL on the scan tables (and the one read of a stamp by serial the scan page makes). */
export function createScanRepository({ transactions }: { transactions: Transactions }) {
  const db = transactions.db;
  return {
    reachOn,

    /** The stamp of a serial with its order's facts; undefined when none, or its order is still being issued. */
    findStamp: async (serial: string): Promise<ScannedStamp | undefined> => {
      const [row] = await db()
        .select({
          serial: stamps.serial,
          state: stamps.state,
          orderId: stamps.orderId,
          productId: stampOrders.productId,
          lotId: stamps.lotId,
          producerId: stampOrders.producerId,
          provinceCode: stampOrders.provinceCode,
          communeCode: stampOrders.communeCode,
          orderState: stampOrders.state,
        })
        .from(stamps)
        .innerJoin(stampOrders, eq(stampOrders.id, stamps.orderId))
        .where(eq(stamps.serial, serial));
      if (row?.orderState !== 'issued') return undefined;
      const { orderState: _state, ...stamp } = row;
      return stamp;
    },

    /** Creates the month partition of `at` unless it exists (the SQL function of migration 0021). */
    ensureMonth: async (at: Date) => {
      await db().execute(sql`select stamp_scans_ensure_month(${at.toISOString()}::timestamptz)`);
    },

    /**
     * One statement for a whole batch of scans: looks every serial up, appends every scan (with its
     * stamp's facts copied in, or as unknown) and adds them to the stamps' counters, answering the
     * stamp and its counter after for each scan that named one. One round trip, atomic, through the
     * database function of migration 0022; the rows go in as one JSON parameter (either driver, any
     * batch size).
     */
    recordBatch: async (rows: readonly BatchScan[]): Promise<Map<number, RecordedRow>> => {
      const input = JSON.stringify(
        rows.map((row, i) => ({
          i,
          serial: row.serial,
          // An unreadable text is looked up as a serial that cannot exist: the same index probe as a made-up one.
          lookup: row.serial ?? NO_SERIAL,
          scanned_at: row.scannedAt.toISOString(),
          agent_class: row.agentClass,
          place: row.place,
          address_hash: row.addressHash,
          limited: row.limited,
        })),
      );
      const found = await queryRowsPrepared<{
        i: number;
        serial: string;
        state: ScannedStamp['state'];
        order_id: string;
        lot_id: string | null;
        product_id: string;
        producer_id: string;
        province_code: string;
        commune_code: string;
        scan_count: number;
        first_scanned_at: Date | string;
        suspicious_reason: SuspicionReason | null;
      }>(
        db(),
        'stamp_scans_record',
        // The statement lives in migration 0022 (`stamp_scans_record`): a function, so its plan is prepared once.
        sql`select * from stamp_scans_record(${input}::jsonb)`,
      );
      return new Map(
        found.map((row) => [
          Number(row.i),
          {
            stamp: {
              serial: row.serial,
              state: row.state,
              orderId: row.order_id,
              productId: row.product_id,
              lotId: row.lot_id,
              producerId: row.producer_id,
              provinceCode: row.province_code,
              communeCode: row.commune_code,
            },
            counter: {
              serial: row.serial,
              scanCount: Number(row.scan_count),
              firstScannedAt: new Date(row.first_scanned_at),
              suspiciousReason: row.suspicious_reason,
            },
          },
        ]),
      );
    },

    /** Scans and distinct addresses of each serial since `since`. */
    windowCounts: async (serials: readonly string[], since: Date) => {
      if (serials.length === 0) return new Map<string, { scans: number; addresses: number }>();
      const rows = await db()
        .select({
          serial: stampScans.serial,
          scans: sql<number>`count(*)::int`,
          addresses: sql<number>`count(distinct ${stampScans.addressHash})::int`,
        })
        .from(stampScans)
        .where(and(inArray(stampScans.serial, [...serials]), gte(stampScans.scannedAt, since)))
        .groupBy(stampScans.serial);
      return new Map(rows.map((row) => [row.serial ?? '', { scans: Number(row.scans), addresses: Number(row.addresses) }]));
    },

    /** The placed scans of these serials since `since`, newest first, at most `limit`. */
    placedScans: (serials: readonly string[], since: Date, limit: number) =>
      serials.length === 0
        ? Promise.resolve([])
        : db()
            .select({ serial: stampScans.serial, scannedAt: stampScans.scannedAt, place: stampScans.place })
            .from(stampScans)
            .where(and(inArray(stampScans.serial, [...serials]), gte(stampScans.scannedAt, since), sql`${stampScans.place} is not null`))
            .orderBy(desc(stampScans.scannedAt))
            .limit(limit),

    /** Marks a serial suspicious unless it already is (the first reason stays). */
    markSuspicious: async (serial: string, reason: SuspicionReason, at: Date) => {
      await db()
        .update(stampScanCounters)
        .set({ suspiciousReason: reason, suspiciousAt: at })
        .where(and(eq(stampScanCounters.serial, serial), isNull(stampScanCounters.suspiciousAt)));
    },

    insertReport: async (values: typeof stampFakeReports.$inferInsert) => {
      const [row] = await db().insert(stampFakeReports).values(values).returning({ id: stampFakeReports.id });
      if (!row) throw new Error('insert returned no row');
      return row.id;
    },

    /** Fake reports the reader may see, newest first. Reports on unknown serials (no province) go to every province's staff. */
    listReports: async (reach: CapabilityReach, filters: { productId?: string | undefined; limit: number; offset: number }) => {
      const scoped = reachOn(reach, stampFakeReports);
      const withUnknown =
        reach !== 'all' && reach.provinceCodes.length > 0 && scoped ? or(scoped, isNull(stampFakeReports.provinceCode)) : scoped;
      const where = and(withUnknown, filters.productId ? eq(stampFakeReports.productId, filters.productId) : undefined);
      const items = await db()
        .select()
        .from(stampFakeReports)
        .where(where)
        .orderBy(desc(stampFakeReports.reportedAt), desc(stampFakeReports.id))
        .limit(filters.limit)
        .offset(filters.offset);
      const [counted] = await db().select({ n: count() }).from(stampFakeReports).where(where);
      return { items, total: Number(counted?.n ?? 0) };
    },

    /** The lot codes of these orders' stamps as printed (order lot code), for lists. */
    lotCodesOfOrders: async (orderIds: readonly string[]) => {
      if (orderIds.length === 0) return new Map<string, string | null>();
      const rows = await db()
        .select({ id: stampOrders.id, lotCode: stampOrders.lotCode })
        .from(stampOrders)
        .where(inArray(stampOrders.id, [...orderIds]));
      return new Map(rows.map((row) => [row.id, row.lotCode]));
    },

    /** Aggregates of the reader's scans in [from, to): one query per ranking, each bounded. */
    analytics: async (
      reach: CapabilityReach,
      filters: { from: Date; to: Date; productId?: string | undefined; lotId?: string | undefined; top: number },
    ) => {
      const where = and(
        reachOn(reach, stampScans),
        eq(stampScans.known, true),
        gte(stampScans.scannedAt, filters.from),
        lt(stampScans.scannedAt, filters.to),
        filters.productId ? eq(stampScans.productId, filters.productId) : undefined,
        filters.lotId ? eq(stampScans.lotId, filters.lotId) : undefined,
      );
      const day = sql<string>`to_char(${stampScans.scannedAt} at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD')`;
      const [totals] = await db()
        .select({ scans: sql<number>`count(*)::int`, stamps: sql<number>`count(distinct ${stampScans.serial})::int` })
        .from(stampScans)
        .where(where);
      const byDay = await db().select({ day, scans: sql<number>`count(*)::int` }).from(stampScans).where(where).groupBy(day);
      const byProduct = await db()
        .select({ productId: stampScans.productId, scans: sql<number>`count(*)::int` })
        .from(stampScans)
        .where(where)
        .groupBy(stampScans.productId)
        .orderBy(sql`count(*) desc`, stampScans.productId)
        .limit(filters.top);
      const byLot = await db()
        .select({ lotId: stampScans.lotId, productId: sql<string>`min(${stampScans.productId}::text)`, scans: sql<number>`count(*)::int` })
        .from(stampScans)
        .where(and(where, sql`${stampScans.lotId} is not null`))
        .groupBy(stampScans.lotId)
        .orderBy(sql`count(*) desc`, stampScans.lotId)
        .limit(filters.top);
      const byCommune = await db()
        .select({ communeCode: stampScans.communeCode, scans: sql<number>`count(*)::int` })
        .from(stampScans)
        .where(where)
        .groupBy(stampScans.communeCode)
        .orderBy(sql`count(*) desc`, stampScans.communeCode)
        .limit(filters.top);
      const byAgent = await db()
        .select({ agentClass: stampScans.agentClass, scans: sql<number>`count(*)::int` })
        .from(stampScans)
        .where(where)
        .groupBy(stampScans.agentClass)
        .orderBy(sql`count(*) desc`);
      const counterWhere = and(
        reachOn(reach, stampScanCounters),
        gte(stampScanCounters.suspiciousAt, filters.from),
        lt(stampScanCounters.suspiciousAt, filters.to),
        filters.productId ? eq(stampScanCounters.productId, filters.productId) : undefined,
        filters.lotId ? eq(stampScanCounters.lotId, filters.lotId) : undefined,
      );
      const suspicious = await db()
        .select({
          serial: stampScanCounters.serial,
          productId: stampScanCounters.productId,
          lotId: stampScanCounters.lotId,
          scans: stampScanCounters.scanCount,
          reason: stampScanCounters.suspiciousReason,
          markedAt: stampScanCounters.suspiciousAt,
        })
        .from(stampScanCounters)
        .where(counterWhere)
        .orderBy(desc(stampScanCounters.suspiciousAt), stampScanCounters.serial)
        .limit(filters.top);
      const [suspiciousCount] = await db().select({ n: count() }).from(stampScanCounters).where(counterWhere);
      const [reports] = await db()
        .select({ n: count() })
        .from(stampFakeReports)
        .where(
          and(
            reachOn(reach, stampFakeReports),
            gte(stampFakeReports.reportedAt, filters.from),
            lt(stampFakeReports.reportedAt, filters.to),
            filters.productId ? eq(stampFakeReports.productId, filters.productId) : undefined,
            filters.lotId ? eq(stampFakeReports.lotId, filters.lotId) : undefined,
          ),
        );
      return {
        totals: {
          scans: Number(totals?.scans ?? 0),
          stamps: Number(totals?.stamps ?? 0),
          suspicious: Number(suspiciousCount?.n ?? 0),
          reports: Number(reports?.n ?? 0),
        },
        byDay: byDay.map((row) => ({ day: row.day, scans: Number(row.scans) })),
        byProduct: byProduct.map((row) => ({ productId: row.productId ?? '', scans: Number(row.scans) })),
        byLot: byLot.map((row) => ({ lotId: row.lotId ?? '', productId: row.productId, scans: Number(row.scans) })),
        byCommune: byCommune.map((row) => ({ communeCode: row.communeCode ?? '', scans: Number(row.scans) })),
        byAgent: byAgent.map((row) => ({ agentClass: row.agentClass, scans: Number(row.scans) })),
        suspicious,
      };
    },

    /** Raw rows for tests and benches: every scan of a serial. */
    countScans: async (serial: string) => {
      const [row] = await queryRows<{ n: number }>(db(), sql`select count(*)::int as n from stamp_scans where serial = ${serial}`);
      return Number(row?.n ?? 0);
    },
  };
}
