export { createRegistryModule, type RegistryModule } from './registry.module';
export { loadClassifications, readProductSetNames } from './classification/classification.loader';
export type { ClassificationService } from './classification/classification.service';
export type { ProducerService } from './producers/producer.service';
export type { ProductService } from './products/product.service';
export type { RegistryActor, WriteOptions } from './shared/registry-support';
export type { FileService } from './documents/file.service';
export type { ImportService } from './imports/import.service';
export type { RegistryEvents } from './shared/registry-events';
