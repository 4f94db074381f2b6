import { ROLES, type Role } from '@ocop/domain/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../test-support/test-app';

/**
 * Walks the whole route table: every route declares its access, and for every role the access
 * hook lets through exactly the roles the route names (what happens after is the route's business).
 */
describe('route table access', () => {
  let t: TestApp;
  const clients = new Map<Role, Client>();
  beforeAll(async () => {
    t = await startTestApp();
    for (const role of ROLES) {
      if (role === 'producer_member' || role === 'sales_point_operator') continue; // need records from later modules
      clients.set(role, await t.as({ role }));
    }
  });
  afterAll(() => t.close());

  it('has an access rule on every route', () => {
    expect(t.routesTable().length).toBeGreaterThan(10);
    for (const route of t.routesTable()) expect(route.access, `${route.method} ${route.url}`).toBeDefined();
  });

  it('lets each role through exactly the routes it may call, and refuses anonymous calls to non-public routes', async () => {
    const checked: string[] = [];
    for (const route of t.routesTable()) {
      // Logging out would end the sessions the walk relies on; logout has its own tests.
      if (route.method === 'HEAD' || route.url.includes('*') || route.url === '/api/auth/logout') continue;
      const url = route.url.replace(/:(\w+)/g, (_m, name: string) =>
        name.endsWith('Id') ? '00000000-0000-4000-8000-000000000000' : name === 'provinceCode' ? '14' : '03664',
      );
      const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'delete';
      const call = (client: Client) =>
        method === 'get' || method === 'delete' ? client[method](url) : client[method as 'post' | 'put'](url, {});

      const anonymous = await call(t.anonymous);
      if (route.access === 'public') expect(anonymous.statusCode, `${route.method} ${url}`).not.toBe(401);
      else expect(anonymous.statusCode, `${route.method} ${url} anonymous`).toBe(401);

      for (const [role, client] of clients) {
        const response = await call(client);
        const allowed = route.access === 'public' || route.access === 'authenticated' || route.access.includes(role);
        const refusedByAccess = response.statusCode === 403 && response.json().code === 'auth.forbidden';
        expect(refusedByAccess, `${route.method} ${url} as ${role} → ${response.statusCode}`).toBe(!allowed);
        expect(response.statusCode, `${route.method} ${url} as ${role}`).not.toBe(500);
      }
      checked.push(`${route.method} ${route.url}`);
    }
    expect(checked).toContain('POST /api/users');
  });
});
