export * from './registry-access';
