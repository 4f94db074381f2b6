export * from './catalogue-search';
export * from './inquiry';
