import Fastify, { type FastifyBaseLogger, type FastifyPluginAsync } from 'fastify';
import pino from 'pino';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp } from '../../test-support/test-app';
import { SESSION_COOKIE } from './access';
import { registerErrorHandling } from './error-handler';
import { edgeAwareLogController, lazyChildLogger, publicEdge } from './public-edge';

const REQUEST_ID = 'scan-7f3a.1';

function expectHelmetEquivalent(headers: Record<string, unknown>) {
  const csp = String(headers['content-security-policy']);
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("frame-ancestors 'self'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("object-src 'none'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['x-frame-options']).toBe('SAMEORIGIN');
  expect(headers['referrer-policy']).toBe('no-referrer');
}

describe('public edge in the app', () => {
  let t: Awaited<ReturnType<typeof startTestApp>>;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  it('serves the about page as cacheable HTML, Vietnamese first, with the fixed security headers and the request id', async () => {
    const response = await t.anonymous.get('/about', { 'x-request-id': REQUEST_ID });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.headers['cache-control']).toBe('public, max-age=300');
    expect(response.headers['x-request-id']).toBe(REQUEST_ID);
    expect(response.headers['strict-transport-security']).toBeUndefined(); // http: no HSTS
    expectHelmetEquivalent(response.headers);
    expect(response.body).toMatch(/^<!doctype html><html lang="vi">/);
    expect(response.body.indexOf('Mỗi xã một sản phẩm')).toBeLessThan(response.body.indexOf('One Commune One Product'));
    expect(response.body).not.toContain('<script');
  });

  it('keeps /api/health as before, not cached, and still in the OpenAPI document', async () => {
    const response = await t.anonymous.get('/api/health');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
    expect(response.headers['cache-control']).toBe('no-store');
    expectHelmetEquivalent(response.headers);
    const spec = (await t.anonymous.get('/api/openapi.json')).json() as { paths: Record<string, { get?: Record<string, unknown> }> };
    expect(spec.paths['/api/health']?.get).toMatchObject({ summary: 'Liveness', 'x-access': 'public' });
    expect(spec.paths['/api/ready']?.get).toMatchObject({ 'x-access': 'public' });
    expect(spec.paths['/about']).toBeUndefined();
  });

  it('never looks a session up: a dead session cookie is ignored on the edge and cleared by the back office', async () => {
    const cookie = `${SESSION_COOKIE}=no-such-session`;
    const edge = await t.anonymous.get('/about', { cookie });
    expect(edge.statusCode).toBe(200);
    expect(edge.headers['set-cookie']).toBeUndefined();
    const backOffice = await t.anonymous.get('/api/openapi.json', { cookie });
    expect(backOffice.statusCode).toBe(200);
    expect(String(backOffice.headers['set-cookie'])).toContain(`${SESSION_COOKIE}=;`);
  });

  it('lists the edge routes as public in the route table, and the back office keeps its session check', async () => {
    const table = t.routesTable().map((r) => `${r.method} ${r.url} ${String(r.access)}`);
    expect(table).toContain('GET /about public');
    expect(table).toContain('GET /api/health public');
    expect((await t.anonymous.get('/api/users')).statusCode).toBe(401);
  });

  it('answers an unknown address with a problem document, the fixed headers and the request id', async () => {
    const response = await t.anonymous.get('/x/no-such-page?x=1', { 'x-request-id': REQUEST_ID, 'accept-language': 'en' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(response.headers['x-request-id']).toBe(REQUEST_ID);
    expectHelmetEquivalent(response.headers);
    expect(response.json()).toMatchObject({
      code: 'route.not_found',
      title: 'No such address: GET /x/no-such-page.',
      requestId: REQUEST_ID,
    });
  });
});

describe('public edge behind https', () => {
  it('adds HSTS to the edge and to unknown addresses', async () => {
    const t = await startTestApp({ settings: { publicUrl: 'https://ocop.sonla.gov.vn' } });
    try {
      for (const url of ['/about', '/api/health', '/no-such-page']) {
        const response = await t.anonymous.get(url);
        expect(response.headers['strict-transport-security'], url).toBe('max-age=31536000; includeSubDomains');
      }
    } finally {
      await t.close();
    }
  });
});

describe('public edge plugin', () => {
  function captured() {
    const lines: { msg: string; reqId?: string; sampleRate?: number; res?: { statusCode: number } }[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    });
    const logger: FastifyBaseLogger = pino({ level: 'info' }, sink);
    return { lines, logger };
  }

  async function appWith(routes: FastifyPluginAsync[], logger = captured().logger) {
    const app = Fastify({ loggerInstance: logger, logController: edgeAwareLogController() });
    registerErrorHandling(app, 1024);
    await app.register(publicEdge({ publicUrl: 'http://localhost', sampling: { sampleEvery: 10, slowMs: 10_000 }, routes }));
    app.get('/back-office', { config: { access: 'public' } }, async () => 'full log');
    return app;
  }

  const pages: FastifyPluginAsync = async (app) => {
    app.get('/p/ok', { config: { access: 'public' } }, async () => ({ ok: true }));
    app.get('/p/broken', { config: { access: 'public' } }, async () => {
      throw new Error('database on fire');
    });
  };

  it('refuses at start-up a route on the edge that is not public', async () => {
    const guarded: FastifyPluginAsync = async (app) => {
      app.get('/p/secret', { config: { access: 'authenticated' } }, async () => 'no');
    };
    await expect(appWith([guarded]).then((app) => app.ready())).rejects.toThrow(/public edge but its access is not 'public'/);
  });

  it('answers a failing public route with a problem document, never the error text', async () => {
    const { logger } = captured();
    const app = await appWith([pages], logger);
    const response = await app.inject({ method: 'GET', url: '/p/broken' });
    expect(response.statusCode).toBe(500);
    expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.json()).toMatchObject({ code: 'internal', requestId: response.headers['x-request-id'] });
    expect(response.body).not.toContain('database on fire');
    await app.close();
  });

  it('logs one in N successful requests, every failure, and every back-office request', async () => {
    const { lines, logger } = captured();
    const app = await appWith([pages], logger);
    for (let i = 0; i < 25; i++) await app.inject({ method: 'GET', url: '/p/ok' });
    await app.inject({ method: 'GET', url: '/p/broken' });
    await app.inject({ method: 'GET', url: '/back-office' });
    const completed = lines.filter((line) => line.msg.startsWith('request completed'));
    // 26 edge requests: the 10th and 20th are sampled, the failure (the 26th) is always logged; the back office logs its own.
    expect(completed.map((line) => [line.res?.statusCode, line.sampleRate ?? 'full'])).toEqual([
      [200, 10],
      [200, 10],
      [500, 1],
      [200, 'full'],
    ]);
    expect(lines.filter((line) => line.msg === 'incoming request')).toHaveLength(1); // the back-office request only
    // The edge's request loggers are made only when they log, and still carry the request id.
    const failure = lines.find((line) => line.res?.statusCode === 500);
    expect(failure?.reqId).toMatch(/.+/);
    await app.close();
  });

  it('makes a request logger a pino child only when something logs through it, with its bindings', () => {
    const { lines, logger } = captured();
    let children = 0;
    const counting = Object.assign(Object.create(logger) as FastifyBaseLogger, {
      child: (bindings: Record<string, unknown>, options?: object) => {
        children += 1;
        return logger.child(bindings, options);
      },
    });
    const quiet = lazyChildLogger(counting, { reqId: 'quiet-1' }, {});
    expect(quiet.level).toBe('info');
    expect(children).toBe(0);
    const loud = lazyChildLogger(counting, { reqId: 'loud-1' }, {});
    loud.warn({ detail: 1 }, 'first');
    loud.error('second');
    expect(children).toBe(1);
    expect(lines.map((line) => [line.msg, line.reqId])).toEqual([
      ['first', 'loud-1'],
      ['second', 'loud-1'],
    ]);
  });
});
