import { ROLES, type Role, rolesWith } from '@ocop/domain/shared';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aPdf } from '../../test-support/file-fixtures';
import { givenProducer, givenProduct, producerBody } from '../../test-support/registry-builders';
import type { Access } from './access';
import { SON_LA, startTestApp, type Client, type TestApp } from '../../test-support/test-app';

type OpenApi = { paths: Record<string, Record<string, { parameters?: { in: string; name: string }[] }>> };

const NUL = '\u0000';
const LONE_SURROGATE = '\ud83d';
const SOME_ID = '00000000-0000-4000-8000-000000000000';

/** Text PostgreSQL cannot store is refused at the edge with a 400 naming the field, on every route. */
describe('text guard', () => {
  let t: TestApp;
  const clients = new Map<Role, Client>();
  let officer: Client;
  beforeAll(async () => {
    t = await startTestApp();
    for (const role of ROLES) {
      if (role === 'producer_member' || role === 'sales_point_operator') continue;
      clients.set(role, await t.as({ role }));
    }
    officer = clients.get('province_officer') as Client;
  });
  afterAll(() => t.close());

  /** A client the route lets through, so the request reaches the guard rather than the access check. */
  function clientFor(access: Access): Client | undefined {
    if (access === 'public') return t.anonymous;
    if (access === 'authenticated') return officer;
    const allowed = rolesWith(access.capability).find((role) => clients.has(role));
    return allowed ? clients.get(allowed) : undefined;
  }

  it('refuses NUL and lone surrogates in the query, params or body of every route with 400 and the field path', async () => {
    const doc = (await t.anonymous.get('/api/openapi.json')).json() as OpenApi;
    const checked: string[] = [];
    for (const route of t.routesTable()) {
      if (route.method === 'HEAD' || route.method === 'OPTIONS' || route.url.includes('*') || route.url === '/api/auth/logout') continue;
      const client = clientFor(route.access);
      if (!client) continue;
      const openApiPath = route.url.replace(/:(\w+)/g, '{$1}');
      const operation = doc.paths[openApiPath]?.[route.method.toLowerCase()];
      const queryNames = (operation?.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
      const paramNames = (operation?.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name);
      const url = route.url.replace(/:(\w+)/g, (_m, name: string) => (name.endsWith('Id') ? SOME_ID : '14'));
      for (const bad of [NUL, LONE_SURROGATE]) {
        let response: Awaited<ReturnType<Client['get']>>;
        let field: string;
        if (route.method === 'GET' || route.method === 'DELETE') {
          const name = queryNames.find((n) => n !== 'page' && n !== 'pageSize') ?? paramNames[0];
          if (!name) continue; // nothing the caller can type
          const inQuery = queryNames.includes(name);
          field = inQuery ? `query.${name}` : `params.${name}`;
          const target = inQuery
            ? `${url}?${name}=${encodeURIComponent(bad === NUL ? NUL : 'x').replace('x', '%ED%A0%BD')}`
            : route.url.replace(`:${name}`, encodeURIComponent(NUL)).replace(/:(\w+)/g, SOME_ID);
          if (!inQuery && bad !== NUL) continue; // a path cannot carry a lone surrogate (its bytes decode to U+FFFD)
          response = await (route.method === 'GET' ? client.get(target) : client.delete(target));
          if (bad !== NUL && inQuery) {
            // %ED%A0%BD is a surrogate encoded as UTF-8: not valid UTF-8, so it is no text at all.
            expect(response.statusCode, `${route.method} ${target}`).toBeLessThan(500);
            continue;
          }
        } else {
          field = 'note';
          const method = route.method.toLowerCase() as 'post' | 'put' | 'patch';
          response = await client[method](url, { note: `a${bad}b`, nested: [{ ok: 'fine' }] });
        }
        expect(response.statusCode, `${route.method} ${route.url} ${JSON.stringify(bad)}`).toBe(400);
        expect(response.json(), `${route.method} ${route.url}`).toMatchObject({
          code: 'request.invalid_character',
          details: { field, character: bad === NUL ? 'U+0000' : 'U+D83D' },
        });
      }
      checked.push(`${route.method} ${route.url}`);
    }
    expect(checked).toEqual(expect.arrayContaining(['POST /api/producers', 'PATCH /api/products/:productId', 'GET /api/products/export']));
    expect(checked.length).toBeGreaterThan(30);
  });

  it('answers the product export with a NUL group code with 400 (it used to drop the connection after a 200)', async () => {
    const response = await officer.get('/api/products/export?groupCode=%00');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'request.invalid_character', details: { field: 'query.groupCode' } });
    expect(response.json().title).toContain('query.groupCode');
  });

  it('stores nothing when a create or an edit carries NUL or a lone surrogate, and names the field in both languages', async () => {
    const before = (await officer.get('/api/producers?pageSize=100')).json().total as number;
    for (const name of [`HTX ${NUL}`, `HTX ${LONE_SURROGATE} Tà Xùa`]) {
      const created = await officer.post('/api/producers', producerBody({ name }));
      expect(created.statusCode).toBe(400);
      expect(created.json()).toMatchObject({ code: 'request.invalid_character', details: { field: 'name' } });
    }
    const english = await officer.post('/api/producers', producerBody({ address: NUL }), { 'accept-language': 'en' });
    expect(english.json().title).toBe('The field "address" holds a character that cannot be stored (U+0000); remove it and send again.');
    expect((await officer.get('/api/producers?pageSize=100')).json().total).toBe(before);

    const producer = await givenProducer(officer);
    const edited = await officer.patch(`/api/producers/${producer.id}`, { version: producer.version, name: `Tên ${LONE_SURROGATE}` });
    expect(edited.statusCode).toBe(400);
    expect((await officer.get(`/api/producers/${producer.id}`)).json().name).toBe(producer.name);

    const product = await givenProduct(t, officer, producer.id);
    const productEdit = await officer.patch(`/api/products/${product.id}`, { version: product.version, nameVi: `Chè${NUL}` });
    expect(productEdit.statusCode).toBe(400);
    expect(productEdit.json().details.field).toBe('nameVi');

    const admin = clients.get('province_admin') as Client;
    const user = await admin.post('/api/users', {
      fullName: 'Lò Văn Tâm',
      email: `tam.${randomBytes(3).toString('hex')}@test.vn`,
      password: 'mat-khau-dai-12',
      provinceCode: SON_LA,
      roles: [{ role: 'commune_officer', communeCode: `036${NUL}4` }],
    });
    expect(user.statusCode).toBe(400);
    expect(user.json().details.field).toBe('roles.0.communeCode');
  });

  it('refuses a multipart field with NUL or invalid UTF-8 and keeps valid Vietnamese text', async () => {
    const producer = await givenProducer(officer);
    const send = (fieldBytes: Buffer) => {
      const boundary = `----ocop-${randomBytes(6).toString('hex')}`;
      const body = Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nother\r\n`),
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="note"\r\n\r\n`),
        fieldBytes,
        Buffer.from(
          `\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="giay.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
        ),
        aPdf(),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return officer.post(`/api/producers/${producer.id}/documents`, body, { 'content-type': `multipart/form-data; boundary=${boundary}` });
    };
    const invalid = await send(Buffer.from([0x47, 0x69, 0xe1, 0xba, 0xff, 0x20, 0xc3]));
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json()).toMatchObject({ code: 'request.invalid_utf8_field', details: { field: 'note' } });
    const nul = await send(Buffer.from('Ghi\u0000chú'));
    expect(nul.statusCode).toBe(400);
    expect(nul.json()).toMatchObject({ code: 'request.invalid_character', details: { field: 'note', character: 'U+0000' } });
    expect((await officer.get(`/api/producers/${producer.id}/documents`)).json()).toHaveLength(0);

    const valid = await send(Buffer.from('Giấy chứng nhận đăng ký hợp tác xã'));
    expect(valid.statusCode, valid.body).toBe(201);
    expect(valid.json().note).toBe('Giấy chứng nhận đăng ký hợp tác xã');
  });
});
