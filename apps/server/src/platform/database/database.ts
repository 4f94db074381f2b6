import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { type ExtractTablesWithRelations, type SQL, sql } from 'drizzle-orm';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import { type PgDatabase, PgDialect, type PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock';

/**
 * The common face of the PGlite and node-postgres Drizzle instances; a transaction is one too.
 * No schema is attached: queries name their tables (the platform knows no module's tables), and
 * no code uses Drizzle's relational query API.
 */
export type Database = PgDatabase<PgQueryResultHKT, Record<string, never>, ExtractTablesWithRelations<Record<string, never>>>;

export type DatabaseEngine = 'pglite' | 'postgres';

export type DatabaseHandle = {
  db: Database;
  engine: DatabaseEngine;
  /** The raw driver, for the migrator, backups and health checks. */
  driver: { kind: 'pglite'; client: PGlite } | { kind: 'postgres'; pool: pg.Pool };
  close: () => Promise<void>;
};

export const PGLITE_EXTENSIONS = { pg_trgm };

/** Opens PostgreSQL when a URL is given, else the embedded PGlite in `<dataDir>/pgdata` under a lock. */
export async function openDatabase(options: { databaseUrl?: string; dataDir: string }): Promise<DatabaseHandle> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl);
  mkdirSync(options.dataDir, { recursive: true });
  const lock = acquireDataDirLock(options.dataDir);
  try {
    const client = await PGlite.create({ dataDir: join(options.dataDir, 'pgdata'), extensions: PGLITE_EXTENSIONS });
    return wrapPglite(client, lock);
  } catch (error) {
    lock.release();
    throw error;
  }
}

export function wrapPglite(client: PGlite, lock?: DataDirLock): DatabaseHandle {
  const db = drizzlePglite({ client, casing: 'snake_case' }) as unknown as Database;
  return {
    db,
    engine: 'pglite',
    driver: { kind: 'pglite', client },
    close: async () => {
      await client.close();
      lock?.release();
    },
  };
}

export function openPostgres(url: string, poolSize = 10): DatabaseHandle {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  const db = drizzlePostgres({ client: pool, casing: 'snake_case' }) as unknown as Database;
  return { db, engine: 'postgres', driver: { kind: 'postgres', pool }, close: () => pool.end() };
}

/** Renders a prepared statement's SQL: the same placeholders ($1, …) as the database's own. */
const dialect = new PgDialect({ casing: 'snake_case' });

/** Timestamps come back as their text, as through Drizzle (callers parse them). */
const RAW_TIMESTAMPS = {
  getTypeParser: (typeId: number, format?: 'text' | 'binary') =>
    typeId === pg.types.builtins.TIMESTAMPTZ || typeId === pg.types.builtins.TIMESTAMP
      ? (value: string) => value
      : pg.types.getTypeParser(typeId, format),
} as pg.CustomTypesConfig;

/**
 * Runs a hot statement and returns its rows. On a PostgreSQL pool it is a NAMED prepared statement:
 * each connection parses and plans it once, and later runs only bind and execute it (Drizzle sends
 * every statement unnamed, parsed again each time). PGlite and a transaction's handle run it as an
 * ordinary query. `name` must be unique to this statement's text.
 */
export async function queryRowsPrepared<T>(db: Database, name: string, query: SQL): Promise<T[]> {
  const client = (db as unknown as { $client?: unknown }).$client;
  if (!(client instanceof pg.Pool)) return queryRows<T>(db, query);
  const { sql: text, params } = dialect.sqlToQuery(query);
  const result = await client.query({ name, text, values: params, types: RAW_TIMESTAMPS });
  return result.rows as T[];
}

/**
 * Takes a lock named by `key` until the ambient transaction ends (PostgreSQL's transaction-level advisory
 * lock, over a 64-bit hash of the name): the way to serialise one producer's or one address's writes
 * across every process, where no row exists yet to lock.
 */
export async function lockUntilCommit(db: Database, key: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
}

/** Runs raw SQL and returns its rows; both drivers answer with `{ rows }`. */
export async function queryRows<T>(db: Database, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
