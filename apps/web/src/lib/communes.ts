import type { AdminUnitView, ProvinceUnitsView } from '@ocop/contracts/geography';

/** The map of communes in force since the 2025 reorganisation (no districts any more). */
export const CURRENT_MAP = '2025-07-01';
/** The last map before it: communes inside districts, which records made earlier still name. */
export const LEGACY_MAP = '2025-03-01';

export type UnitOption = { value: string; label: string };
export type UnitOptionGroup = { label: string; title: string; options: UnitOption[] };

function byLabel(a: UnitOption, b: UnitOption): number {
  return a.label.localeCompare(b.label, 'vi');
}

/** Communes of the 2025-07-01 map, by name. */
export function currentCommuneOptions(view: ProvinceUnitsView | undefined): UnitOption[] {
  return (view?.communes ?? []).map((unit) => ({ value: unit.code, label: unit.name })).sort(byLabel);
}

function districtNames(view: ProvinceUnitsView | undefined): Map<string, string> {
  return new Map((view?.districts ?? []).map((district: AdminUnitView) => [district.code, district.name]));
}

/** Communes of the 2025-03-01 map, each named with its district: "Thị trấn Hát Lót — Huyện Mai Sơn". */
export function legacyCommuneOptions(view: ProvinceUnitsView | undefined): UnitOption[] {
  const districts = districtNames(view);
  return (view?.communes ?? [])
    .map((unit) => {
      const district = unit.parentCode ? districts.get(unit.parentCode) : undefined;
      return { value: unit.code, label: district ? `${unit.name} — ${district}` : unit.name };
    })
    .sort(byLabel);
}

/**
 * A list filter names a place on either map. Values carry their kind ("new:04105",
 * "old:04105", "district:125") because a new commune often kept the code of one of the old ones.
 */
export type PlaceFilter = { communeCode?: string; legacyDistrictCode?: string };

export function placeFilterOf(value: string | undefined | null): PlaceFilter {
  if (!value) return {};
  const [kind, code] = value.split(':');
  if (!code) return {};
  if (kind === 'district' && /^\d{3}$/.test(code)) return { legacyDistrictCode: code };
  if ((kind === 'new' || kind === 'old') && /^\d{5}$/.test(code)) return { communeCode: code };
  return {};
}

/** The grouped options of a place filter: today's communes, then the former communes and districts. */
export function placeFilterOptions(
  current: ProvinceUnitsView | undefined,
  legacy: ProvinceUnitsView | undefined,
  labels: { current: string; legacyCommunes: string; legacyDistricts: string },
): UnitOptionGroup[] {
  const prefix = (kind: string, options: UnitOption[]) => options.map((option) => ({ ...option, value: `${kind}:${option.value}` }));
  const districts = (legacy?.districts ?? []).map((unit) => ({ value: unit.code, label: unit.name })).sort(byLabel);
  return [
    { label: labels.current, title: labels.current, options: prefix('new', currentCommuneOptions(current)) },
    { label: labels.legacyCommunes, title: labels.legacyCommunes, options: prefix('old', legacyCommuneOptions(legacy)) },
    { label: labels.legacyDistricts, title: labels.legacyDistricts, options: prefix('district', districts) },
  ].filter((group) => group.options.length > 0);
}
