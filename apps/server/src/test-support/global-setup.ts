import { PGlite } from '@electric-sql/pglite';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { loadAdminUnits } from '../modules/geography';
import { loadEvaluationReference } from '../modules/evaluation';
import { loadClassifications } from '../modules/registry';
import { openPostgres, PGLITE_EXTENSIONS, wrapPglite } from '../platform/database/database';
import { runMigrations } from '../platform/database/migrate';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteImagePath: string;
    postgresTemplate: string;
    postgresRunPrefix: string;
  }
}

/**
 * Migrates once per run and loads the reference data; every test file then starts from a copy:
 * a PGlite image on disk, or a PostgreSQL template database when TEST_DATABASE_URL is set.
 */
export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    // Each run names its databases with its own prefix, so runs sharing a server never drop each other's.
    const prefix = `ocop_test_${randomBytes(3).toString('hex')}_`;
    const templateName = `${prefix}template`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${templateName}`);
    const url = new URL(serverUrl);
    url.pathname = `/${templateName}`;
    const template = openPostgres(url.toString(), 2);
    await runMigrations(template);
    await loadAdminUnits(template.db);
    await loadClassifications(template.db);
    await loadEvaluationReference(template.db);
    await template.close();
    project.provide('postgresTemplate', templateName);
    project.provide('postgresRunPrefix', prefix);
    project.provide('pgliteImagePath', '');
    return async () => {
      await dropTestDatabases(admin, prefix);
      await admin.end();
    };
  }

  const dir = mkdtempSync(join(tmpdir(), 'ocop-test-'));
  const template = wrapPglite(await PGlite.create({ extensions: PGLITE_EXTENSIONS }));
  await runMigrations(template);
  await loadAdminUnits(template.db);
  await loadClassifications(template.db);
  await loadEvaluationReference(template.db);
  const image = await (template.driver as { client: PGlite }).client.dumpDataDir('none');
  await template.close();
  const imagePath = join(dir, 'migrated.tar');
  writeFileSync(imagePath, Buffer.from(await image.arrayBuffer()));
  project.provide('pgliteImagePath', imagePath);
  project.provide('postgresTemplate', '');
  project.provide('postgresRunPrefix', '');
  return () => rmSync(dir, { recursive: true, force: true });
}

async function dropTestDatabases(admin: pg.Client, prefix: string) {
  const { rows } = await admin.query<{ datname: string }>('select datname from pg_database where starts_with(datname, $1)', [prefix]);
  for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
}
