import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { tenantProvinces } from '../../identity/identity.tables';
import { producers } from '../../registry/producers/producer.tables';

/**
 * The EPCIS 2.0 repository (issue 13). An event is stored once, under its `eventID` (given, or
 * its CBV 2.0 §8.9 hash ID): the same event captured twice is a duplicate, not a second row.
 * The event is kept as sent (JSON, with its `eventID`); the columns beside it are the query
 * parameters the SimpleEventQuery filters on, and `epcis_event_keys` indexes every EPC and EPC
 * class it names, in canonical form (a GS1 key as its id.gs1.org Digital Link, whatever the form
 * sent; a province URN as is).
 */

/** One capture (a POST of a document, or a phone form): the GS1 capture job, read back at `/epcis/capture/{id}`. */
export const epcisCaptures = pgTable(
  'epcis_captures',
  {
    id: uuid().primaryKey().defaultRandom(),
    /** The capturer's province; null for a system administrator's capture. */
    provinceCode: text().references(() => tenantProvinces.code),
    /** The producer whose events these are; null for the province's own captures. */
    producerId: uuid().references(() => producers.id),
    userId: uuid(),
    /** The API key used, when the capture came from a producer's own software. */
    apiKeyId: uuid(),
    /** `rollback` (all or nothing, the GS1 default) or `proceed` (`GS1-Capture-Error-Behaviour: proceed`). */
    errorBehaviour: text({ enum: ['rollback', 'proceed'] }).notNull(),
    running: boolean().notNull(),
    success: boolean().notNull(),
    eventCount: integer().notNull(),
    storedCount: integer().notNull(),
    duplicateCount: integer().notNull(),
    /** The problems of the events that were not stored (at most 50), as problem details. */
    errors: jsonb().notNull().default([]),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('epcis_captures_producer_idx').on(t.producerId, t.createdAt)],
);

export const epcisEvents = pgTable(
  'epcis_events',
  {
    /** Capture order; the tie-breaker of paging. */
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    eventId: text().notNull().unique(),
    eventType: text().notNull(),
    provinceCode: text()
      .notNull()
      .references(() => tenantProvinces.code),
    /** The producer whose products the event is about; null for a province capture of other keys. */
    producerId: uuid().references(() => producers.id),
    /** The producer's commune (2025 map) when captured: the commune officer's scope. */
    communeCode: text(),
    captureId: uuid()
      .notNull()
      .references(() => epcisCaptures.id),
    eventTime: timestamp({ withTimezone: true }).notNull(),
    recordTime: timestamp({ withTimezone: true }).notNull(),
    action: text(),
    /** CBV values in their full web-URI form (`https://ref.gs1.org/cbv/BizStep-receiving`), so bare and full queries match. */
    bizStep: text(),
    disposition: text(),
    readPoint: text(),
    bizLocation: text(),
    /** The event as captured, with its `eventID`, without `recordTime` (a column). */
    event: jsonb().notNull(),
    /** The document's own `@context` entries besides GS1's (its namespaces), to give the event back with them. */
    context: jsonb(),
  },
  (t) => [
    index('epcis_events_province_time_idx').on(t.provinceCode, t.eventTime, t.id),
    index('epcis_events_producer_time_idx').on(t.producerId, t.eventTime, t.id),
    index('epcis_events_commune_time_idx').on(t.provinceCode, t.communeCode, t.eventTime),
    index('epcis_events_record_time_idx').on(t.recordTime),
    index('epcis_events_biz_step_idx').on(t.bizStep),
  ],
);

/** Where a key appears in an event; instance roles for MATCH_epc/anyEPC, class roles for MATCH_epcClass. */
export const EPCIS_KEY_ROLES = [
  'epc',
  'parent',
  'child',
  'input',
  'output',
  'quantity',
  'child_quantity',
  'input_quantity',
  'output_quantity',
] as const;
export type EpcisKeyRole = (typeof EPCIS_KEY_ROLES)[number];

export const epcisEventKeys = pgTable(
  'epcis_event_keys',
  {
    key: text().notNull(),
    role: text({ enum: EPCIS_KEY_ROLES }).notNull(),
    eventRowId: bigint({ mode: 'number' })
      .notNull()
      .references(() => epcisEvents.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.key, t.role, t.eventRowId] }),
    index('epcis_event_keys_event_idx').on(t.eventRowId),
    check('epcis_event_keys_key_length_check', sql`length(${t.key}) <= 512`),
  ],
);

export type EpcisCaptureRow = typeof epcisCaptures.$inferSelect;
export type EpcisEventRow = typeof epcisEvents.$inferSelect;
export type EpcisEventInsert = typeof epcisEvents.$inferInsert;
