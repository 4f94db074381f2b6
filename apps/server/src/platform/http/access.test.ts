import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { registerAccessControl, type RegisteredRoute } from './access';

describe('registerAccessControl', () => {
  it('stops start-up when a route declares no access', async () => {
    const app = Fastify();
    const routes: RegisteredRoute[] = [];
    registerAccessControl(app, { authenticate: async () => 'expired' }, routes);
    app.get('/declared', { config: { access: 'public' } }, async () => 'ok');
    expect(() => app.get('/forgotten', async () => 'oops')).toThrow(/has no config.access/);
    expect(routes.map((r) => `${r.method} ${r.url}`)).toContain('GET /declared');
    await app.close();
  });
});
