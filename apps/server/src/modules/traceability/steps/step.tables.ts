import { sql } from 'drizzle-orm';
import { check, integer, pgTable, uuid } from 'drizzle-orm/pg-core';
import { lots } from '../lots/lot.tables';

/**
 * The last carton number given in each lot: carton URNs (`urn:ocop:vn:carton:{code}:{lot}:{n}`)
 * are numbered 1, 2, 3… across every packing form of the lot, so two forms never name the same
 * carton. The row is locked while a packing step takes its numbers.
 */
export const lotCartonCounters = pgTable(
  'lot_carton_counters',
  {
    lotId: uuid()
      .primaryKey()
      .references(() => lots.id),
    lastNumber: integer().notNull(),
  },
  (t) => [check('lot_carton_counters_last_number_check', sql`${t.lastNumber} between 0 and 99999`)],
);
