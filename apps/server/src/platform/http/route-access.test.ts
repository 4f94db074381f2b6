import { ROLES, type Role, rolesWith } from '@ocop/domain/shared';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { givenProducer } from '../../test-support/registry-builders';
import { readSnapshot, type RouteAccessEntry } from '../../test-support/route-access-snapshot';
import { SON_LA, startTestApp, type Client, type TestApp } from '../../test-support/test-app';

/** Who the capability table lets through a route of the committed snapshot (not what the route itself says). */
function allowedRoles(entry: RouteAccessEntry): readonly Role[] {
  if ('capability' in entry) return rolesWith(entry.capability);
  return ROLES;
}

/**
 * Walks the whole route table as every role: the access hook lets through exactly the roles the
 * capability table gives the route's capability (what happens after is the route's business).
 */
describe('route table access', () => {
  let t: TestApp;
  const clients = new Map<Role, Client>();
  beforeAll(async () => {
    t = await startTestApp();
    for (const role of ROLES) {
      if (role === 'producer_member' || role === 'sales_point_operator') continue;
      clients.set(role, await t.as({ role }));
    }
    const producer = await givenProducer(clients.get('province_officer') as Client);
    clients.set('producer_member', await t.as({ role: 'producer_member', producerId: producer.id }));
    clients.set('sales_point_operator', await salesPointOperator(t));
  });
  afterAll(() => t.close());

  it('has an access rule on every route, and every route is in the committed snapshot', () => {
    expect(t.routesTable().length).toBeGreaterThan(10);
    const snapshot = new Set(readSnapshot().map((entry) => `${entry.method} ${entry.url}`));
    for (const route of t.routesTable()) {
      expect(route.access, `${route.method} ${route.url}`).toBeDefined();
      if (route.method !== 'HEAD') expect(snapshot.has(`${route.method} ${route.url}`), `${route.method} ${route.url}`).toBe(true);
    }
    expect([...clients.keys()].sort()).toEqual([...ROLES].sort());
  });

  it('lets each role through exactly the routes its capabilities open, and refuses anonymous calls to non-public routes', async () => {
    const checked: string[] = [];
    for (const entry of readSnapshot()) {
      // Logging out would end the sessions the walk relies on; logout has its own tests.
      if (entry.url.includes('*') || entry.url === '/api/auth/logout') continue;
      // Discovery answers (EPCIS `OPTIONS`) are public and carry only headers; their own tests check them.
      if (entry.method === 'OPTIONS') continue;
      const url = entry.url.replace(/:(\w+)/g, (_m, name: string) =>
        name.endsWith('Id') ? '00000000-0000-4000-8000-000000000000' : name === 'provinceCode' ? '14' : '03664',
      );
      const method = entry.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
      const call = (client: Client) => (method === 'get' || method === 'delete' ? client[method](url) : client[method](url, {}));

      const anonymous = await call(t.anonymous);
      const isPublic = 'access' in entry && entry.access === 'public';
      if (isPublic) expect(anonymous.statusCode, `${entry.method} ${url}`).not.toBe(401);
      else expect(anonymous.statusCode, `${entry.method} ${url} anonymous`).toBe(401);

      const allowed = allowedRoles(entry);
      for (const [role, client] of clients) {
        const response = await call(client);
        const refusedByAccess = response.statusCode === 403 && response.json().code === 'auth.forbidden';
        expect(refusedByAccess, `${entry.method} ${url} as ${role} → ${response.statusCode}`).toBe(!allowed.includes(role));
        expect(response.statusCode, `${entry.method} ${url} as ${role}`).not.toBe(500);
      }
      checked.push(`${entry.method} ${entry.url}`);
    }
    expect(checked).toContain('POST /api/users');
    expect(checked).toContain('PATCH /api/producers/:producerId');
  });
});

/**
 * A logged-in sales point operator. Their grant names a sales point, which no module checks yet
 * (the sales-point module comes later), so the role row is written straight to the table.
 */
async function salesPointOperator(t: TestApp): Promise<Client> {
  const { user, login } = await t.givenUser({ role: 'province_officer' });
  await t.database.db.execute(
    sql`update user_roles set role = 'sales_point_operator', province_code = ${SON_LA}, sales_point_id = ${randomUUID()} where user_id = ${user.id}`,
  );
  return t.client(await t.login(login));
}
