export * from './grants';
export * from './login';
export * from './login-throttle';
export * from './session-expiry';
