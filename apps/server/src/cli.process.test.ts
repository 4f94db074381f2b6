import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledEntry } from './test-support/bundled-entry';

// The CLI is started a dozen times: bundled once, as `npm run build` does, rather than transpiled each time.
let cli: { file: string; dir: string };
beforeAll(async () => {
  cli = await bundledEntry('cli');
});
afterAll(() => rmSync(cli.dir, { recursive: true, force: true }));

function admin(env: Record<string, string>, ...args: string[]) {
  const result = spawnSync(process.execPath, [cli.file, ...args], {
    env: { ...process.env, LOG_LEVEL: 'warn', DATABASE_URL: '', ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, out: `${result.stdout}${result.stderr}` };
}

async function withPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> } | undefined> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) return undefined;
  const name = `ocop_test_cli_${randomBytes(4).toString('hex')}`;
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

describe('ocop-admin', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ocop-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('migrates, creates users, seeds the demo, and backs up and restores', async () => {
    const postgres = await withPostgresDatabase();
    const env: Record<string, string> = postgres ? { DATABASE_URL: postgres.url } : { DATA_DIR: join(dir, 'data') };
    try {
      expect(admin(env, 'migrate')).toMatchObject({ status: 0 });
      const created = admin(
        env,
        'create-user',
        '--login',
        'canbo@sonla.vn',
        '--password',
        'mat-khau-123',
        '--role',
        'province_officer',
        '--province',
        '14',
        '--name',
        'Cán bộ tỉnh',
      );
      expect(created.status, created.out).toBe(0);
      expect(created.out).toContain('Đã tạo người dùng');

      const badCommune = admin(
        env,
        'create-user',
        '--login',
        'xa@sonla.vn',
        '--password',
        'mat-khau-123',
        '--role',
        'commune_officer',
        '--province',
        '14',
        '--commune',
        '99999',
      );
      expect(badCommune.status).toBe(1);
      expect(badCommune.out).toContain('Không có xã/phường mã 99999 thuộc tỉnh 14.');

      expect(admin(env, 'seed-demo').out).toContain('quantri.sonla@ocop.demo');
      expect(admin(env, 'seed-demo').out).toContain('already present');

      const file = join(dir, 'backup.bin');
      const backup = admin(env, 'backup', file);
      expect(backup.status, backup.out).toBe(0);
      expect(
        admin(
          env,
          'create-user',
          '--login',
          'sau-sao-luu@sonla.vn',
          '--password',
          'mat-khau-123',
          '--role',
          'province_officer',
          '--province',
          '14',
        ).status,
      ).toBe(0);
      const restore = admin(env, 'restore', file);
      expect(restore.status, restore.out).toBe(0);
      // The user made after the backup is gone, so the same login can be created again.
      expect(
        admin(
          env,
          'create-user',
          '--login',
          'sau-sao-luu@sonla.vn',
          '--password',
          'mat-khau-123',
          '--role',
          'province_officer',
          '--province',
          '14',
        ).status,
      ).toBe(0);
      expect(
        admin(
          env,
          'create-user',
          '--login',
          'canbo@sonla.vn',
          '--password',
          'mat-khau-123',
          '--role',
          'province_officer',
          '--province',
          '14',
        ).out,
      ).toContain('user.login_taken');
    } finally {
      await postgres?.drop();
    }
  }, 480_000);
});
