import type { FastifyPluginAsync } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Clock } from '../../platform/clock';
import type { Transactions } from '../../platform/database/transaction';
import type { AuditService } from '../identity';
import type { CatalogueSources, SalesPointMap } from './catalogue-ports';
import { cataloguePages } from './products/catalogue.pages';
import { createCatalogueService } from './products/catalogue.service';
import { openDataRoutes } from './products/open-data.routes';
import { productPages } from './products/product.pages';
import { createSalesPointDirectory } from './sales-points/sales-point-directory';
import type { MapTiles } from './sales-points/sales-point-map';
import { salesPointPages } from './sales-points/sales-point.pages';
import { createSalesPointRepository } from './sales-points/sales-point.repository';
import { salesPointRoutes } from './sales-points/sales-point.routes';
import { createSalesPointService } from './sales-points/sales-point.service';

/**
 * The public side of the programme: the catalogue of certified products (search, filters, paging),
 * product pages (JSON-LD, Open Graph, where to buy), open data, robots.txt and the sitemap, read from
 * the registry and the certification through `CatalogueSources`; and the showcase and sales points
 * (the province's register, each operator's shelf, the public map and its coverage).
 */
export function createCatalogueModule(deps: {
  transactions: Transactions;
  clock: Clock;
  audit: AuditService;
  sources: CatalogueSources;
  map: SalesPointMap;
  publicUrl: string;
  mapTiles?: MapTiles | null;
  catalogueRefreshMs?: number;
}) {
  const refreshMs = deps.catalogueRefreshMs ?? 60_000;
  const catalogue = createCatalogueService({ sources: deps.sources, refreshMs });
  const salesPointRepository = createSalesPointRepository({ transactions: deps.transactions });
  const directory = createSalesPointDirectory({
    transactions: deps.transactions,
    repository: salesPointRepository,
    map: deps.map,
    refreshMs,
  });
  const salesPoints = createSalesPointService({
    transactions: deps.transactions,
    clock: deps.clock,
    audit: deps.audit,
    repository: salesPointRepository,
    map: deps.map,
    catalogue,
    onChange: directory.invalidate,
  });
  const publicRoutes: FastifyPluginAsync[] = [
    cataloguePages(catalogue),
    productPages(catalogue, deps.sources, deps.publicUrl, directory),
    openDataRoutes(catalogue, deps.publicUrl),
    salesPointPages(directory, catalogue, deps.mapTiles ?? null),
  ];
  const routes: FastifyPluginAsyncZod[] = [salesPointRoutes(salesPoints, catalogue)];
  return { catalogue, salesPoints, publicRoutes, routes };
}

export type CatalogueModule = ReturnType<typeof createCatalogueModule>;
