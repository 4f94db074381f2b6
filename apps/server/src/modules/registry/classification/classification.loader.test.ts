import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, queryRows } from '../../../platform/database/database';
import { createTestDatabase } from '../../../test-support/test-database';
import { loadClassifications } from './classification.loader';

describe('classification loader', () => {
  let database: DatabaseHandle;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  const endOf148 = async () =>
    (
      await queryRows<{ version_end: string | null; set_ends: string[] }>(
        database.db,
        sql`select v.effective_to::text as version_end,
                   (select array_agg(distinct coalesce(s.effective_to::text, 'open')) from product_sets s where s.version_code = v.code) as set_ends
            from classification_versions v where v.code = 'qd148-2023'`,
      )
    )[0];

  it('loads nothing more once every version is there', async () => {
    expect(await loadClassifications(database.db)).toEqual([]);
    expect(await endOf148()).toEqual({ version_end: '2026-07-20', set_ends: ['2026-07-20'] });
  });

  it('ends QĐ 148 on a database loaded before QĐ 26/2026, with its sets, once', async () => {
    // What a database from before this release holds: 148 open-ended.
    await database.db.execute(sql`update product_sets set effective_to = null where version_code = 'qd148-2023'`);
    await database.db.execute(sql`update classification_versions set effective_to = null where code = 'qd148-2023'`);
    expect(await loadClassifications(database.db)).toEqual(['qd148-2023']);
    expect(await endOf148()).toEqual({ version_end: '2026-07-20', set_ends: ['2026-07-20'] });
    expect(await loadClassifications(database.db)).toEqual([]);
  });

  it('keeps an end date a system admin set', async () => {
    await database.db.execute(sql`update classification_versions set effective_to = '2026-07-31' where code = 'qd148-2023'`);
    expect(await loadClassifications(database.db)).toEqual([]);
    expect((await endOf148())?.version_end).toBe('2026-07-31');
  });

  it('links each 148 set to the 26/2026 set with its code, and 1048 sets to 148 ones', async () => {
    const links = await queryRows<{ from_version: string; to_version: string; n: number; same_code: number }>(
      database.db,
      sql`select a.version_code as from_version, b.version_code as to_version, count(*)::int as n,
                 count(*) filter (where a.code = b.code)::int as same_code
          from product_set_mappings m join product_sets a on a.id = m.legacy_set_id join product_sets b on b.id = m.current_set_id
          group by 1, 2 order by 1, 2`,
    );
    expect(links.map((row) => [row.from_version, row.to_version])).toEqual([
      ['qd1048-2019', 'qd148-2023'],
      ['qd148-2023', 'qd26-2026'],
    ]);
    expect(links[1]).toMatchObject({ n: 26, same_code: 26 });
  });
});
