import type { CriteriaSet, Regime } from '@ocop/domain/evaluation';
import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * A scoring regime (a decision: 26/2026, 148, 1048) with every number its rules read, as loaded
 * from the reference data. Rules that change by decree are data: a new decision is a new row.
 */
export const evaluationRegimes = pgTable('evaluation_regimes', {
  code: text().primaryKey(), // '26/2026'
  definition: jsonb().$type<Regime>().notNull(),
  digest: text().notNull(),
  loadedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export type CriteriaVersionStatus = 'draft' | 'published' | 'superseded';

/**
 * One score sheet (Bộ tiêu chí) of one product set under one regime, in numbered versions. A
 * published version is never changed (a trigger refuses it), only superseded by the next one, so
 * an answer frozen against it keeps its meaning. At most one draft and one published version per
 * set at a time.
 */
export const criteriaVersions = pgTable(
  'criteria_versions',
  {
    id: uuid().primaryKey().defaultRandom(),
    regimeCode: text()
      .notNull()
      .references(() => evaluationRegimes.code),
    /** The set's code in the regime's classification ('1.5.1'). */
    productSetCode: text().notNull(),
    version: integer().notNull(),
    status: text().$type<CriteriaVersionStatus>().notNull(),
    /** 'reference' | 'secretariat' | 'import' */
    source: text().notNull(),
    content: jsonb().$type<CriteriaSet>().notNull(),
    /** Edits of a draft: each save raises it, so two editors cannot overwrite each other unseen. */
    revision: integer().notNull().default(1),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp({ withTimezone: true }),
    publishedBy: uuid(),
  },
  (t) => [
    uniqueIndex('criteria_versions_set_version_key').on(t.regimeCode, t.productSetCode, t.version),
    uniqueIndex('criteria_versions_one_published_key').on(t.regimeCode, t.productSetCode).where(sql`status = 'published'`),
    uniqueIndex('criteria_versions_one_draft_key').on(t.regimeCode, t.productSetCode).where(sql`status = 'draft'`),
    index('criteria_versions_regime_idx').on(t.regimeCode, t.status),
  ],
);

export type EvaluationRegimeRow = typeof evaluationRegimes.$inferSelect;
export type CriteriaVersionRow = typeof criteriaVersions.$inferSelect;
