export * from './domain-error';
export * from './error-codes';
export * from './roles';
export * from './vietnamese-text';
export * from './capabilities';
