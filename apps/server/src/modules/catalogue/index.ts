export { createCatalogueModule, type CatalogueModule } from './catalogue.module';
export type { CatalogueProduct, CatalogueSources } from './catalogue-ports';
export type { CatalogueService } from './products/catalogue.service';
