import type { Transactions } from '../../../platform/database/transaction';
import { escapeLikePattern } from '@ocop/domain/shared';
import { and, asc, count, desc, eq, inArray, isNotNull, min, ne, or, type SQL, sql } from 'drizzle-orm';
import { registryDocuments } from '../documents/file.tables';
import { touchedByImport } from '../imports/import-links';
import { products } from '../products/product.tables';
import { isPublishedProduct } from '../products/product-staging';
import { producerScope, type RegistryActor, searchTerms } from '../shared/registry-support';
import { type ProducerRow, producers } from './producer.tables';
import { isPublishedProducer } from './producer-staging';

export type ProducerRepository = ReturnType<typeof createProducerRepository>;

export type ProducerFilters = {
  q?: string | undefined;
  provinceCode?: string | undefined;
  communeCode?: string | undefined;
  legacyDistrictCode?: string | undefined;
  type?: ProducerRow['type'] | undefined;
  status?: ProducerRow['status'] | undefined;
  importId?: string | undefined;
  sort?: 'name' | '-name' | 'createdAt' | '-createdAt' | 'updatedAt' | '-updatedAt' | 'registrationNumber' | undefined;
};

type ProducerInsert = typeof producers.$inferInsert;

function listConditions(actor: RegistryActor, filters: ProducerFilters): SQL[] {
  const conditions: SQL[] = [isPublishedProducer];
  const scope = producerScope(actor.grants);
  if (scope) conditions.push(scope);
  if (filters.provinceCode) conditions.push(eq(producers.provinceCode, filters.provinceCode));
  if (filters.communeCode)
    conditions.push(or(eq(producers.communeCode, filters.communeCode), eq(producers.legacyCommuneCode, filters.communeCode)) as SQL);
  if (filters.legacyDistrictCode) conditions.push(eq(producers.legacyDistrictCode, filters.legacyDistrictCode));
  if (filters.type) conditions.push(eq(producers.type, filters.type));
  if (filters.status) conditions.push(eq(producers.status, filters.status));
  if (filters.importId) conditions.push(touchedByImport(filters.importId, producers.id, producers.importId));
  for (const term of searchTerms(filters.q)) conditions.push(sql`${producers.searchFolded} like ${`%${escapeLikePattern(term)}%`}`);
  return conditions;
}

function ordering(sort: ProducerFilters['sort']) {
  switch (sort) {
    case '-name':
      return [desc(producers.nameFolded), desc(producers.id)];
    case 'createdAt':
      return [asc(producers.createdAt), asc(producers.id)];
    case '-createdAt':
      return [desc(producers.createdAt), desc(producers.id)];
    case 'updatedAt':
      return [asc(producers.updatedAt), asc(producers.id)];
    case '-updatedAt':
      return [desc(producers.updatedAt), desc(producers.id)];
    case 'registrationNumber':
      return [asc(producers.registrationNumber), asc(producers.id)];
    default:
      return [asc(producers.nameFolded), asc(producers.id)];
  }
}

/** The only SQL on the producers table; every query runs on the ambient transaction's handle. */
export function createProducerRepository({ transactions }: { transactions: Transactions }) {
  const db = transactions.db;
  return {
    findById: async (id: string): Promise<ProducerRow | undefined> => {
      const [row] = await db()
        .select()
        .from(producers)
        .where(and(eq(producers.id, id), isPublishedProducer));
      return row;
    },

    /** The row, locked until the ambient transaction ends. */
    findByIdForUpdate: async (id: string): Promise<ProducerRow | undefined> => {
      const [row] = await db()
        .select()
        .from(producers)
        .where(and(eq(producers.id, id), isPublishedProducer))
        .for('update');
      return row;
    },

    findPlaceById: async (id: string) => {
      const [row] = await db()
        .select({ id: producers.id, provinceCode: producers.provinceCode, communeCode: producers.communeCode })
        .from(producers)
        .where(and(eq(producers.id, id), isPublishedProducer));
      return row;
    },

    existsInProvince: async (id: string, provinceCode: string): Promise<boolean> => {
      const [row] = await db()
        .select({ id: producers.id })
        .from(producers)
        .where(and(eq(producers.id, id), eq(producers.provinceCode, provinceCode), isPublishedProducer));
      return row !== undefined;
    },

    /** Another producer of the province holding this registration number, if any. */
    findByRegistrationNumber: async (provinceCode: string, registrationNumber: string, exceptId?: string) => {
      const conditions = [
        eq(producers.provinceCode, provinceCode),
        eq(producers.registrationNumber, registrationNumber),
        isPublishedProducer,
      ];
      if (exceptId) conditions.push(ne(producers.id, exceptId));
      const [row] = await db()
        .select()
        .from(producers)
        .where(and(...conditions));
      return row;
    },

    insert: async (values: ProducerInsert): Promise<ProducerRow | undefined> => {
      const [row] = await db().insert(producers).values(values).returning();
      return row;
    },

    /** Writes only if the row still has `expectedVersion`; undefined when it has moved on. */
    saveVersioned: async (id: string, expectedVersion: number, patch: Partial<ProducerInsert>): Promise<ProducerRow | undefined> => {
      const [row] = await db()
        .update(producers)
        .set({ ...patch, version: sql`${producers.version} + 1` })
        .where(and(eq(producers.id, id), eq(producers.version, expectedVersion)))
        .returning();
      return row;
    },

    listPage: async (actor: RegistryActor, query: ProducerFilters & { page: number; pageSize: number }) => {
      const where = and(...listConditions(actor, query));
      const page = await db()
        .select()
        .from(producers)
        .where(where)
        .orderBy(...ordering(query.sort))
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize);
      const [counted] = await db().select({ n: count() }).from(producers).where(where);
      return [page, Number(counted?.n ?? 0)] as const;
    },

    listIds: async (actor: RegistryActor, filters: ProducerFilters): Promise<string[]> => {
      const rows = await db()
        .select({ id: producers.id })
        .from(producers)
        .where(and(...listConditions(actor, filters)))
        .orderBy(...ordering(filters.sort));
      return rows.map((row) => row.id);
    },

    listByIds: (ids: string[]): Promise<ProducerRow[]> =>
      db()
        .select()
        .from(producers)
        .where(and(inArray(producers.id, ids), isPublishedProducer)),

    /** Number of products of each producer (producers without products are absent). */
    countProducts: async (producerIds: string[]): Promise<Map<string, number>> => {
      const counts = await db()
        .select({ producerId: products.producerId, n: count() })
        .from(products)
        .where(and(inArray(products.producerId, producerIds), isPublishedProduct))
        .groupBy(products.producerId);
      return new Map(counts.map((row) => [row.producerId, Number(row.n)]));
    },

    /** The first last-valid-day among each producer's documents (its own and its products'), for the expiry flag. */
    earliestDocumentValidTo: async (producerIds: string[]): Promise<Map<string, string>> => {
      const rows = await db()
        .select({ producerId: registryDocuments.producerId, validTo: min(registryDocuments.validTo) })
        .from(registryDocuments)
        .where(and(inArray(registryDocuments.producerId, producerIds), isNotNull(registryDocuments.validTo)))
        .groupBy(registryDocuments.producerId);
      return new Map(rows.flatMap((row) => (row.validTo ? [[row.producerId, row.validTo] as const] : [])));
    },

    listProductSearchParts: (producerId: string) =>
      db()
        .select({ id: products.id, nameVi: products.nameVi, nameEn: products.nameEn, code: products.code })
        .from(products)
        .where(eq(products.producerId, producerId)),

    saveProductSearchText: async (productId: string, searchFolded: string) => {
      await db().update(products).set({ searchFolded }).where(eq(products.id, productId));
    },
  };
}
