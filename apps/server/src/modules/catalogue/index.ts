export { createCatalogueModule, type CatalogueModule } from './catalogue.module';
export type { CatalogueProduct, CatalogueSources, SalesPointMap } from './catalogue-ports';
export type { CatalogueService } from './products/catalogue.service';
export type { MapTiles } from './sales-points/sales-point-map';
export type { SalesPointService } from './sales-points/sales-point.service';
