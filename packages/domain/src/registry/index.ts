export * from './document';
export * from './gtin';
export * from './producer';
export * from './product';
export * from './product-code';
export * from './registration-number';
export * from './registry-access';
export * from './slug';
