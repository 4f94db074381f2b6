import { foldVietnamese } from '@ocop/domain/shared';

/** A unit of the map before 1 July 2025, as the registry port lists it. */
export type FormerUnit = { code: string; name: string };
export type FormerDistrict = FormerUnit & { communes: readonly FormerUnit[] };

/** The words a unit's name starts with, folded, and how the Vietnamese writes them; longest first. */
const UNIT_TYPES: readonly (readonly [folded: string, word: string])[] = [
  ['thanh pho', 'thành phố'],
  ['thi xa', 'thị xã'],
  ['thi tran', 'thị trấn'],
  ['huyen', 'huyện'],
  ['quan', 'quận'],
  ['phuong', 'phường'],
  ['xa', 'xã'],
  ['tp', 'thành phố'],
];

/** A unit's name folded and split: the kind of unit it names (if it says), and the rest. */
export function unitKey(text: string): { type: string | null; typeWords: number; core: string } {
  const folded = foldVietnamese(text)
    .replace(/[.,;:()"“”]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^(uy ban nhan dan|ubnd)\s+/, '');
  for (const [prefix, word] of UNIT_TYPES) {
    if (folded.startsWith(`${prefix} `)) {
      return { type: word, typeWords: prefix.split(' ').length, core: folded.slice(prefix.length + 1).trim() };
    }
  }
  return { type: null, typeWords: 0, core: folded };
}

/** "123", "123 - Huyện Mộc Châu": the code written in front, padded to the unit's width; null when none. */
function codeIn(text: string, width: number): string | null {
  const match = /^(\d{1,5})(?:\s*[-–:]\s*.*)?$/.exec(text.trim());
  return match?.[1] ? match[1].padStart(width, '0') : null;
}

function findUnit<T extends FormerUnit>(units: readonly T[], text: string, width: number): T[] {
  const code = codeIn(text, width);
  if (code) return units.filter((unit) => unit.code === code);
  const wanted = unitKey(text);
  if (wanted.core === '') return [];
  return units.filter((unit) => {
    const key = unitKey(unit.name);
    return key.core === wanted.core && (wanted.type === null || sameKind(wanted.type, key.type));
  });
}

/**
 * Whether a written kind may name a unit of the map: a district-level unit changed kind over the
 * years (Huyện Mộc Châu became Thị xã Mộc Châu in 2025), so any district-level kind names any;
 * likewise for communes (a xã became a thị trấn or a phường).
 */
function sameKind(written: string, onMap: string | null): boolean {
  const district = ['thành phố', 'thị xã', 'huyện', 'quận'];
  const commune = ['phường', 'xã', 'thị trấn'];
  if (onMap === null) return true;
  return (district.includes(written) && district.includes(onMap)) || (commune.includes(written) && commune.includes(onMap));
}

/** The former district a cell names: by code, or by name with or without its kind, case and marks ignored. */
export function findFormerDistrict(districts: readonly FormerDistrict[], text: string): FormerDistrict | null {
  const found = findUnit(districts, text, 3);
  return found.length === 1 ? (found[0] ?? null) : null;
}

/** The former commune a cell names within the district, or within the whole province when no district is given (if unique). */
export function findFormerCommune(
  districts: readonly FormerDistrict[],
  district: FormerDistrict | null,
  text: string,
): { commune: FormerUnit; district: FormerDistrict } | null {
  const pool = district ? [district] : districts;
  const found = pool.flatMap((owner) => findUnit(owner.communes, text, 5).map((commune) => ({ commune, district: owner })));
  return found.length === 1 ? (found[0] ?? null) : null;
}

/**
 * The district as the issuer was named then: the kind the file writes ("Huyện Mộc Châu") wins over
 * the kind on the 2025 map ("Thị xã Mộc Châu"), because the certificate was issued under it.
 */
export function districtAsWritten(district: FormerDistrict, text: string): { name: string; issuerName: string } {
  const onMap = unitKey(district.name);
  const written = codeIn(text, 3) ? null : unitKey(text).type;
  const kind = written ?? onMap.type ?? 'huyện';
  const core = district.name.split(' ').slice(onMap.typeWords).join(' ');
  return { name: `${kind.charAt(0).toLocaleUpperCase('vi')}${kind.slice(1)} ${core}`, issuerName: `Ủy ban nhân dân ${kind} ${core}` };
}
