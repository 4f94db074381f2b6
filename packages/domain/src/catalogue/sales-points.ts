/**
 * Showcase and sales points of OCOP products (điểm giới thiệu và bán sản phẩm OCOP): what a point is,
 * where it may be, and how far the points cover the province (the programme wants one in every
 * district). Pure rules: no I/O.
 */

/** A showcase shop, a corner in a post office, a booth at a fair, an online store. */
export const SALES_POINT_KINDS = ['showcase', 'post_office', 'fair_booth', 'online_store'] as const;
export type SalesPointKind = (typeof SALES_POINT_KINDS)[number];

export const SALES_POINT_STATUSES = ['active', 'closed'] as const;
export type SalesPointStatus = (typeof SALES_POINT_STATUSES)[number];

/** The products one point may list: a shop shelf, not a warehouse. */
export const SALES_POINT_STOCK_MAX = 500;

/** Whether a kind of point is a place people walk into (and so sits on the map and covers a district). */
export const isPhysicalKind = (kind: SalesPointKind): boolean => kind !== 'online_store';

/** Vietnam's mainland and islands, generously: a point outside is a typing mistake (swapped or lost digits). */
export const VIETNAM_EXTENT = { minLat: 6, maxLat: 24, minLon: 102, maxLon: 118 } as const;

export type LatLon = { lat: number; lon: number };

export function isInsideVietnam({ lat, lon }: LatLon): boolean {
  return (
    Number.isFinite(lat) &&
    Number.isFinite(lon) &&
    lat >= VIETNAM_EXTENT.minLat &&
    lat <= VIETNAM_EXTENT.maxLat &&
    lon >= VIETNAM_EXTENT.minLon &&
    lon <= VIETNAM_EXTENT.maxLon
  );
}

/** What is wrong with a point's place, or null: a physical point needs a location, an online store an address on the web. */
export function salesPointPlaceProblem(point: {
  kind: SalesPointKind;
  location: LatLon | null;
  websiteUrl: string | null;
}): 'location_required' | 'location_outside' | 'website_required' | null {
  if (point.location && !isInsideVietnam(point.location)) return 'location_outside';
  if (isPhysicalKind(point.kind) && !point.location) return 'location_required';
  if (!isPhysicalKind(point.kind) && !point.websiteUrl) return 'website_required';
  return null;
}

/** A point as coverage counts it. */
export type CoveragePoint = { kind: SalesPointKind; status: SalesPointStatus; communeCode: string; legacyDistrictCode: string | null };
export type CoverageUnit = { code: string; name: string };
export type CoverageRow = CoverageUnit & { points: number };
export type SalesPointCoverage = {
  districts: CoverageRow[];
  communes: CoverageRow[];
  districtsCovered: number;
  communesCovered: number;
  onlineStores: number;
};

/**
 * Which former districts and which new communes have an open point people can walk into. Closed
 * points and online stores cover nothing (an online store is counted apart). Units keep the order given.
 */
export function salesPointCoverage(input: {
  districts: readonly CoverageUnit[];
  communes: readonly CoverageUnit[];
  points: readonly CoveragePoint[];
}): SalesPointCoverage {
  const byDistrict = new Map<string, number>();
  const byCommune = new Map<string, number>();
  let onlineStores = 0;
  for (const point of input.points) {
    if (point.status !== 'active') continue;
    if (!isPhysicalKind(point.kind)) {
      onlineStores += 1;
      continue;
    }
    byCommune.set(point.communeCode, (byCommune.get(point.communeCode) ?? 0) + 1);
    if (point.legacyDistrictCode) byDistrict.set(point.legacyDistrictCode, (byDistrict.get(point.legacyDistrictCode) ?? 0) + 1);
  }
  const rows = (units: readonly CoverageUnit[], counts: Map<string, number>) =>
    units.map((unit) => ({ code: unit.code, name: unit.name, points: counts.get(unit.code) ?? 0 }));
  const districts = rows(input.districts, byDistrict);
  const communes = rows(input.communes, byCommune);
  return {
    districts,
    communes,
    districtsCovered: districts.filter((row) => row.points > 0).length,
    communesCovered: communes.filter((row) => row.points > 0).length,
    onlineStores,
  };
}

/**
 * The former district a point in a new commune belongs to: the one district all the commune's former
 * communes lay in, or, when the commune joined parts of several, the one chosen among them. Undefined
 * when a choice is needed and missing or not one of them.
 */
export function legacyDistrictOf(candidates: readonly string[], chosen: string | null | undefined): string | null | undefined {
  const unique = [...new Set(candidates)];
  if (chosen) return unique.includes(chosen) ? chosen : undefined;
  if (unique.length === 0) return null;
  return unique.length === 1 ? unique[0] : undefined;
}
