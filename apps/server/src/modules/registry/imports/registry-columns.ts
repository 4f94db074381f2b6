/**
 * The registry's spreadsheet columns, for the product routes (registry/products/), which import
 * them from here: the definitions live in sheet-columns.ts (types, cell readers, parsing a row),
 * producer-columns.ts and product-columns.ts.
 */
export type { RegistryColumn } from './sheet-columns';
export { PRODUCT_COLUMNS, PRODUCT_HEADERS, PRODUCT_SHEET_NAME, type ProductSheetRow } from './product-columns';
