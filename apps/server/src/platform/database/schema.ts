// Every table of every module, for Drizzle's relational queries and for drizzle-kit.
export * from '../../modules/geography/admin-unit.tables';
export * from '../../modules/identity/identity.tables';
export * from '../../modules/registry/classification.tables';
export * from '../../modules/registry/producer.tables';
export * from '../../modules/registry/product.tables';
export * from '../../modules/registry/file.tables';
export * from '../../modules/registry/import.tables';
