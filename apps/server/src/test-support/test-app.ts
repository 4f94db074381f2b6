import type { Role } from '@ocop/domain/shared';
import type { FastifyBaseLogger, InjectOptions, LightMyRequestResponse } from 'fastify';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp, type AppSettings, type OcopApp } from '../app';
import { SYSTEM_CONTEXT } from '../modules/identity';
import { createManualClock } from '../platform/clock';
import type { DatabaseHandle } from '../platform/database/database';
import type { FileStore } from '../platform/files/file-store';
import { SESSION_COOKIE } from '../platform/http/access';
import type { ShortMessageChannel } from '../platform/messaging/short-message-channel';
import { createTestDatabase } from './test-database';
import { guardRootHandle } from './transaction-guard';

export const TEST_PASSWORD = 'test-password-123';
export const SON_LA = '14';
export const CHIENG_AN = '03664'; // Phường Chiềng An, 2025-07-01 map
export const HANOI = '01';

export type Session = { cookie: string; csrfToken: string; userId: string; login: string };

type Body = Record<string, unknown> | unknown[] | string | Buffer;

export type Client = {
  get: (url: string, headers?: Record<string, string>) => Promise<LightMyRequestResponse>;
  post: (url: string, body?: Body, headers?: Record<string, string>) => Promise<LightMyRequestResponse>;
  put: (url: string, body?: Body, headers?: Record<string, string>) => Promise<LightMyRequestResponse>;
  patch: (url: string, body?: Body, headers?: Record<string, string>) => Promise<LightMyRequestResponse>;
  delete: (url: string, headers?: Record<string, string>) => Promise<LightMyRequestResponse>;
};

export type GivenUser = {
  role: Role;
  provinceCode?: string;
  communeCode?: string;
  producerId?: string;
  salesPointId?: string;
  mustChangePassword?: boolean;
};

type TestAppOptions = {
  settings?: Partial<AppSettings>;
  logger?: FastifyBaseLogger;
  store?: FileStore;
  shortMessages?: ShortMessageChannel[];
};

/** What a restarted app takes over from the one before it: the same database, clock and files. */
type Carried = { database: DatabaseHandle; clock: ReturnType<typeof createManualClock>; filesDir: string };

/** buildApp() on a private database with a hand-moved clock, plus helpers to act as users. */
export async function startTestApp(options: TestAppOptions = {}, carried?: Carried) {
  const database: DatabaseHandle = carried?.database ?? guardRootHandle(await createTestDatabase());
  const clock = carried?.clock ?? createManualClock(new Date('2026-03-02T02:00:00Z'));
  const filesDir = carried?.filesDir ?? mkdtempSync(join(tmpdir(), 'ocop-files-'));
  const built: OcopApp = await buildApp({
    database,
    clock,
    ...(options.shortMessages ? { shortMessages: options.shortMessages } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
    settings: {
      publicUrl: 'http://localhost',
      sessionIdleMinutes: 30,
      sessionAbsoluteHours: 12,
      trustProxy: false,
      filesDir,
      ...options.settings,
    },
    ...(options.store ? { store: options.store } : {}),
  });
  const { app, modules, routes, transactions, jobs, events } = built;
  await modules.identity.users.serveProvince(SON_LA);
  await modules.identity.users.serveProvince(HANOI);

  function client(session?: Session): Client {
    const send = (method: InjectOptions['method'], url: string, body?: Body, headers: Record<string, string> = {}) => {
      const all: Record<string, string> = { ...headers };
      if (session) {
        all.cookie = `${SESSION_COOKIE}=${session.cookie}`;
        if (method !== 'GET' && !('x-csrf-token' in all)) all['x-csrf-token'] = session.csrfToken;
      }
      const payload = body === undefined ? undefined : typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
      if (payload !== undefined && !all['content-type']) all['content-type'] = 'application/json';
      return app.inject({ method, url, headers: all, ...(payload !== undefined ? { payload } : {}) });
    };
    return {
      get: (url, headers) => send('GET', url, undefined, headers),
      post: (url, body, headers) => send('POST', url, body, headers),
      put: (url, body, headers) => send('PUT', url, body, headers),
      patch: (url, body, headers) => send('PATCH', url, body, headers),
      delete: (url, headers) => send('DELETE', url, undefined, headers),
    };
  }

  async function login(loginName: string, password = TEST_PASSWORD, headers: Record<string, string> = {}): Promise<Session> {
    const response = await client().post('/api/auth/login', { login: loginName, password }, headers);
    if (response.statusCode !== 200) throw new Error(`login failed: ${response.statusCode} ${response.body}`);
    const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE);
    if (!cookie) throw new Error('no session cookie');
    const me = response.json() as { csrfToken: string; user: { id: string } };
    return { cookie: cookie.value, csrfToken: me.csrfToken, userId: me.user.id, login: loginName };
  }

  /** Creates a user with one role (Sơn La by default) straight through the service. */
  async function givenUser(given: GivenUser) {
    const login = `${given.role}.${randomBytes(4).toString('hex')}@test.vn`;
    const provinceCode = given.role === 'system_admin' ? null : (given.provinceCode ?? SON_LA);
    const user = await modules.identity.users.createUser(
      'system',
      {
        fullName: `Người dùng ${given.role}`,
        email: login,
        password: TEST_PASSWORD,
        provinceCode,
        mustChangePassword: given.mustChangePassword ?? false,
        roles: [
          {
            role: given.role,
            provinceCode,
            communeCode: given.communeCode ?? (given.role === 'commune_officer' ? CHIENG_AN : null),
            producerId: given.producerId ?? null,
            salesPointId: given.salesPointId ?? null,
          },
        ],
      },
      SYSTEM_CONTEXT,
    );
    return { user, login };
  }

  async function as(given: GivenUser): Promise<Client & { session: Session }> {
    const { login: loginName } = await givenUser(given);
    const session = await login(loginName);
    return Object.assign(client(session), { session });
  }

  return {
    app,
    modules,
    transactions,
    jobs,
    events,
    /** Runs the after-commit work queued so far (outbox deliveries, jobs) to its end. */
    settleJobs: () => jobs.settle(),
    clock,
    database,
    anonymous: client(),
    client,
    login,
    givenUser,
    as,
    routesTable: () => routes,
    filesDir,
    /**
     * Stops this app as a process would stop (its job worker gives back what it holds) and starts a
     * new one on the same database, clock and files: what survives is what the database kept. The
     * new app owns the database from then on; close it, not this one.
     */
    restart: async (next: TestAppOptions = options) => {
      await app.close();
      return startTestApp(next, { database, clock, filesDir });
    },
    close: async () => {
      await app.close();
      await database.close();
      rmSync(filesDir, { recursive: true, force: true });
    },
  };
}

export type TestApp = Awaited<ReturnType<typeof startTestApp>>;
