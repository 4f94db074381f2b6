import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  formatSnapshot,
  ROUTE_ACCESS_SNAPSHOT,
  readSnapshot,
  routeAccessEntries,
  UPDATE_SNAPSHOT_ENV,
  writeSnapshot,
} from './test-support/route-access-snapshot';
import { startTestApp, type TestApp } from './test-support/test-app';

/**
 * The roles each route lets through are committed in route-access.snapshot.json: a route that
 * changes its capability, or a capability that gains a role, changes that file, so the widening
 * is seen in review rather than discovered in production.
 */
describe('route access snapshot', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('matches the live route table', () => {
    const live = routeAccessEntries(t.routesTable());
    if (process.env[UPDATE_SNAPSHOT_ENV] === '1') writeSnapshot(live);
    const hint =
      `The route table differs from ${ROUTE_ACCESS_SNAPSHOT}. If the change is deliberate, regenerate it with ` +
      `${UPDATE_SNAPSHOT_ENV}=1 npm exec -- vitest run --project server src/route-access.snapshot.test.ts and commit the diff.`;
    expect(formatSnapshot(readSnapshot()), hint).toBe(formatSnapshot(live));
  });

  it('lists every role list as the capability table gives it, sorted', () => {
    for (const entry of readSnapshot()) {
      if ('roles' in entry) expect(entry.roles, `${entry.method} ${entry.url}`).toEqual([...entry.roles].sort());
    }
  });
});
