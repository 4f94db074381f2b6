import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenantProvinces } from '../../identity/identity.tables';

export const ROUND_LEVELS = ['province', 'ministry'] as const;
export const ROUND_KINDS = ['regular', 'extra'] as const;
export const ROUND_STATUSES = ['open', 'closed'] as const;

/**
 * An evaluation round (đợt đánh giá, QĐ 26/2026 Art. 5) of one province: by default two a year
 * (communes propose by 30 April → council by 30 June; by 30 October → by 30 December), plus extra
 * rounds the province opens; the ministry's 5★ rounds are kept with level 'ministry'.
 */
export const evaluationRounds = pgTable(
  'evaluation_rounds',
  {
    id: uuid().primaryKey().defaultRandom(),
    provinceCode: text()
      .notNull()
      .references(() => tenantProvinces.code),
    level: text({ enum: ROUND_LEVELS }).notNull(),
    kind: text({ enum: ROUND_KINDS }).notNull(),
    year: integer().notNull(),
    /** 1, 2 … within the year and level. */
    ordinal: integer().notNull(),
    name: text().notNull(),
    /** Last day producers may file with their commune (a round's own extra deadline; null: none). */
    filingBy: date({ mode: 'string' }),
    /** Last day the commune proposes to the province (Art. 5: 30/4 and 30/10). */
    proposalsBy: date({ mode: 'string' }).notNull(),
    /** Day the council's results are due (Art. 5: 30/6 and 30/12). */
    resultsBy: date({ mode: 'string' }).notNull(),
    status: text({ enum: ROUND_STATUSES }).notNull().default('open'),
    createdBy: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('evaluation_rounds_ordinal_key').on(t.provinceCode, t.level, t.year, t.ordinal),
    index('evaluation_rounds_province_idx').on(t.provinceCode, t.year),
    check('evaluation_rounds_dates_check', sql`${t.proposalsBy} <= ${t.resultsBy}`),
  ],
);

/** A province's public holidays (ngày nghỉ lễ), which the commune's 15 working days skip. */
export const evaluationHolidays = pgTable(
  'evaluation_holidays',
  {
    provinceCode: text()
      .notNull()
      .references(() => tenantProvinces.code),
    day: date({ mode: 'string' }).notNull(),
    name: text().notNull(),
  },
  (t) => [primaryKey({ columns: [t.provinceCode, t.day] })],
);

export type EvaluationRoundRow = typeof evaluationRounds.$inferSelect;
export type EvaluationRoundInsert = typeof evaluationRounds.$inferInsert;
export type EvaluationHolidayRow = typeof evaluationHolidays.$inferSelect;
