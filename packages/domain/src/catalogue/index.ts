export * from './catalogue-search';
export * from './map-geometry';
export * from './sales-points';
export * from './inquiry';
