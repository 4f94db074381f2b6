import { SCAN_AGENT_CLASSES, SUSPICION_REASONS } from '@ocop/domain/traceability';
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Every scan of a stamp's page (issue 14 item 4), appended by the group-commit writer before the
 * page answers. PARTITIONED BY RANGE (scanned_at), one partition a month: the migration creates the
 * parent and the first months, the writer creates the month of a row it is about to insert when it
 * has not seen it yet (drizzle does not model partitioning; 0021 is hand-edited). No primary key and
 * no foreign key: an append-only event table whose inserts must stay cheap (a key on a partitioned
 * table must carry the partition column anyway), and an unknown serial is recorded too.
 *
 * The stamp's product, lot, producer and place are copied in at scan time, so the analytics read
 * one table within a period's partitions and never join the ten-million-row `stamps`.
 */
export const stampScans = pgTable(
  'stamp_scans',
  {
    scannedAt: timestamp({ withTimezone: true }).notNull(),
    /** The stored form (20 characters) when the text had a serial's shape; null for anything else. */
    serial: text(),
    /** Whether the serial named an issued stamp. */
    known: boolean().notNull(),
    /** The stamp's state when scanned: issued, activated or void (null when unknown). */
    stampState: text({ enum: ['issued', 'activated', 'void'] }),
    orderId: uuid(),
    productId: uuid(),
    lotId: uuid(),
    producerId: uuid(),
    provinceCode: text(),
    communeCode: text(),
    agentClass: text({ enum: SCAN_AGENT_CLASSES }).notNull(),
    /** Coarse place from the trusted proxy header, when one is configured. */
    place: text(),
    /** HMAC-SHA-256 of the client address under the server's salt, 32 hex characters: never the address itself. */
    addressHash: text().notNull(),
    /** Whether the reply was the rate limit's 429 (the scan is counted all the same). */
    limited: boolean().notNull().default(false),
  },
  (t) => [
    index('stamp_scans_serial_idx').on(t.serial, t.scannedAt),
    index('stamp_scans_province_idx').on(t.provinceCode, t.scannedAt),
    index('stamp_scans_producer_idx').on(t.producerId, t.scannedAt),
  ],
);

/**
 * Per stamp, what the page shows and the suspicion rules start from: how many scans and since when,
 * and whether (and why) the serial was marked suspicious. Updated in the same transaction as the
 * scans it counts, one upsert per distinct serial of a batch. Only scanned stamps have a row.
 */
export const stampScanCounters = pgTable(
  'stamp_scan_counters',
  {
    serial: text().primaryKey(),
    scanCount: integer().notNull(),
    firstScannedAt: timestamp({ withTimezone: true }).notNull(),
    lastScannedAt: timestamp({ withTimezone: true }).notNull(),
    suspiciousReason: text({ enum: SUSPICION_REASONS }),
    suspiciousAt: timestamp({ withTimezone: true }),
    /** Copied from the stamp's order, for the analytics' scope filter and lists. */
    productId: uuid().notNull(),
    lotId: uuid(),
    producerId: uuid().notNull(),
    provinceCode: text().notNull(),
    communeCode: text().notNull(),
  },
  (t) => [
    index('stamp_scan_counters_suspicious_idx').on(t.provinceCode, t.suspiciousAt).where(sql`${t.suspiciousAt} is not null`),
    check('stamp_scan_counters_count_check', sql`${t.scanCount} >= 1`),
  ],
);

/**
 * "Báo tem giả": what a consumer reports from the scan page. The stamp's producer and place are
 * copied in when the serial is known (the producer's and the province's inbox read them); a report
 * on an unknown serial has no producer and no province, and every province's staff sees it.
 */
export const stampFakeReports = pgTable(
  'stamp_fake_reports',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** The stored form when the text had a serial's shape; the text as sent (at most 64 characters) otherwise. */
    serial: text().notNull(),
    known: boolean().notNull(),
    productId: uuid(),
    lotId: uuid(),
    producerId: uuid(),
    provinceCode: text(),
    communeCode: text(),
    message: text().notNull(),
    contact: text(),
    place: text(),
    agentClass: text({ enum: SCAN_AGENT_CLASSES }).notNull(),
    addressHash: text().notNull(),
    reportedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    index('stamp_fake_reports_province_idx').on(t.provinceCode, t.reportedAt),
    index('stamp_fake_reports_producer_idx').on(t.producerId, t.reportedAt),
    check('stamp_fake_reports_message_check', sql`char_length(${t.message}) between 1 and 1000`),
    check('stamp_fake_reports_contact_check', sql`${t.contact} is null or char_length(${t.contact}) <= 200`),
    check('stamp_fake_reports_serial_check', sql`char_length(${t.serial}) <= 64`),
  ],
);

export type StampScanInsert = typeof stampScans.$inferInsert;
export type StampScanCounterRow = typeof stampScanCounters.$inferSelect;
export type StampFakeReportRow = typeof stampFakeReports.$inferSelect;
