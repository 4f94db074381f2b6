import type { CatalogueQuery } from '@ocop/contracts/catalogue';
import { type CatalogueIndex, type SearchDocument, searchCatalogue, startCatalogueIndex } from '@ocop/domain/catalogue';
import { foldVietnamese } from '@ocop/domain/shared';
import { createTokenGatedSnapshot } from '../../../platform/refreshing-snapshot';
import { createMemoCache } from '../../../platform/memo-cache';
import { createLoopSlicer } from '../../../platform/loop-slices';
import type { CatalogueProduct, CatalogueProductTexts, CatalogueSources } from '../catalogue-ports';

/** Most products the catalogue holds (a bound on memory: the national programme has a few thousand). */
export const CATALOGUE_MAX_PRODUCTS = 50_000;
/** Product texts kept for the product pages (the most viewed; the rest are read again when opened). */
export const CATALOGUE_TEXTS_KEPT = 5_000;

type Snapshot = {
  products: CatalogueProduct[];
  index: CatalogueIndex;
  byId: Map<string, CatalogueProduct>;
  bySlug: Map<string, CatalogueProduct>;
  /** Each product's commune and former district (codes and names), folded once here, not per query. */
  places: Map<string, string[]>;
  /** The product groups present, for the filter. */
  groups: { code: string; name: string }[];
};

/** Vietnamese alphabetical order; one collator, where `localeCompare(…, 'vi')` looks one up per comparison. */
const byName = new Intl.Collator('vi').compare;

export type CataloguePage = { items: CatalogueProduct[]; total: number; page: number; pageSize: number };

export type CatalogueService = ReturnType<typeof createCatalogueService>;

/** What the index reads of a product: its names first, then its producer, then its places. */
function searchDocument(product: CatalogueProduct): SearchDocument {
  return {
    id: product.id,
    fields: [
      { text: [product.nameVi, product.nameEn ?? ''].join(' '), weight: 3 },
      { text: product.producer.name, weight: 2 },
      { text: [product.communeName, product.legacyDistrictName, product.provinceName].filter(Boolean).join(' '), weight: 1 },
    ],
  };
}

/** A product's commune and former district (codes and names), folded for the place filter. */
function foldedPlaces(product: CatalogueProduct): string[] {
  return [product.communeCode, product.legacyDistrictCode, product.communeName, product.legacyDistrictName]
    .filter((value): value is string => Boolean(value))
    .map(foldVietnamese);
}

/**
 * Reads every certified product and builds the snapshot. The per-product work (index, maps, folded
 * places: seconds at 20,000 products) runs in slices of `sliceMs`, so requests keep being answered
 * meanwhile; the sort by name too (tens of milliseconds in one block).
 */
async function buildSnapshot(sources: CatalogueSources, sliceMs: number | undefined): Promise<Snapshot> {
  const slicer = createLoopSlicer(sliceMs === undefined ? {} : { sliceMs });
  const read: CatalogueProduct[] = [];
  for await (const page of sources.certifiedProducts()) {
    for (const product of page) if (read.length < CATALOGUE_MAX_PRODUCTS) read.push(product);
  }
  const products = await slicer.sort(read, (a, b) => byName(a.nameVi, b.nameVi));
  const index = startCatalogueIndex();
  const byId = new Map<string, CatalogueProduct>();
  const bySlug = new Map<string, CatalogueProduct>();
  const places = new Map<string, string[]>();
  const groups = new Map<string, string>();
  await slicer.forEachChunk(products, (chunk) => {
    index.add(chunk.map(searchDocument));
    for (const product of chunk) {
      byId.set(product.id, product);
      bySlug.set(product.slug, product);
      places.set(product.id, foldedPlaces(product));
      groups.set(product.productSet.groupCode, product.productSet.groupName);
    }
  });
  return {
    products,
    index: index.finish(),
    byId,
    bySlug,
    places,
    groups: [...groups].map(([code, name]) => ({ code, name })).sort((a, b) => a.code.localeCompare(b.code)),
  };
}

/**
 * The public catalogue: the certified products in memory with their search index, rebuilt from the
 * sources at most every `refreshMs` (the answer of the moment is served while a rebuild runs), or at
 * once after `invalidate` (a certificate issued or revoked in this process): `platform/refreshing-snapshot.ts`.
 */
export function createCatalogueService(deps: {
  sources: CatalogueSources;
  refreshMs: number;
  now?: () => number;
  /** Longest run of rebuild work between two turns of the event loop (tests make it huge to compare). */
  sliceMs?: number;
}) {
  const now = deps.now ?? (() => performance.now());
  const sliceMs = deps.sliceMs;
  // A product page reads its texts per view; they are as fresh as the catalogue itself (`refreshMs`).
  const texts = createMemoCache<CatalogueProductTexts | null>({
    ttlMs: deps.refreshMs,
    maxEntries: CATALOGUE_TEXTS_KEPT,
    now,
  });

  // The last snapshot while the sources' change token is the same (a cheap query instead of reading
  // 20,000 products), else a new one built in slices of the event loop.
  const { get: snapshot, invalidate: invalidateSnapshot } = createTokenGatedSnapshot(() => buildSnapshot(deps.sources, sliceMs), {
    changeToken: deps.sources.changeToken,
    refreshMs: deps.refreshMs,
    ...(deps.now ? { now: deps.now } : {}),
  });

  function matchesFilters(product: CatalogueProduct, query: CatalogueQuery, place: string | null, places: Snapshot['places']): boolean {
    if (query.stars !== undefined && product.stars !== query.stars) return false;
    if (query.group !== undefined && product.productSet.groupCode !== query.group) return false;
    if (query.set !== undefined && product.productSet.code !== query.set) return false;
    if (query.month !== undefined && !product.seasons.includes(query.month)) return false;
    if (place !== null && !places.get(product.id)?.some((name) => name === place || name.endsWith(` ${place}`))) return false;
    return true;
  }

  return {
    /** A page of the catalogue: searched (best first) or listed (by name, or by stars). */
    search: async (query: CatalogueQuery): Promise<CataloguePage> => {
      const { products, index, byId, places } = await snapshot();
      let found: CatalogueProduct[];
      const text = query.q?.trim() ?? '';
      if (text) {
        found = searchCatalogue(index, text)
          .map((hit) => byId.get(hit.id))
          .filter((product): product is CatalogueProduct => product !== undefined);
      } else found = products;
      const place = query.place !== undefined ? foldVietnamese(query.place) : null;
      found = found.filter((product) => matchesFilters(product, query, place, places));
      // Without a search text the products are already in name order (the snapshot's), and a filter keeps it.
      if (text && query.sort === 'name') found = [...found].sort((a, b) => byName(a.nameVi, b.nameVi));
      if (query.sort === 'stars') found = [...found].sort((a, b) => b.stars - a.stars || byName(a.nameVi, b.nameVi));
      const start = (query.page - 1) * query.pageSize;
      return { items: found.slice(start, start + query.pageSize), total: found.length, page: query.page, pageSize: query.pageSize };
    },

    /** Every certified product, for open data and the sitemap. */
    all: async (): Promise<readonly CatalogueProduct[]> => (await snapshot()).products,

    /** The certified product with this slug, if any. */
    bySlug: async (slug: string): Promise<CatalogueProduct | undefined> => (await snapshot()).bySlug.get(slug),

    /** The certified products among these ids, in the order asked (ids not in the catalogue are left out). */
    byIds: async (ids: readonly string[]): Promise<CatalogueProduct[]> => {
      const { byId } = await snapshot();
      return ids.map((id) => byId.get(id)).filter((product): product is CatalogueProduct => product !== undefined);
    },

    /** The certified product with this id, if any. */
    byId: async (id: string): Promise<CatalogueProduct | undefined> => (await snapshot()).byId.get(id),
    /** The description and story of a product for its page, kept as long as the catalogue (bounded). */
    texts: async (productId: string) => {
      const kept = texts.get(productId);
      if (kept !== undefined) return kept;
      const read = await deps.sources.productTexts(productId);
      texts.set(productId, read);
      return read;
    },
    /** The product groups present, for the filter. */
    groups: async () => (await snapshot()).groups,

    /** Rebuild on the next request (a certificate issued, revoked or expired here). */
    invalidate: () => {
      invalidateSnapshot();
      texts.clear();
    },

    /** Forgets one product's kept texts (the producer edited them in this process). */
    forgetTexts: (productId: string) => {
      texts.delete(productId);
    },
  };
}
