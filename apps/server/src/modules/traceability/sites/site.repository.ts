import type { CapabilityReach } from '@ocop/domain/shared';
import { parseProvinceSiteUri, provinceSiteUri, type SiteKind } from '@ocop/domain/traceability';
import { and, asc, count, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import type { Transactions } from '../../../platform/database/transaction';
import { producerSites, type SiteInsert, type SiteRow } from './site.tables';

export type SiteRepository = ReturnType<typeof createSiteRepository>;

/** Place URIs looked up per query when a journey names its places. */
const PLACES_PER_QUERY = 500;

export type SiteFilters = { producerId?: string | undefined; kind?: SiteKind | undefined };

/** The rows a reader's reach covers: exactly those `can(grants, 'lots.read', place)` allows. */
function reachCondition(reach: CapabilityReach): SQL | undefined {
  if (reach === 'all') return undefined;
  const parts: SQL[] = [];
  if (reach.provinceCodes.length > 0) parts.push(inArray(producerSites.provinceCode, reach.provinceCodes));
  for (const commune of reach.communes) {
    const both = and(eq(producerSites.provinceCode, commune.provinceCode), eq(producerSites.producerCommuneCode, commune.communeCode));
    if (both) parts.push(both);
  }
  if (reach.producerIds.length > 0) parts.push(inArray(producerSites.producerId, reach.producerIds));
  return parts.length > 0 ? or(...parts) : sql`false`;
}

/** The only SQL on the producer_sites table; every query runs on the ambient transaction's handle. */
export function createSiteRepository({ transactions }: { transactions: Transactions }) {
  const db = transactions.db;
  return {
    findById: async (id: string): Promise<SiteRow | undefined> => {
      const [row] = await db().select().from(producerSites).where(eq(producerSites.id, id));
      return row;
    },

    findByGln: async (gln: string): Promise<SiteRow | undefined> => {
      const [row] = await db().select().from(producerSites).where(eq(producerSites.gln, gln));
      return row;
    },

    /**
     * The names of the sites these URIs locate: by a site's current location URI, and by its
     * `urn:ocop:vn:site:{id}` (what events recorded before the site got its GLN name). Unknown URIs are left out.
     */
    namesOfPlaces: async (uris: readonly string[]): Promise<ReadonlyMap<string, string>> => {
      const unique = [...new Set(uris)];
      const names = new Map<string, string>();
      for (let i = 0; i < unique.length; i += PLACES_PER_QUERY) {
        const chunk = unique.slice(i, i + PLACES_PER_QUERY);
        const ids = chunk.flatMap((uri) => {
          const id = parseProvinceSiteUri(uri);
          return id === undefined ? [] : [id];
        });
        const conditions = [inArray(producerSites.locationUri, chunk)];
        if (ids.length > 0) conditions.push(inArray(producerSites.id, ids));
        const rows = await db()
          .select({ id: producerSites.id, locationUri: producerSites.locationUri, name: producerSites.name })
          .from(producerSites)
          .where(or(...conditions));
        for (const row of rows) {
          names.set(row.locationUri, row.name);
          names.set(provinceSiteUri(row.id), row.name);
        }
      }
      return names;
    },

    insert: async (values: SiteInsert): Promise<SiteRow> => {
      const [row] = await db().insert(producerSites).values(values).returning();
      if (!row) throw new Error('insert returned no row');
      return row;
    },

    /** Writes only if the row still has `expectedRevision`; undefined when it has moved on. */
    saveVersioned: async (id: string, expectedRevision: number, patch: Partial<SiteInsert>): Promise<SiteRow | undefined> => {
      const [row] = await db()
        .update(producerSites)
        .set({ ...patch, revision: sql`${producerSites.revision} + 1` })
        .where(and(eq(producerSites.id, id), eq(producerSites.revision, expectedRevision)))
        .returning();
      return row;
    },

    /** A page of the sites in reach, by producer then name. */
    listPage: async (reach: CapabilityReach, filters: SiteFilters & { page: number; pageSize: number }) => {
      const conditions: SQL[] = [];
      const inReach = reachCondition(reach);
      if (inReach) conditions.push(inReach);
      if (filters.producerId) conditions.push(eq(producerSites.producerId, filters.producerId));
      if (filters.kind) conditions.push(eq(producerSites.kind, filters.kind));
      const where = and(...conditions);
      const items = await db()
        .select()
        .from(producerSites)
        .where(where)
        .orderBy(asc(producerSites.producerId), asc(producerSites.name), asc(producerSites.id))
        .limit(filters.pageSize)
        .offset((filters.page - 1) * filters.pageSize);
      const [counted] = await db().select({ n: count() }).from(producerSites).where(where);
      return { items, total: Number(counted?.n ?? 0) };
    },
  };
}
