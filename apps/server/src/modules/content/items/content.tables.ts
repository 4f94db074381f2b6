import { CONTENT_KINDS, CONTENT_STATUSES, LEGAL_KINDS } from '@ocop/domain/content';
import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenantProvinces, users } from '../../identity/identity.tables';

export const CONTENT_FILE_PURPOSES = ['attachment', 'image'] as const;
export type ContentFilePurpose = (typeof CONTENT_FILE_PURPOSES)[number];

/**
 * A news article or a legal text of the programme. `body_html` holds only what the sanitiser let
 * through (never the editor's raw HTML); the legal columns are filled for `kind = 'legal'`.
 */
export const contentItems = pgTable(
  'content_items',
  {
    id: uuid().primaryKey().defaultRandom(),
    provinceCode: text()
      .notNull()
      .references(() => tenantProvinces.code),
    kind: text({ enum: CONTENT_KINDS }).notNull(),
    slug: text().notNull(),
    title: text().notNull(),
    summary: text(),
    bodyHtml: text().notNull(),
    status: text({ enum: CONTENT_STATUSES }).notNull().default('draft'),
    publishedAt: timestamp({ withTimezone: true }),
    /** One of the item's own pictures (a `content_files` row of purpose `image`). */
    coverFileId: uuid(),
    legalKind: text({ enum: LEGAL_KINDS }),
    documentNumber: text(),
    issuingBody: text(),
    signedOn: date({ mode: 'string' }),
    effectiveOn: date({ mode: 'string' }),
    /** Raised by every change; an edit or a step names the version it read, so two concurrent changes cannot both land. */
    version: integer().notNull().default(1),
    createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('content_items_slug_key').on(t.slug),
    index('content_items_public_idx').on(t.kind, t.status, t.publishedAt),
    index('content_items_province_idx').on(t.provinceCode, t.kind, t.updatedAt),
    check('content_items_dates_check', sql`${t.effectiveOn} is null or ${t.signedOn} is null or ${t.effectiveOn} >= ${t.signedOn}`),
  ],
);

/**
 * An attachment (PDF, DOCX, XLSX, picture) or a picture of an item; the bytes live in the platform
 * file store under `store_key` (SHA-256), as the registry's files do.
 */
export const contentFiles = pgTable(
  'content_files',
  {
    id: uuid().primaryKey().defaultRandom(),
    itemId: uuid()
      .notNull()
      .references(() => contentItems.id, { onDelete: 'cascade' }),
    provinceCode: text()
      .notNull()
      .references(() => tenantProvinces.code),
    purpose: text({ enum: CONTENT_FILE_PURPOSES }).notNull(),
    storeKey: text().notNull(),
    sizeBytes: bigint({ mode: 'number' }).notNull(),
    /** Decided from the bytes, never from the name or the browser's claim. */
    mediaType: text().notNull(),
    extension: text().notNull(),
    /** As the user named it, for the download's file name; never used as a path. */
    originalName: text().notNull(),
    uploadedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
    uploadedAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('content_files_item_idx').on(t.itemId, t.uploadedAt), index('content_files_store_key_idx').on(t.storeKey)],
);

export type ContentItemRow = typeof contentItems.$inferSelect;
export type ContentFileRow = typeof contentFiles.$inferSelect;
