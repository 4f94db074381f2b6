import type { CapabilityReach } from '@ocop/domain/shared';
import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Transactions } from '../../../platform/database/transaction';
import type { ContentKind, ContentStatus, LegalKind } from '@ocop/domain/content';
import { type ContentFileRow, contentFiles, type ContentItemRow, contentItems } from './content.tables';

export type ContentRepository = ReturnType<typeof createContentRepository>;

/** The back office's list filter: the province codes of the actor's reach (or everything). */
function reachFilter(reach: CapabilityReach): SQL | undefined {
  if (reach === 'all') return undefined;
  if (reach.provinceCodes.length === 0) return sql`false`;
  return inArray(contentItems.provinceCode, reach.provinceCodes);
}

/** The only SQL on `content_items` and `content_files`; every query runs on the ambient handle. */
export function createContentRepository({ transactions }: { transactions: Transactions }) {
  const db = transactions.db;
  return {
    findById: async (id: string): Promise<ContentItemRow | undefined> => {
      const [row] = await db().select().from(contentItems).where(eq(contentItems.id, id));
      return row;
    },

    findPublishedBySlug: async (kind: ContentKind, slug: string): Promise<ContentItemRow | undefined> => {
      const [row] = await db()
        .select()
        .from(contentItems)
        .where(and(eq(contentItems.kind, kind), eq(contentItems.slug, slug), eq(contentItems.status, 'published')));
      return row;
    },

    findBySlug: async (slug: string): Promise<ContentItemRow[]> => db().select().from(contentItems).where(eq(contentItems.slug, slug)),

    /** Slugs already taken that start with a base, to find the first free one. */
    slugsStartingWith: async (base: string): Promise<string[]> => {
      const rows = await db()
        .select({ slug: contentItems.slug })
        .from(contentItems)
        .where(sql`${contentItems.slug} = ${base} or ${contentItems.slug} like ${`${base}-%`}`);
      return rows.map((row) => row.slug);
    },

    slugTaken: async (slug: string, exceptId: string): Promise<boolean> => {
      const [row] = await db()
        .select({ n: count() })
        .from(contentItems)
        .where(and(eq(contentItems.slug, slug), sql`${contentItems.id} <> ${exceptId}`));
      return Number(row?.n ?? 0) > 0;
    },

    listInReach: async (
      reach: CapabilityReach,
      filter: { kind?: ContentKind; status?: ContentStatus },
      page: { limit: number; offset: number },
    ): Promise<{ rows: ContentItemRow[]; total: number }> => {
      const where = and(
        reachFilter(reach),
        filter.kind ? eq(contentItems.kind, filter.kind) : undefined,
        filter.status ? eq(contentItems.status, filter.status) : undefined,
      );
      const [rows, [total]] = await Promise.all([
        db()
          .select()
          .from(contentItems)
          .where(where)
          .orderBy(desc(contentItems.updatedAt), asc(contentItems.id))
          .limit(page.limit)
          .offset(page.offset),
        db().select({ n: count() }).from(contentItems).where(where),
      ]);
      return { rows, total: Number(total?.n ?? 0) };
    },

    /** Published items of a kind, newest publication first (legal texts: newest signing first). */
    listPublished: async (
      kind: ContentKind,
      filter: { legalKind?: LegalKind },
      page: { limit: number; offset: number },
    ): Promise<{ rows: ContentItemRow[]; total: number }> => {
      const where = and(
        eq(contentItems.kind, kind),
        eq(contentItems.status, 'published'),
        filter.legalKind ? eq(contentItems.legalKind, filter.legalKind) : undefined,
      );
      const order =
        kind === 'legal'
          ? [sql`${contentItems.signedOn} desc nulls last`, desc(contentItems.publishedAt), asc(contentItems.id)]
          : [desc(contentItems.publishedAt), asc(contentItems.id)];
      const [rows, [total]] = await Promise.all([
        db()
          .select()
          .from(contentItems)
          .where(where)
          .orderBy(...order)
          .limit(page.limit)
          .offset(page.offset),
        db().select({ n: count() }).from(contentItems).where(where),
      ]);
      return { rows, total: Number(total?.n ?? 0) };
    },

    /** Every published slug of a kind, for the sitemap (bounded by the caller). */
    publishedSlugs: async (kind: ContentKind, limit: number): Promise<{ slug: string; updatedAt: Date }[]> =>
      db()
        .select({ slug: contentItems.slug, updatedAt: contentItems.updatedAt })
        .from(contentItems)
        .where(and(eq(contentItems.kind, kind), eq(contentItems.status, 'published')))
        .orderBy(desc(contentItems.publishedAt))
        .limit(limit),

    insert: async (values: typeof contentItems.$inferInsert): Promise<ContentItemRow> => {
      const [row] = await db().insert(contentItems).values(values).returning();
      if (!row) throw new Error('insert returned no row');
      return row;
    },

    /** Writes over the version read; undefined when another change came first. */
    saveVersioned: async (
      id: string,
      version: number,
      values: Partial<typeof contentItems.$inferInsert>,
    ): Promise<ContentItemRow | undefined> => {
      const [row] = await db()
        .update(contentItems)
        .set({ ...values, version: version + 1 })
        .where(and(eq(contentItems.id, id), eq(contentItems.version, version)))
        .returning();
      return row;
    },

    deleteItem: async (id: string) => {
      await db().delete(contentItems).where(eq(contentItems.id, id));
    },

    filesOf: async (itemId: string): Promise<ContentFileRow[]> =>
      db().select().from(contentFiles).where(eq(contentFiles.itemId, itemId)).orderBy(asc(contentFiles.uploadedAt), asc(contentFiles.id)),

    countFiles: async (itemId: string): Promise<number> => {
      const [row] = await db().select({ n: count() }).from(contentFiles).where(eq(contentFiles.itemId, itemId));
      return Number(row?.n ?? 0);
    },

    /** A file with its item's status, for downloads: public only while the item is published. */
    findFileWithItem: async (
      fileId: string,
    ): Promise<{ file: ContentFileRow; status: ContentStatus; provinceCode: string } | undefined> => {
      const [row] = await db()
        .select({ file: contentFiles, status: contentItems.status, provinceCode: contentItems.provinceCode })
        .from(contentFiles)
        .innerJoin(contentItems, eq(contentItems.id, contentFiles.itemId))
        .where(eq(contentFiles.id, fileId));
      return row;
    },

    insertFile: async (values: typeof contentFiles.$inferInsert): Promise<ContentFileRow> => {
      const [row] = await db().insert(contentFiles).values(values).returning();
      if (!row) throw new Error('insert returned no row');
      return row;
    },

    deleteFile: async (fileId: string) => {
      await db().delete(contentFiles).where(eq(contentFiles.id, fileId));
    },

    countFilesUsingKey: async (key: string): Promise<number> => {
      const [row] = await db().select({ n: count() }).from(contentFiles).where(eq(contentFiles.storeKey, key));
      return Number(row?.n ?? 0);
    },
  };
}
