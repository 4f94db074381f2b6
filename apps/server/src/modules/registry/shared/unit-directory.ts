import { foldVietnamese } from '@ocop/domain/shared';
import type { AdminUnitService } from '../../geography';
import type { LookupResult } from '../imports/sheet-columns';

type AdminUnit = NonNullable<Awaited<ReturnType<AdminUnitService['findUnit']>>>;

/** The map before the July 2025 reform, on which records made earlier keep their commune and district. */
export const LEGACY_MAP_DATE = '2025-03-01';

type ProvinceUnits = { current: Map<string, AdminUnit>; legacy: Map<string, AdminUnit> };

export type UnitDirectory = ReturnType<typeof createUnitDirectory>;

/**
 * Names of administrative units for views and exports, and lookups for spreadsheet cells. Units
 * are reference data that only change at start-up, so each province is read once and kept.
 * Never call it inside a transaction: it reads on the main connection.
 */
export function createUnitDirectory(adminUnits: AdminUnitService) {
  const provinces = new Map<string, Promise<ProvinceUnits>>();
  const strays = new Map<string, Promise<AdminUnit | undefined>>();

  function province(provinceCode: string): Promise<ProvinceUnits> {
    let entry = provinces.get(provinceCode);
    if (!entry) {
      const read = async (asOf?: string) => {
        try {
          const units = await adminUnits.unitsOfProvince(provinceCode, asOf);
          return new Map([...units.districts, ...units.communes].map((unit) => [unit.code, unit]));
        } catch {
          return new Map<string, AdminUnit>();
        }
      };
      entry = Promise.all([read(), read(LEGACY_MAP_DATE)]).then(([current, legacy]) => ({ current, legacy }));
      entry.catch(() => provinces.delete(provinceCode));
      provinces.set(provinceCode, entry);
    }
    return entry;
  }

  /** A unit outside the province's own lists (an old commune of a province merged into this one). */
  function stray(code: string, asOf: string | undefined): Promise<AdminUnit | undefined> {
    const key = `${asOf ?? 'latest'}:${code}`;
    let entry = strays.get(key);
    if (!entry) {
      entry = adminUnits.findUnit(code, asOf);
      strays.set(key, entry);
    }
    return entry;
  }

  async function unit(provinceCode: string, code: string | null, legacy: boolean): Promise<AdminUnit | undefined> {
    if (!code) return undefined;
    const units = await province(provinceCode);
    return (legacy ? units.legacy : units.current).get(code) ?? (await stray(code, legacy ? LEGACY_MAP_DATE : undefined));
  }

  return {
    /** Names for a producer's commune (current map), old commune and old district. */
    namesOf: async (place: {
      provinceCode: string;
      communeCode: string;
      legacyCommuneCode: string | null;
      legacyDistrictCode: string | null;
    }) => {
      const [commune, legacyCommune, legacyDistrict] = await Promise.all([
        unit(place.provinceCode, place.communeCode, false),
        unit(place.provinceCode, place.legacyCommuneCode, true),
        unit(place.provinceCode, place.legacyDistrictCode, true),
      ]);
      return {
        communeName: commune?.name ?? null,
        legacyCommuneName: legacyCommune?.name ?? null,
        legacyDistrictName: legacyDistrict?.name ?? null,
      };
    },

    /** Lookups of a province's communes for spreadsheet cells: "03670 - Phường Chiềng Cơi", "03670", "Chiềng Cơi". */
    communeMatchers: async (provinceCode: string) => {
      const units = await province(provinceCode);
      const matcher = (map: Map<string, AdminUnit>, withDistrict: boolean) => {
        const communes = [...map.values()].filter((u) => u.level === 'commune');
        const districtName = (u: AdminUnit) => (u.parentCode ? foldVietnamese(map.get(u.parentCode)?.name ?? '') : '');
        return (text: string): LookupResult => {
          const code = /^(\d{5})(?:\D|$)/.exec(text.trim())?.[1];
          if (code) return communes.some((u) => u.code === code) ? { found: code } : 'not_found';
          const [namePart = '', districtPart] = text.split(',');
          const wanted = stripUnitType(foldVietnamese(namePart));
          let candidates = communes.filter((u) => stripUnitType(foldVietnamese(u.name)) === wanted);
          if (withDistrict && districtPart && candidates.length > 1) {
            const district = stripUnitType(foldVietnamese(districtPart));
            candidates = candidates.filter((u) => stripUnitType(districtName(u)) === district);
          }
          if (candidates.length === 1 && candidates[0]) return { found: candidates[0].code };
          return candidates.length > 1 ? 'ambiguous' : 'not_found';
        };
      };
      return { commune: matcher(units.current, false), legacyCommune: matcher(units.legacy, true) };
    },
  };
}

function stripUnitType(folded: string): string {
  return folded.replace(/^(thanh pho|thi xa|thi tran|dac khu|phuong|huyen|quan|tinh|xa)\s+/, '').trim();
}
