import type { FastifyPluginAsync } from 'fastify';
import type { ResizedImageCacheOptions } from '../../platform/files/resized-images';
import { cataloguePages } from './products/catalogue.pages';
import { createCatalogueService } from './products/catalogue.service';
import { openDataRoutes } from './products/open-data.routes';
import { productImageRoutes } from './products/product-images';
import { productPages } from './products/product.pages';
import type { CatalogueSources } from './catalogue-ports';

/**
 * The public side of the programme: the catalogue of certified products (search, filters, paging),
 * product pages (JSON-LD, Open Graph), pictures sized for phones, open data, robots.txt and the sitemap. Everything it shows comes from the registry and the
 * certification through `CatalogueSources`; it writes nothing yet.
 */
export function createCatalogueModule(deps: {
  sources: CatalogueSources;
  publicUrl: string;
  catalogueRefreshMs?: number;
  /** Where the phone-sized copies of product pictures are kept, and how much of them. */
  imageCache: ResizedImageCacheOptions;
}) {
  const catalogue = createCatalogueService({ sources: deps.sources, refreshMs: deps.catalogueRefreshMs ?? 60_000 });
  const publicRoutes: FastifyPluginAsync[] = [
    cataloguePages(catalogue),
    productPages(catalogue, deps.publicUrl),
    openDataRoutes(catalogue, deps.publicUrl),
    productImageRoutes(catalogue, deps.sources, deps.imageCache),
  ];
  return { catalogue, publicRoutes };
}

export type CatalogueModule = ReturnType<typeof createCatalogueModule>;
