import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type AppDeps, buildApp } from '../apps/server/src/app';
import { SYSTEM_CONTEXT } from '../apps/server/src/modules/identity';
import { openPreparedDatabase } from '../apps/server/src/prepare-database';

/** Runs `work` on a fresh, empty PostgreSQL database of the server at `serverUrl`, dropped afterwards. */
export async function withScratchPostgres<T>(serverUrl: string, prefix: string, work: (databaseUrl: string) => Promise<T>): Promise<T> {
  const name = `${prefix}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  try {
    return await work(url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

/** The lines of `benchEngine` on PGlite, then on a scratch PostgreSQL database when a server is given. */
export async function onBothEngines(
  postgresUrl: string | undefined,
  prefix: string,
  benchEngine: (engine: 'PGlite' | 'PostgreSQL', databaseUrl: string | undefined) => Promise<string[]>,
): Promise<string[]> {
  const lines = await benchEngine('PGlite', undefined);
  if (postgresUrl) lines.push(...(await withScratchPostgres(postgresUrl, prefix, (url) => benchEngine('PostgreSQL', url))));
  return lines;
}

export const BENCH_OFFICER = { login: 'bench@ocop.vn', password: 'bench-password' } as const;

/**
 * The whole app in this process on a fresh database (embedded in a temporary folder, or the given
 * PostgreSQL one), with Sơn La served and one province officer (`BENCH_OFFICER`). `close` removes it all.
 */
export async function startBenchApp(databaseUrl: string | undefined, prefix: string, extra: Pick<AppDeps, 'clock' | 'shortMessages'> = {}) {
  const dir = mkdtempSync(join(tmpdir(), `${prefix}-`));
  const { database } = await openPreparedDatabase({ dataDir: join(dir, 'data'), databaseUrl });
  const built = await buildApp({
    database,
    ...extra,
    settings: {
      publicUrl: 'http://localhost',
      sessionIdleMinutes: 60,
      sessionAbsoluteHours: 12,
      trustProxy: false,
      filesDir: join(dir, 'files'),
    },
  });
  await built.modules.identity.users.serveProvince('14');
  await built.modules.identity.users.createUser(
    'system',
    {
      fullName: 'Bench officer',
      email: BENCH_OFFICER.login,
      password: BENCH_OFFICER.password,
      provinceCode: '14',
      roles: [{ role: 'province_officer' }],
    },
    SYSTEM_CONTEXT,
  );
  return {
    ...built,
    database,
    close: async () => {
      await built.app.close();
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
