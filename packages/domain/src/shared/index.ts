export * from './domain-error';
export * from './roles';
export * from './vietnamese-text';
