import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../../test-support/test-app';

/** A deployment with a one-minute idle limit: activity must keep extending the session. */
describe('sessions under a short idle limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ settings: { sessionIdleMinutes: 1 } });
  });
  afterAll(() => t.close());

  it('stays open while the user acts every 50 seconds, and ends after a quiet minute', async () => {
    const busy = await t.as({ role: 'province_officer' });
    for (let step = 0; step < 10; step++) {
      t.clock.advance(50_000);
      const me = await busy.get('/api/auth/me');
      expect(me.statusCode, `after ${(step + 1) * 50} s`).toBe(200);
      // What the web app shows as the end of the session moves on with each request.
      expect(new Date(me.json().sessionExpiresAt).getTime()).toBeGreaterThan(t.clock.now().getTime() + 45_000);
    }
    t.clock.advance(61_000);
    expect((await busy.get('/api/auth/me')).statusCode).toBe(401);
  });
});
