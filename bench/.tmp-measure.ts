import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { buildApp } from '../apps/server/src/app';
import { buildProductsWorkbook, measureImportJob } from '../apps/server/src/modules/registry/import-bench';
import { insertRegistryBenchData } from '../apps/server/src/modules/registry/registry-bench-data';
import { queryRows } from '../apps/server/src/platform/database/database';
import { openPreparedDatabase } from '../apps/server/src/platform/startup';

const ROWS = Number(process.env.ROWS ?? 20000);
async function run(engine: string, databaseUrl?: string) {
  const dir = mkdtempSync(join(tmpdir(), 'ocop-m-'));
  const { database } = await openPreparedDatabase({ dataDir: join(dir, 'data'), databaseUrl });
  const { app, modules } = await buildApp({ database, settings: { publicUrl: 'http://localhost', sessionIdleMinutes: 60, sessionAbsoluteHours: 12, trustProxy: false, filesDir: join(dir, 'files') } });
  try {
    await modules.identity.users.serveProvince('14');
    await insertRegistryBenchData(database.db, { products: 0, producers: 500, seed: 7 });
    const producers = await queryRows<{ registration_number: string }>(database.db, sql`select registration_number from producers where province_code = '14' order by registration_number`);
    const bytes = await buildProductsWorkbook({ rows: ROWS, producerRegistrationNumbers: producers.map((p) => p.registration_number), pricesAsText: true, seed: 3 });
    const grants = [{ role: 'province_admin', provinceCode: '14', communeCode: null, producerId: null }] as never;
    const imports = modules.registry.imports;
    const dry = await measureImportJob(imports, { grants, kind: 'products', mode: 'dry_run', bytes, provinceCode: '14' });
    console.log(engine, 'dry', JSON.stringify(dry));
    const commit = await measureImportJob(imports, { grants, kind: 'products', mode: 'commit', bytes, provinceCode: '14' });
    console.log(engine, 'commit', JSON.stringify(commit));
    const again = await measureImportJob(imports, { grants, kind: 'products', mode: 'commit', bytes, provinceCode: '14' });
    console.log(engine, 'reimport', JSON.stringify(again));
    const [c] = await queryRows<{ n: number; a: number }>(database.db, sql`select (select count(*)::int from products) n, (select count(*)::int from audit_entries) a`);
    console.log(engine, JSON.stringify(c));
  } finally {
    await app.close();
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
const which = process.env.ENGINE ?? 'both';
if (which !== 'pg') await run('PGlite');
if (which !== 'pglite') {
  const name = `ocop_m_${Date.now()}`;
  const admin = new pg.Client({ connectionString: 'postgres://postgres@127.0.0.1:5432/postgres' });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  try { await run('PostgreSQL', `postgres://postgres@127.0.0.1:5432/${name}`); }
  finally { await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`); await admin.end(); }
}
