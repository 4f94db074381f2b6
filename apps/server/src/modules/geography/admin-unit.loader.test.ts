import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { type DatabaseHandle, queryRows } from '../../platform/database/database';
import { createTestDatabase } from '../../test-support/test-database';
import { loadAdminUnits } from './admin-unit.loader';

describe('administrative map loader', () => {
  let database: DatabaseHandle;
  let folder: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    folder = mkdtempSync(join(tmpdir(), 'ocop-units-'));
  });
  afterAll(async () => {
    await database.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const unitsOf = async (snapshot: string) =>
    queryRows<{ code: string; level: string; type: string | null; parent_code: string | null }>(
      database.db,
      sql`select code, level, type, parent_code from admin_units where snapshot = ${snapshot} order by code`,
    );

  it('adds nothing when every snapshot is already loaded', async () => {
    const before = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from admin_units`);
    expect(await loadAdminUnits(database.db)).toEqual([]);
    expect(await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from admin_units`)).toEqual(before);
  });

  it('loads a new snapshot file once, its types read from the names', async () => {
    const file = {
      asOf: '2030-01-01',
      provinces: [{ code: '99', name: 'Tỉnh Thử', communes: [{ code: '99001', name: 'Phường Một' }] }],
    };
    writeFileSync(join(folder, 'vn-2030-01-01.json'), JSON.stringify(file));
    expect(await loadAdminUnits(database.db, folder)).toEqual(['2030-01-01']);
    expect(await unitsOf('2030-01-01')).toEqual([
      { code: '99', level: 'province', type: 'Tỉnh', parent_code: null },
      { code: '99001', level: 'commune', type: 'Phường', parent_code: '99' },
    ]);
    expect(await loadAdminUnits(database.db, folder)).toEqual([]);
    expect(await unitsOf('2030-01-01')).toHaveLength(2);
  });

  it('leaves none of a snapshot that fails part-way', async () => {
    const broken = mkdtempSync(join(tmpdir(), 'ocop-units-'));
    // More than one insert's worth (1000 rows), the repeated code in the last one: the first insert must be undone too.
    const communes = Array.from({ length: 1001 }, (_, i) => ({ code: `98${String(i % 1000).padStart(3, '0')}`, name: `Xã Số ${i}` }));
    writeFileSync(
      join(broken, 'vn-2031-01-01.json'),
      JSON.stringify({ asOf: '2031-01-01', provinces: [{ code: '98', name: 'Tỉnh Hỏng', communes }] }),
    );
    try {
      await expect(loadAdminUnits(database.db, broken)).rejects.toThrow();
      expect(await unitsOf('2031-01-01')).toEqual([]);
    } finally {
      rmSync(broken, { recursive: true, force: true });
    }
  });
});
