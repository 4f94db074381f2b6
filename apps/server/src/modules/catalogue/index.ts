export { createCatalogueModule, type CatalogueModule, DEFAULT_INQUIRY_LIMITS, type InquiryLimits } from './catalogue.module';
export type { CatalogueProduct, CatalogueSources, ProducerProfile } from './catalogue-ports';
export type { CatalogueService } from './products/catalogue.service';
