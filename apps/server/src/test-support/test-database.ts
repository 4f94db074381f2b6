import { PGlite } from '@electric-sql/pglite';
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { openPostgres, PGLITE_EXTENSIONS, wrapPglite, type DatabaseHandle } from '../platform/database/database';

/** A private, migrated database with reference data for one test file: PGlite, or PostgreSQL when TEST_DATABASE_URL is set. */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  return serverUrl ? copyPostgresTemplate(serverUrl) : copyPgliteImage();
}

async function copyPgliteImage(): Promise<DatabaseHandle> {
  const image = new Blob([readFileSync(inject('pgliteImagePath'))]);
  const client = await PGlite.create({ loadDataDir: image, extensions: PGLITE_EXTENSIONS });
  return wrapPglite(client);
}

async function copyPostgresTemplate(serverUrl: string): Promise<DatabaseHandle> {
  const name = `${inject('postgresRunPrefix')}${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('postgresTemplate')}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = openPostgres(url.toString(), 4);
  return {
    ...handle,
    close: async () => {
      await handle.close();
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
