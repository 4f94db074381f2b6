import type { Transactions } from '../../../platform/database/transaction';
import { escapeLikePattern } from '@ocop/domain/shared';
import { and, asc, count, desc, eq, inArray, ne, or, type SQL, sql } from 'drizzle-orm';
import { queryRows } from '../../../platform/database/database';
import { productGroups, productSets } from '../classification/classification.tables';
import { type ProducerRow, producers } from '../producers/producer.tables';
import { producerScope, type RegistryActor, searchTerms, textList, uuidList } from '../shared/registry-support';
import type { GtinOwner, ProductFilters, ProductProducer, ProductSetBrief } from './product-fields';
import { productCodeSequences, productGtins, type ProductInsert, type ProductRow, products } from './product.tables';
import { isPublishedProduct } from './product-staging';
import { isPublishedProducer } from '../producers/producer-staging';
import { touchedByImport } from '../imports/import-links';

export type ProductRepository = ReturnType<typeof createProductRepository>;

/** A product as listed: its row, its producer and its set. */
export type JoinedProduct = { product: ProductRow; producer: ProductProducer; productSet: ProductSetBrief };

/** First key of the advisory locks that serialise slug choices (the second is a bucket of the name). */
const SLUG_LOCK_SPACE = 700_101;
/** Rows per multi-row INSERT of products (33 columns: about 16,500 bind parameters, under PostgreSQL's 65,535). */
export const ROWS_PER_INSERT = 500;
/** Keys per bulk read (sent as one JSON parameter). */
export const ROWS_PER_READ = 1000;

const listColumns = {
  product: products,
  producer: {
    id: producers.id,
    name: producers.name,
    type: producers.type,
    registrationNumber: producers.registrationNumber,
    provinceCode: producers.provinceCode,
    communeCode: producers.communeCode,
    legacyDistrictCode: producers.legacyDistrictCode,
  },
  productSet: {
    id: productSets.id,
    versionCode: productSets.versionCode,
    code: productSets.code,
    name: productSets.name,
    groupCode: productSets.groupCode,
    groupName: productGroups.name,
  },
};

export function* chunked<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

function listConditions(actor: RegistryActor, filters: ProductFilters): SQL[] {
  const conditions: SQL[] = [isPublishedProduct];
  const scope = producerScope(actor.grants);
  if (scope) conditions.push(scope);
  if (filters.provinceCode) conditions.push(eq(products.provinceCode, filters.provinceCode));
  if (filters.communeCode)
    conditions.push(or(eq(producers.communeCode, filters.communeCode), eq(producers.legacyCommuneCode, filters.communeCode)) as SQL);
  if (filters.legacyDistrictCode) conditions.push(eq(producers.legacyDistrictCode, filters.legacyDistrictCode));
  if (filters.producerId) conditions.push(eq(products.producerId, filters.producerId));
  if (filters.producerType) conditions.push(eq(producers.type, filters.producerType));
  if (filters.groupCode) conditions.push(eq(productSets.groupCode, filters.groupCode));
  if (filters.productSetId) conditions.push(eq(products.productSetId, filters.productSetId));
  if (filters.status) conditions.push(eq(products.status, filters.status));
  if (filters.importId) conditions.push(touchedByImport(filters.importId, products.id, products.importId));
  for (const term of searchTerms(filters.q)) conditions.push(sql`${products.searchFolded} like ${`%${escapeLikePattern(term)}%`}`);
  return conditions;
}

function ordering(filters: ProductFilters) {
  const terms = searchTerms(filters.q);
  const sort = filters.sort ?? (terms.length > 0 ? 'relevance' : 'name');
  switch (sort) {
    case 'relevance': {
      // Names that start with the words as typed, then those containing them in that order, then the rest;
      // two LIKEs per matched row cost far less than trigram similarity().
      if (terms.length === 0) return [asc(products.nameFolded), asc(products.id)];
      const phrase = escapeLikePattern(terms.join(' '));
      return [
        desc(sql`${products.nameFolded} like ${`${phrase}%`}`),
        desc(sql`${products.searchFolded} like ${`%${phrase}%`}`),
        asc(products.nameFolded),
        asc(products.id),
      ];
    }
    case '-name':
      return [desc(products.nameFolded), desc(products.id)];
    case 'createdAt':
      return [asc(products.createdAt), asc(products.id)];
    case '-createdAt':
      return [desc(products.createdAt), desc(products.id)];
    case 'updatedAt':
      return [asc(products.updatedAt), asc(products.id)];
    case '-updatedAt':
      return [desc(products.updatedAt), desc(products.id)];
    case 'code':
      return [asc(products.code)];
    case '-code':
      return [desc(products.code)];
    default:
      return [asc(products.nameFolded), asc(products.id)];
  }
}

/**
 * The only SQL on products, their GTINs and the code sequences; every query runs on the ambient
 * transaction's handle. Reads that serve users see published products only (`isPublishedProduct`).
 */
export function createProductRepository({ transactions }: { transactions: Transactions }) {
  const db = transactions.db;

  function joined() {
    return db()
      .select(listColumns)
      .from(products)
      .innerJoin(producers, eq(producers.id, products.producerId))
      .innerJoin(productSets, eq(productSets.id, products.productSetId))
      .innerJoin(productGroups, and(eq(productGroups.versionCode, productSets.versionCode), eq(productGroups.code, productSets.groupCode)));
  }

  return {
    /** The producers of new products, locked against changes until the ambient transaction ends. */
    findProducersForShare: async (ids: readonly string[]): Promise<ProducerRow[]> => {
      const rows: ProducerRow[] = [];
      for (const part of chunked([...new Set(ids)], ROWS_PER_READ)) {
        rows.push(
          ...(await db()
            .select()
            .from(producers)
            .where(and(sql`${producers.id} in ${uuidList(part)}`, isPublishedProducer))
            .for('share')),
        );
      }
      return rows;
    },

    findProducer: async (id: string): Promise<ProducerRow | undefined> => {
      const [row] = await db()
        .select()
        .from(producers)
        .where(and(eq(producers.id, id), isPublishedProducer));
      return row;
    },

    /** A published product, locked until the ambient transaction ends. */
    findPublishedForUpdate: async (id: string): Promise<ProductRow | undefined> => {
      const [row] = await db()
        .select()
        .from(products)
        .where(and(eq(products.id, id), isPublishedProduct))
        .for('update');
      return row;
    },

    /**
     * Adds `count` to the last code number of each (province, commune) of `year` (from 0 when new);
     * the numbers from `lastValue - count + 1` to `lastValue` are the caller's.
     */
    reserveCodeNumbers: async (groups: readonly { provinceCode: string; communeCode: string; count: number }[], year: number) => {
      const reserved: { provinceCode: string; communeCode: string; lastValue: number }[] = [];
      for (const part of chunked(groups, ROWS_PER_READ)) {
        reserved.push(
          ...(await db()
            .insert(productCodeSequences)
            .values(
              part.map((group) => ({ provinceCode: group.provinceCode, communeCode: group.communeCode, year, lastValue: group.count })),
            )
            .onConflictDoUpdate({
              target: [productCodeSequences.provinceCode, productCodeSequences.communeCode, productCodeSequences.year],
              set: { lastValue: sql`${productCodeSequences.lastValue} + excluded.last_value` },
            })
            .returning({
              provinceCode: productCodeSequences.provinceCode,
              communeCode: productCodeSequences.communeCode,
              lastValue: productCodeSequences.lastValue,
            })),
        );
      }
      return reserved;
    },

    /** Which of these codes a product (staged or not) already has. */
    listTakenCodes: async (codes: readonly string[]): Promise<string[]> => {
      const taken: string[] = [];
      for (const part of chunked(codes, ROWS_PER_READ * 5)) {
        const rows = await db()
          .select({ code: products.code })
          .from(products)
          .where(sql`${products.code} in ${textList(part)}`);
        taken.push(...rows.map((row) => row.code));
      }
      return taken;
    },

    /** The products that have these GTINs, but `exceptProductId`. */
    listGtinOwners: async (gtins: readonly string[], exceptProductId?: string): Promise<GtinOwner[]> => {
      const owners: GtinOwner[] = [];
      for (const part of chunked(gtins, ROWS_PER_READ * 5)) {
        const conditions = [sql`${productGtins.gtin} in ${textList(part)}`];
        if (exceptProductId) conditions.push(ne(productGtins.productId, exceptProductId));
        owners.push(
          ...(await db()
            .select({
              gtin: productGtins.gtin,
              code: products.code,
              producerId: products.producerId,
              provinceCode: producers.provinceCode,
              communeCode: producers.communeCode,
            })
            .from(productGtins)
            .innerJoin(products, eq(products.id, productGtins.productId))
            .innerJoin(producers, eq(producers.id, products.producerId))
            .where(and(...conditions))),
        );
      }
      return owners;
    },

    /**
     * Takes the slug locks of these bases until the ambient transaction ends: one of 64 buckets per
     * base (a transaction adding thousands of products would otherwise exhaust max_locks_per_transaction),
     * in bucket order so that two writers cannot deadlock.
     */
    lockSlugBases: async (bases: readonly string[]) => {
      const buckets = await queryRows<{ bucket: number }>(
        db(),
        sql`select distinct hashtext(base) & 63 as bucket from jsonb_array_elements_text(${JSON.stringify([...bases])}::jsonb) as base order by 1`,
      );
      for (const { bucket } of buckets) await queryRows(db(), sql`select pg_advisory_xact_lock(${SLUG_LOCK_SPACE}, ${bucket}::int)`);
    },

    /** Slugs equal to a stem, or a stem with a number suffix. */
    listSlugsOfStems: async (stems: readonly string[]): Promise<string[]> => {
      const slugs: string[] = [];
      for (const part of chunked(stems, ROWS_PER_READ * 5)) {
        const list = textList(part);
        const rows = await db()
          .select({ slug: products.slug })
          .from(products)
          .where(sql`${products.slug} in ${list} or regexp_replace(${products.slug}, '-[0-9]+$', '') in ${list}`);
        slugs.push(...rows.map((row) => row.slug));
      }
      return slugs;
    },

    insert: async (row: ProductInsert): Promise<ProductRow | undefined> => {
      const [inserted] = await db().insert(products).values(row).returning();
      return inserted;
    },

    insertMany: (rows: ProductInsert[]): Promise<ProductRow[]> => db().insert(products).values(rows).returning(),

    insertGtins: async (rows: { gtin: string; productId: string; position: number; createdAt: Date }[]) => {
      for (const part of chunked(rows, ROWS_PER_INSERT * 4)) await db().insert(productGtins).values(part);
    },

    deleteGtinsOf: async (productId: string) => {
      await db().delete(productGtins).where(eq(productGtins.productId, productId));
    },

    /** The GTINs of each product, in their order. */
    gtinsOf: async (productIds: readonly string[]): Promise<Map<string, string[]>> => {
      const result = new Map<string, string[]>();
      if (productIds.length === 0) return result;
      const rows = await db()
        .select({ productId: productGtins.productId, gtin: productGtins.gtin })
        .from(productGtins)
        .where(sql`${productGtins.productId} in ${uuidList([...productIds])}`)
        .orderBy(asc(productGtins.position));
      for (const row of rows) result.set(row.productId, [...(result.get(row.productId) ?? []), row.gtin]);
      return result;
    },

    /** Writes only if the row still has `expectedVersion`; undefined when it has moved on. */
    saveVersioned: async (id: string, expectedVersion: number, patch: Partial<ProductInsert>): Promise<ProductRow | undefined> => {
      const [row] = await db()
        .update(products)
        .set({ ...patch, version: sql`${products.version} + 1` })
        .where(and(eq(products.id, id), eq(products.version, expectedVersion)))
        .returning();
      return row;
    },

    findJoined: (id: string): Promise<JoinedProduct[]> => joined().where(and(eq(products.id, id), isPublishedProduct)),

    /** The longer texts of a product (by primary key alone: what a public product page reads per view). */
    findTexts: async (id: string) => {
      const [row] = await db()
        .select({
          description: products.description,
          story: products.story,
          descriptionZh: products.descriptionZh,
          storyZh: products.storyZh,
          seasonNote: products.seasonNote,
        })
        .from(products)
        .where(and(eq(products.id, id), isPublishedProduct));
      return row;
    },

    listPage: async (actor: RegistryActor, query: ProductFilters & { page: number; pageSize: number }) => {
      const where = and(...listConditions(actor, query));
      const page = await joined()
        .where(where)
        .orderBy(...ordering(query))
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize);
      const [counted] = await db()
        .select({ n: count() })
        .from(products)
        .innerJoin(producers, eq(producers.id, products.producerId))
        .innerJoin(productSets, eq(productSets.id, products.productSetId))
        .where(where);
      return [page, Number(counted?.n ?? 0)] as const;
    },

    listIds: async (actor: RegistryActor, filters: ProductFilters): Promise<string[]> => {
      const rows = await db()
        .select({ id: products.id })
        .from(products)
        .innerJoin(producers, eq(producers.id, products.producerId))
        .innerJoin(productSets, eq(productSets.id, products.productSetId))
        .where(and(...listConditions(actor, filters)))
        .orderBy(...ordering(filters));
      return rows.map((row) => row.id);
    },

    /** Ids come from listIds, which published products only. */
    listJoinedByIds: (ids: string[]): Promise<JoinedProduct[]> => joined().where(inArray(products.id, ids)),

    findPublishedByCode: async (code: string): Promise<ProductRow | undefined> => {
      const [row] = await db()
        .select()
        .from(products)
        .where(and(eq(products.code, code), isPublishedProduct));
      return row;
    },

    /**
     * The published products named by any of these GTINs (14 digits) or codes, with where their
     * producer sits: how the traceability learns whose product an EPCIS identifier names.
     */
    findKeyOwners: async (gtins: string[], codes: string[]) => {
      if (gtins.length === 0 && codes.length === 0) return [];
      const byGtin =
        gtins.length === 0
          ? undefined
          : inArray(products.id, db().select({ id: productGtins.productId }).from(productGtins).where(inArray(productGtins.gtin, gtins)));
      const byCode = codes.length === 0 ? undefined : inArray(products.code, codes);
      const rows = await db()
        .select({
          id: products.id,
          code: products.code,
          nameVi: products.nameVi,
          producerId: producers.id,
          provinceCode: producers.provinceCode,
          communeCode: producers.communeCode,
        })
        .from(products)
        .innerJoin(producers, eq(producers.id, products.producerId))
        .where(and(or(byGtin, byCode), isPublishedProduct));
      const ids = rows.map((row) => row.id);
      const gtinRows =
        ids.length === 0
          ? []
          : await db()
              .select({ gtin: productGtins.gtin, productId: productGtins.productId })
              .from(productGtins)
              .where(inArray(productGtins.productId, ids));
      return rows.map((row) => ({ ...row, gtins: gtinRows.filter((g) => g.productId === row.id).map((g) => g.gtin) }));
    },

    findPlace: async (id: string) => {
      const [row] = await db()
        .select({ id: producers.id, provinceCode: producers.provinceCode, communeCode: producers.communeCode })
        .from(products)
        .innerJoin(producers, eq(producers.id, products.producerId))
        .where(and(eq(products.id, id), isPublishedProduct));
      return row;
    },

    /** Products with where their producer sits, for comparing intended updates. */
    listWithPlaces: (ids: string[]) =>
      db()
        .select({
          product: products,
          producer: { id: producers.id, provinceCode: producers.provinceCode, communeCode: producers.communeCode },
        })
        .from(products)
        .innerJoin(producers, eq(producers.id, products.producerId))
        .where(sql`${products.id} in ${uuidList(ids)}`),
  };
}
