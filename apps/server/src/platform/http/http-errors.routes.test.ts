import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../../test-support/test-app';

describe('HTTP edge: bad requests', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('answers malformed JSON with 400 request.malformed_json in Vietnamese, no stack trace', async () => {
    const response = await t.anonymous.post('/api/auth/login', '{"login": "a",', { 'content-type': 'application/json' });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const body = response.json();
    expect(body).toMatchObject({ code: 'request.malformed_json', title: 'Nội dung gửi lên không phải JSON hợp lệ.', status: 400 });
    expect(response.body).not.toMatch(/at .*\.ts:\d+/);
    expect(body.requestId).toBe(response.headers['x-request-id']);
  });

  it('answers a 10 MB body with 413 request.body_too_large', async () => {
    const big = JSON.stringify({ login: 'a'.repeat(10 * 1024 * 1024), password: 'x' });
    const response = await t.anonymous.post('/api/auth/login', big);
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ code: 'request.body_too_large' });
    expect(response.json().title).toContain('Nội dung gửi lên quá lớn');
  });

  it('answers invalid UTF-8 with 400 request.invalid_utf8', async () => {
    const payload = Buffer.concat([Buffer.from('{"login":"'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('","password":"x"}')]);
    const response = await t.anonymous.post('/api/auth/login', payload);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'request.invalid_utf8' });
  });

  it('answers an unknown route with 404 route.not_found', async () => {
    const response = await t.anonymous.get('/api/khong-co');
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ code: 'route.not_found', title: 'Không tìm thấy địa chỉ GET /api/khong-co.' });
  });

  it('answers a body failing the schema with 400 request.invalid and the failing fields', async () => {
    const response = await t.anonymous.post('/api/auth/login', { login: 'someone@test.vn' });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.code).toBe('request.invalid');
    expect(JSON.stringify(body.details.issues)).toContain('password');
  });

  it('answers a wrong content type with 415', async () => {
    const response = await t.anonymous.post('/api/auth/login', 'login=a&password=b', { 'content-type': 'text/plain' });
    expect(response.statusCode).toBe(415);
    expect(response.json()).toMatchObject({ code: 'request.unsupported_media_type' });
  });

  it('answers an unknown query parameter on a strict route with 400', async () => {
    const officer = await t.as({ role: 'province_officer' });
    const response = await officer.get('/api/admin-units/provinces?asOf=2025-07-01&drop=table');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'request.invalid', title: 'Dữ liệu gửi lên không hợp lệ.' });
  });

  it('serves liveness, readiness with the migrations applied, and the OpenAPI document', async () => {
    expect((await t.anonymous.get('/api/health')).json()).toEqual({ status: 'ok' });
    const ready = await t.anonymous.get('/api/ready');
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({ status: 'ready', migrations: expect.any(Number) });
    const spec = (await t.anonymous.get('/api/openapi.json')).json();
    expect(spec.openapi).toMatch(/^3\./);
    expect(spec.paths['/api/auth/login'].post.requestBody).toBeDefined();
    expect(spec.paths['/api/users'].get['x-access']).toEqual(['system_admin', 'province_admin']);
    const docs = await t.anonymous.get('/api/docs');
    expect(docs.headers['content-type']).toContain('text/html');
    expect(docs.body).toContain('/api/auth/login');
  });

  it('keeps the request id a client sends and gives one to every response', async () => {
    const response = await t.anonymous.get('/api/health', { 'x-request-id': 'req-abc.123' });
    expect(response.headers['x-request-id']).toBe('req-abc.123');
    const other = await t.anonymous.get('/api/health');
    expect(other.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});
