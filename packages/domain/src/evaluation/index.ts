export * from './average';
export * from './convert-26-2026';
export * from './criteria';
export * from './next-star';
export * from './regime';
export * from './score';
export * from './sheet';
export * from './validate';
