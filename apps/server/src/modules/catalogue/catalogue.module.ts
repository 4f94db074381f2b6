import type { FastifyPluginAsync } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Clock } from '../../platform/clock';
import type { Transactions } from '../../platform/database/transaction';
import { createTokenBuckets } from '../../platform/http/token-buckets';
import type { AuditService } from '../identity';
import type { Notifier } from '../notifications';
import type { CatalogueSources, SalesPointMap } from './catalogue-ports';
import { createFormTokens } from './inquiries/form-token';
import { inquiryForm } from './inquiries/inquiry-form';
import { inquiryPages } from './inquiries/inquiry.pages';
import { createInquiryRepository } from './inquiries/inquiry.repository';
import { inquiryRoutes } from './inquiries/inquiry.routes';
import { createInquiryService, type InquiryPeople } from './inquiries/inquiry.service';
import { createProducerPageService } from './producers/producer-page.service';
import { producerPages } from './producers/producer.pages';
import type { ResizedImageCacheOptions } from '../../platform/files/resized-images';
import { cataloguePages } from './products/catalogue.pages';
import { createCatalogueService } from './products/catalogue.service';
import { openDataRoutes } from './products/open-data.routes';
import { productImageRoutes } from './products/product-images';
import { productPages } from './products/product.pages';
import { createSalesPointDirectory } from './sales-points/sales-point-directory';
import type { MapTiles } from './sales-points/sales-point-map';
import { salesPointPages } from './sales-points/sales-point.pages';
import { createSalesPointRepository } from './sales-points/sales-point.repository';
import { salesPointRoutes } from './sales-points/sales-point.routes';
import { createSalesPointService } from './sales-points/sales-point.service';

/** Inquiry limits: per sender address (a token bucket) and per producer and day. */
export type InquiryLimits = { perAddress: number; perAddressMinutes: number; perProducerPerDay: number };
export const DEFAULT_INQUIRY_LIMITS: InquiryLimits = { perAddress: 5, perAddressMinutes: 10, perProducerPerDay: 50 };

/**
 * The public side of the programme: the catalogue of certified products (search, filters, paging),
 * product and producer pages (JSON-LD, Open Graph, pictures sized for phones, where to buy), buyers' inquiries to producers (public
 * form, back-office inbox), open data, robots.txt and the sitemap, read from the registry and the
 * certification through `CatalogueSources`; and the showcase and sales points (the province's register,
 * each operator's shelf, the public map and its coverage).
 */
export function createCatalogueModule(deps: {
  sources: CatalogueSources;
  map: SalesPointMap;
  publicUrl: string;
  mapTiles?: MapTiles | null;
  catalogueRefreshMs?: number;
  /** How often the sales-point directory asks its change token (5 s by default). */
  salesPointRefreshMs?: number;
  transactions: Transactions;
  clock: Clock;
  audit: AuditService;
  notifier: Notifier;
  people: InquiryPeople;
  inquiryLimits?: Partial<InquiryLimits>;
  /** Where the phone-sized copies of product pictures are kept, and how much of them. */
  imageCache: ResizedImageCacheOptions;
}) {
  const limits = { ...DEFAULT_INQUIRY_LIMITS, ...deps.inquiryLimits };
  const refreshMs = deps.catalogueRefreshMs ?? 60_000;
  const catalogue = createCatalogueService({ sources: deps.sources, refreshMs });
  const salesPointRepository = createSalesPointRepository({ transactions: deps.transactions });
  const directory = createSalesPointDirectory({
    transactions: deps.transactions,
    repository: salesPointRepository,
    map: deps.map,
    // Tens of points: the token is a query of a millisecond, so another process's write shows within seconds.
    refreshMs: deps.salesPointRefreshMs ?? 5_000,
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
  const repository = createInquiryRepository({ transactions: deps.transactions });
  const tokens = createFormTokens({ transactions: deps.transactions, repository, clock: deps.clock });
  const inquiries = createInquiryService({
    ...deps,
    repository,
    dailyCap: limits.perProducerPerDay,
    perAddress: { max: limits.perAddress, windowMinutes: limits.perAddressMinutes },
  });
  const producerPageSettings = createProducerPageService({ ...deps, repository });
  const refillPerSecond = limits.perAddress / (limits.perAddressMinutes * 60);
  // The app's clock, so tests move the bucket's time by hand; at most 50,000 addresses are remembered.
  const perAddress = createTokenBuckets({
    capacity: limits.perAddress,
    refillPerSecond,
    maxKeys: 50_000,
    now: () => deps.clock.now().getTime(),
  });
  const formFor = async (target: { producerId: string; productId: string | null }, language: 'vi' | 'en' | 'zh') =>
    inquiryForm({ ...target, token: await tokens.issue(), language });
  const publicRoutes: FastifyPluginAsync[] = [
    cataloguePages(catalogue, deps.publicUrl, deps.clock),
    productPages(catalogue, deps.publicUrl, directory, formFor),
    producerPages({ catalogue, sources: deps.sources, tokens, showPhone: producerPageSettings.showPhone, publicUrl: deps.publicUrl }),
    inquiryPages({ catalogue, inquiries, tokens, perAddress, retryAfterSeconds: Math.ceil(1 / refillPerSecond) }),
    openDataRoutes(catalogue, deps.publicUrl),
    salesPointPages(directory, catalogue, deps.mapTiles ?? null),
    productImageRoutes(catalogue, deps.sources, deps.imageCache),
  ];
  const routes: FastifyPluginAsyncZod[] = [salesPointRoutes(salesPoints, catalogue), inquiryRoutes(inquiries, producerPageSettings)];
  return { catalogue, salesPoints, inquiries, publicRoutes, routes };
}

export type CatalogueModule = ReturnType<typeof createCatalogueModule>;
