import { foldVietnamese } from '@ocop/domain/shared';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from '../../platform/database/database';
import { createTransactions } from '../../platform/database/transaction';
import { REFERENCE_DATA_FOLDER } from '../../platform/paths';
import { createAdminUnitRepository, type LinkInsert, type UnitInsert } from './admin-unit.repository';

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
  // Start-up work on the root handle, before the app's own runner exists: it gets one of its own.
  const transactions = createTransactions(db);
  const repository = createAdminUnitRepository({ transactions });
  const present = new Set(await repository.listSnapshots());
  const loaded: string[] = [];
  const known: string[] = [];
  for (const file of files) {
    const data = JSON.parse(readFileSync(join(folder, file), 'utf8')) as ThreeLevelFile | TwoLevelFile;
    if (!present.has(data.asOf)) {
      const { units, links } = flatten(data, known.at(-1));
      await transactions.run(() => repository.insertSnapshot(units, links));
      present.add(data.asOf);
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
