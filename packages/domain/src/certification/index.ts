export * from './certificate-number';
export * from './certificate-status';
export * from './reminders';
export * from './revocation';
