import type { CatalogueQuery } from '@ocop/contracts/catalogue';
import { buildCatalogueIndex, type CatalogueIndex, searchCatalogue } from '@ocop/domain/catalogue';
import { foldVietnamese } from '@ocop/domain/shared';
import { createRefreshingSnapshot } from '../../../platform/refreshing-snapshot';
import { createMemoCache } from '../../../platform/memo-cache';
import type { CatalogueProduct, CatalogueSources } from '../catalogue-ports';

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

/**
 * The public catalogue: the certified products in memory with their search index, rebuilt from the
 * sources at most every `refreshMs` (the answer of the moment is served while a rebuild runs), or at
 * once after `invalidate` (a certificate issued or revoked in this process): `platform/refreshing-snapshot.ts`.
 */
export function createCatalogueService(deps: { sources: CatalogueSources; refreshMs: number; now?: () => number }) {
  const now = deps.now ?? (() => performance.now());
  // A product page reads its texts per view; they are as fresh as the catalogue itself (`refreshMs`).
  const texts = createMemoCache<{ description: string | null; story: string | null } | null>({
    ttlMs: deps.refreshMs,
    maxEntries: CATALOGUE_TEXTS_KEPT,
    now,
  });

  async function build(): Promise<Snapshot> {
    const products: CatalogueProduct[] = [];
    for await (const page of deps.sources.certifiedProducts()) {
      for (const product of page) if (products.length < CATALOGUE_MAX_PRODUCTS) products.push(product);
    }
    products.sort((a, b) => byName(a.nameVi, b.nameVi));
    const index = buildCatalogueIndex(
      products.map((product) => ({
        id: product.id,
        fields: [
          { text: [product.nameVi, product.nameEn ?? ''].join(' '), weight: 3 },
          { text: product.producer.name, weight: 2 },
          { text: [product.communeName, product.legacyDistrictName, product.provinceName].filter(Boolean).join(' '), weight: 1 },
        ],
      })),
    );
    const groups = new Map<string, string>();
    for (const product of products) groups.set(product.productSet.groupCode, product.productSet.groupName);
    return {
      products,
      index,
      byId: new Map(products.map((product) => [product.id, product])),
      bySlug: new Map(products.map((product) => [product.slug, product])),
      places: new Map(
        products.map((product) => [
          product.id,
          [product.communeCode, product.legacyDistrictCode, product.communeName, product.legacyDistrictName]
            .filter((value): value is string => Boolean(value))
            .map(foldVietnamese),
        ]),
      ),
      groups: [...groups].map(([code, name]) => ({ code, name })).sort((a, b) => a.code.localeCompare(b.code)),
    };
  }

  const { get: snapshot, invalidate: invalidateSnapshot } = createRefreshingSnapshot(build, {
    refreshMs: deps.refreshMs,
    ...(deps.now ? { now: deps.now } : {}),
  });

  function matchesFilters(product: CatalogueProduct, query: CatalogueQuery, place: string | null, places: Snapshot['places']): boolean {
    if (query.stars !== undefined && product.stars !== query.stars) return false;
    if (query.group !== undefined && product.productSet.groupCode !== query.group) return false;
    if (query.set !== undefined && product.productSet.code !== query.set) return false;
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
