import { foldVietnamese } from '@ocop/domain/shared';
import { sql } from 'drizzle-orm';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Database, queryRows } from '../../platform/database/database';
import { REFERENCE_DATA_FOLDER } from '../../platform/paths';
import { adminUnitLinks, adminUnits } from './admin-unit.tables';

type UnitInsert = typeof adminUnits.$inferInsert;
type LinkInsert = typeof adminUnitLinks.$inferInsert;

type ThreeLevelFile = {
  asOf: string;
  provinces: {
    code: string;
    name: string;
    type?: string;
    districts: { code: string; name: string; type?: string; communes: { code: string; name: string; type?: string }[] }[];
  }[];
};
type TwoLevelFile = {
  asOf: string;
  provinces: {
    code: string;
    name: string;
    type?: string;
    mergedFrom?: string[];
    communes: { code: string; name: string; type?: string; mergedFrom?: { code: string; whole: boolean }[] }[];
  }[];
};

const ADMIN_UNITS_FOLDER = join(REFERENCE_DATA_FOLDER, 'admin-units');

/**
 * Loads every snapshot file not yet in the database, each in one transaction, so a crash leaves
 * either the whole snapshot or none of it. Already loaded snapshots are left alone.
 */
export async function loadAdminUnits(db: Database, folder = ADMIN_UNITS_FOLDER): Promise<string[]> {
  const files = readdirSync(folder)
    .filter((name) => /^vn-\d{4}-\d{2}-\d{2}\.json$/.test(name))
    .sort();
  const loaded: string[] = [];
  const known: string[] = [];
  for (const file of files) {
    const data = JSON.parse(readFileSync(join(folder, file), 'utf8')) as ThreeLevelFile | TwoLevelFile;
    const [present] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from admin_units where snapshot = ${data.asOf}`);
    if (Number(present?.n ?? 0) === 0) {
      const { units, links } = flatten(data, known.at(-1));
      await db.transaction(async (tx) => {
        for (const chunk of chunks(units, 1000)) await tx.insert(adminUnits).values(chunk);
        for (const chunk of chunks(links, 1000)) await tx.insert(adminUnitLinks).values(chunk).onConflictDoNothing();
      });
      loaded.push(data.asOf);
    }
    known.push(data.asOf);
  }
  return loaded;
}

function flatten(data: ThreeLevelFile | TwoLevelFile, previousSnapshot: string | undefined) {
  const units: UnitInsert[] = [];
  const links: LinkInsert[] = [];
  const snapshot = data.asOf;
  const unit = (
    code: string,
    level: UnitInsert['level'],
    name: string,
    type: string | undefined,
    parentCode: string | null,
    provinceCode: string,
  ) =>
    units.push({
      snapshot,
      code,
      level,
      name,
      type: type ?? typeFromName(name),
      parentCode,
      provinceCode,
      nameFolded: foldVietnamese(name),
    });

  for (const province of data.provinces) {
    unit(province.code, 'province', province.name, province.type, null, province.code);
    if ('districts' in province) {
      for (const district of province.districts) {
        unit(district.code, 'district', district.name, district.type, province.code, province.code);
        for (const commune of district.communes) unit(commune.code, 'commune', commune.name, commune.type, district.code, province.code);
      }
      continue;
    }
    for (const commune of province.communes) {
      unit(commune.code, 'commune', commune.name, commune.type, province.code, province.code);
      if (!previousSnapshot) continue;
      for (const source of commune.mergedFrom ?? []) {
        links.push({
          fromSnapshot: previousSnapshot,
          fromCode: source.code,
          toSnapshot: snapshot,
          toCode: commune.code,
          level: 'commune',
          whole: source.whole,
        });
      }
    }
    if (previousSnapshot) {
      for (const code of province.mergedFrom ?? []) {
        links.push({
          fromSnapshot: previousSnapshot,
          fromCode: code,
          toSnapshot: snapshot,
          toCode: province.code,
          level: 'province',
          whole: true,
        });
      }
    }
  }
  return { units, links };
}

/** The 2025-07-01 file has no `type`; the name's first word ("Xã", "Phường", "Tỉnh"…) says it. */
function typeFromName(name: string): string | null {
  const match = /^(Thành phố|Thị xã|Thị trấn|Đặc khu|Phường|Huyện|Quận|Tỉnh|Xã)\s/.exec(name);
  return match?.[1] ?? null;
}

function* chunks<T>(items: T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}
