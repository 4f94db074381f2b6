export { createCatalogueModule, type CatalogueModule, DEFAULT_INQUIRY_LIMITS, type InquiryLimits } from './catalogue.module';
export type { CatalogueProduct, CatalogueSources, ProducerProfile, SalesPointMap } from './catalogue-ports';
export type { CatalogueService } from './products/catalogue.service';
export type { MapTiles } from './sales-points/sales-point-map';
export type { SalesPointService } from './sales-points/sales-point.service';
