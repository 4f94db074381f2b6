export * from './cbv';
export * from './digital-link';
export * from './event-hash';
export * from './event-hash-values';
export * from './gs1-keys';
export * from './province-code';
export * from './lot';
export * from './api-key';
