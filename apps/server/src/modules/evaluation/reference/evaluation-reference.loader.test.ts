import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, queryRows } from '../../../platform/database/database';
import { REFERENCE_DATA_FOLDER } from '../../../platform/paths';
import { createTestDatabase } from '../../../test-support/test-database';
import { loadEvaluationReference } from './evaluation-reference.loader';

const SOURCE = join(REFERENCE_DATA_FOLDER, 'evaluation');

describe('evaluation reference loader', () => {
  let database: DatabaseHandle;
  let folder: string;
  beforeAll(async () => {
    database = await createTestDatabase();
    folder = mkdtempSync(join(tmpdir(), 'ocop-evaluation-'));
    for (const name of ['regimes.json', 'ocop-26-2026.json', 'ocop-1048-781.json']) copyFileSync(join(SOURCE, name), join(folder, name));
  });
  afterAll(async () => {
    await database.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const versions = () =>
    queryRows<{ regime_code: string; n: number; published: number }>(
      database.db,
      sql`select regime_code, count(*)::int as n, count(*) filter (where status = 'published')::int as published
          from criteria_versions group by regime_code order by regime_code`,
    );

  it('has loaded every regime and the national sheets at start-up: 26 sets of 26/2026, 25 of 1048, none of 148', async () => {
    expect(await versions()).toEqual([
      { regime_code: '1048/2019', n: 25, published: 25 },
      { regime_code: '26/2026', n: 26, published: 26 },
    ]);
    const regimes = await queryRows<{ code: string }>(database.db, sql`select code from evaluation_regimes order by code`);
    expect(regimes.map((row) => row.code)).toEqual(['1048/2019', '148/2023', '26/2026']);
  });

  it('loads nothing twice', async () => {
    expect(await loadEvaluationReference(database.db, folder)).toEqual({ regimes: [], sheets: [] });
    expect((await versions()).map((row) => row.n)).toEqual([25, 26]);
  });

  it('follows a corrected regime entry, and loads the sheets of a new regime once, keyed by its classification', async () => {
    const file = JSON.parse(readFileSync(join(folder, 'regimes.json'), 'utf8')) as {
      regimes: { code: string; certificateValidityMonths: number }[];
    };
    const current = file.regimes.find((regime) => regime.code === '26/2026');
    if (!current) throw new Error('no 26/2026');
    current.certificateValidityMonths = 48;
    file.regimes.push({ ...current, code: 'thu/2030', certificateValidityMonths: 36 });
    writeFileSync(join(folder, 'regimes.json'), JSON.stringify(file));
    const report = await loadEvaluationReference(database.db, folder);
    expect(report.regimes).toEqual(['26/2026', 'thu/2030']);
    expect(report.sheets).toEqual([{ regimeCode: 'thu/2030', sets: 26, unmatched: [], issues: 0 }]);
    const [row] = await queryRows<{ months: number }>(
      database.db,
      sql`select (definition->>'certificateValidityMonths')::int as months from evaluation_regimes where code = '26/2026'`,
    );
    expect(row?.months).toBe(48);
    expect(await loadEvaluationReference(database.db, folder)).toEqual({ regimes: [], sheets: [] });
  });

  it('keeps a published version as it is: the database refuses to change or delete it', async () => {
    // The driver wraps the database's refusal; its own message is the cause's.
    const refusal = async (query: ReturnType<typeof sql>) => {
      try {
        await database.db.execute(query);
        return 'accepted';
      } catch (error) {
        return String((error as { cause?: Error }).cause?.message ?? error);
      }
    };
    expect(
      await refusal(sql`update criteria_versions set content = '{}'::jsonb where regime_code = '26/2026' and product_set_code = '1.5.1'`),
    ).toMatch(/published and cannot change/);
    expect(await refusal(sql`delete from criteria_versions where regime_code = '26/2026'`)).toMatch(/cannot be deleted/);
    expect(
      await refusal(sql`update criteria_versions set status = 'superseded' where regime_code = 'thu/2030' and product_set_code = '1.5.1'`),
    ).toBe('accepted');
  });
});
