import { snapshotInForce } from '@ocop/domain/geography';
import { DomainError, foldVietnamese } from '@ocop/domain/shared';
import type { AdminUnitRepository, UnitLink } from './admin-unit.repository';
import type { AdminUnitRow } from './admin-unit.tables';

export type AdminUnitService = ReturnType<typeof createAdminUnitService>;
export type { UnitLink } from './admin-unit.repository';

export function createAdminUnitService({ adminUnits }: { adminUnits: AdminUnitRepository }) {
  let snapshotCache: string[] | undefined;

  async function snapshots(): Promise<string[]> {
    if (snapshotCache) return snapshotCache;
    const list = await adminUnits.listSnapshots();
    if (list.length > 0) snapshotCache = list; // reference data only grows at start-up
    return list;
  }

  async function snapshotFor(asOf: string | undefined): Promise<string> {
    const list = await snapshots();
    const latest = list.at(-1);
    if (!latest) throw new DomainError('not_found', 'admin_unit.not_found', 'No administrative units are loaded.', { code: '' });
    return asOf ? snapshotInForce(list, asOf) : latest;
  }

  async function links(direction: 'successors' | 'predecessors', code: string): Promise<UnitLink[]> {
    const list = await snapshots();
    const [oldSnapshot, newSnapshot] = [list.at(-2), list.at(-1)];
    if (!oldSnapshot || !newSnapshot) return [];
    const anchor = await adminUnits.findByCode(direction === 'successors' ? oldSnapshot : newSnapshot, code);
    if (!anchor) throw new DomainError('not_found', 'admin_unit.not_found', 'No such unit.', { code });
    return direction === 'successors'
      ? adminUnits.listLinks({ fromSnapshot: oldSnapshot, fromCode: code })
      : adminUnits.listLinks({ toSnapshot: newSnapshot, toCode: code });
  }

  return {
    snapshots: () => snapshots(),
    snapshotFor,

    listProvinces: async (asOf?: string) => adminUnits.listProvinces(await snapshotFor(asOf)),

    /** The province and every unit under it on the map in force on `asOf` (latest when omitted). */
    unitsOfProvince: async (provinceCode: string, asOf?: string) => {
      const snapshot = await snapshotFor(asOf);
      const rows = await adminUnits.listByProvince(snapshot, provinceCode);
      const province = rows.find((row) => row.level === 'province');
      if (!province) throw new DomainError('not_found', 'admin_unit.not_found', 'No such province.', { code: provinceCode });
      return {
        snapshot,
        province,
        districts: rows.filter((row) => row.level === 'district'),
        communes: rows.filter((row) => row.level === 'commune'),
      };
    },

    /** The new commune(s) an old commune went into. */
    successorsOf: (oldCommuneCode: string) => links('successors', oldCommuneCode),
    /** The old communes a new commune was formed from, whole or in part. */
    predecessorsOf: (newCommuneCode: string) => links('predecessors', newCommuneCode),

    search: async (input: { q: string; asOf?: string; provinceCode?: string; level?: AdminUnitRow['level']; limit: number }) => {
      const folded = foldVietnamese(input.q);
      if (folded.length < 2) throw new DomainError('invalid', 'admin_unit.query_too_short', 'The query is too short.');
      const snapshot = await snapshotFor(input.asOf);
      return adminUnits.searchByName({ snapshot, folded, provinceCode: input.provinceCode, level: input.level, limit: input.limit });
    },

    /** A commune of the current map inside the province, or a clear refusal naming both codes. */
    assertCommuneInProvince: async (communeCode: string, provinceCode: string) => {
      const unit = await adminUnits.findByCode(await snapshotFor(undefined), communeCode);
      if (unit?.level !== 'commune' || unit.provinceCode !== provinceCode) {
        throw new DomainError('invalid', 'admin_unit.commune_not_found', 'No such commune in this province.', {
          code: communeCode,
          provinceCode,
        });
      }
      return unit;
    },

    findUnit: async (code: string, asOf?: string) => adminUnits.findByCode(await snapshotFor(asOf), code),
  };
}
