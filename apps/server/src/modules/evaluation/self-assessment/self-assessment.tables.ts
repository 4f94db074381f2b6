import { integer, jsonb, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import { products } from '../../registry/products/product.tables';
import { criteriaVersions } from '../criteria/criteria.tables';

/**
 * A producer's own answers to its product's score sheet (Mẫu 02, phần III), kept as a draft that
 * is saved on every change. One per product; the answers belong to the criteria version they were
 * given against, so a new version of the sheet never re-reads old answers silently.
 */
export const selfAssessments = pgTable('self_assessments', {
  productId: uuid()
    .primaryKey()
    .references(() => products.id, { onDelete: 'cascade' }),
  criteriaVersionId: uuid()
    .notNull()
    .references(() => criteriaVersions.id),
  answers: jsonb().$type<Record<string, string>>().notNull(),
  revision: integer().notNull().default(1),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedBy: uuid(),
});

export type SelfAssessmentRow = typeof selfAssessments.$inferSelect;
