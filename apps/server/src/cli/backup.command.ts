import { PGlite } from '@electric-sql/pglite';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config';
import { acquireDataDirLock } from '../platform/database/data-dir-lock';
import { PGLITE_EXTENSIONS } from '../platform/database/database';

/**
 * Embedded mode: a gzipped image of the PGlite data directory (the server must be stopped; the
 * lock makes sure). PostgreSQL: pg_dump's custom format, restored with pg_restore in one transaction.
 */
export async function backup(config: Config, file: string): Promise<string> {
  if (config.databaseUrl) {
    run('pg_dump', ['--format=custom', '--no-owner', `--file=${file}`, config.databaseUrl]);
    return `PostgreSQL → ${file}`;
  }
  const lock = acquireDataDirLock(config.dataDir);
  try {
    const client = await PGlite.create({ dataDir: join(config.dataDir, 'pgdata'), extensions: PGLITE_EXTENSIONS });
    const image = await client.dumpDataDir('gzip');
    await client.close();
    writeFileSync(file, Buffer.from(await image.arrayBuffer()));
    return `PGlite ${config.dataDir} → ${file}`;
  } finally {
    lock.release();
  }
}

export async function restore(config: Config, file: string): Promise<string> {
  if (!existsSync(file)) throw new Error(`Không tìm thấy tệp sao lưu / backup file not found: ${file}`);
  if (config.databaseUrl) {
    run('pg_restore', ['--clean', '--if-exists', '--no-owner', '--single-transaction', `--dbname=${config.databaseUrl}`, file]);
    return `${file} → PostgreSQL`;
  }
  const lock = acquireDataDirLock(config.dataDir);
  const target = join(config.dataDir, 'pgdata');
  const aside = `${target}.before-restore-${Date.now()}`;
  try {
    // Restore beside the live directory first, so a bad file leaves the current data untouched.
    const staging = `${target}.restoring`;
    rmSync(staging, { recursive: true, force: true });
    const client = await PGlite.create({ dataDir: staging, loadDataDir: new Blob([readFileSync(file)]), extensions: PGLITE_EXTENSIONS });
    await client.query('select 1');
    await client.close();
    if (existsSync(target)) renameSync(target, aside);
    renameSync(staging, target);
    return `${file} → PGlite ${config.dataDir} (previous data kept in ${aside})`;
  } finally {
    lock.release();
  }
}

function run(command: string, args: string[]) {
  const result = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.error) throw new Error(`${command} is not available: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`${command} exited with ${result.status}`);
}
