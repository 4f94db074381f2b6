export * from './content-item';
