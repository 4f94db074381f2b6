import { migrate as migratePostgres } from 'drizzle-orm/node-postgres/migrator';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { readdirSync } from 'node:fs';
import { MIGRATIONS_FOLDER } from '../paths';
import type { DatabaseHandle } from './database';

/** Applies every pending migration with the driver's own migrator; both are idempotent. */
export async function runMigrations(handle: DatabaseHandle, migrationsFolder = MIGRATIONS_FOLDER): Promise<void> {
  // The migrators type their argument as their own driver's database; ours is the same object.
  if (handle.engine === 'pglite') await migratePglite(handle.db as never, { migrationsFolder });
  else await migratePostgres(handle.db as never, { migrationsFolder });
}

/** How many migrations the code ships, to tell whether the database is up to date. */
export function countShippedMigrations(migrationsFolder = MIGRATIONS_FOLDER): number {
  return readdirSync(migrationsFolder).filter((name) => name.endsWith('.sql')).length;
}
