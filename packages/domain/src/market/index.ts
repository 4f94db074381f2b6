export * from './catalogue-search';
