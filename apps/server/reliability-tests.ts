/**
 * The reliability suite (`npm run test:reliability`): hostile input that must never answer 5xx,
 * crash the server, stop `/api/health` answering or store anything. The spreadsheet bombs live in
 * src/reliability; the hostile-input tests that sit beside the code they guard are listed here. The
 * default run leaves all of them out, so CI runs each once.
 */
export const RELIABILITY_TESTS = [
  'src/reliability/**/*.test.ts',
  'src/platform/http/text-guard.routes.test.ts',
  'src/modules/identity/login-lockout.test.ts',
  'src/modules/identity/user-concurrency.test.ts',
];
