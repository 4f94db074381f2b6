import type { SalesPointKind } from '@ocop/domain/catalogue';
import type { Transactions } from '../../../platform/database/transaction';
import { createTokenGatedSnapshot } from '../../../platform/refreshing-snapshot';
import type { SalesPointMap } from '../catalogue-ports';
import type { SalesPointRepository } from './sales-point.repository';

/** An open point as the public pages show it. */
export type PublicSalesPoint = {
  id: string;
  provinceCode: string;
  name: string;
  kind: SalesPointKind;
  communeCode: string;
  communeName: string | null;
  legacyDistrictCode: string | null;
  legacyDistrictName: string | null;
  address: string | null;
  hours: string | null;
  location: { lat: number; lon: number } | null;
  websiteUrl: string | null;
  phone: string | null;
  operatorName: string | null;
  productIds: readonly string[];
};

export type ProvinceUnits = Awaited<ReturnType<SalesPointMap['unitsForCoverage']>>;

type Snapshot = {
  points: PublicSalesPoint[];
  byId: Map<string, PublicSalesPoint>;
  byProduct: Map<string, PublicSalesPoint[]>;
  /** Every point's province, open or closed, with its units (coverage counts the open ones). */
  provinces: Map<string, ProvinceUnits>;
};

export type SalesPointDirectory = ReturnType<typeof createSalesPointDirectory>;

/**
 * The open points and their shelves in memory for the public pages (a province has tens of points,
 * each with at most a few hundred products): the product page's "where to buy" costs no query.
 * Every `refreshMs` a change token is asked and the directory rebuilt only if it moved (a write of
 * another process shows within that time), and at once after a write in this process (`invalidate`).
 */
export function createSalesPointDirectory(deps: {
  transactions: Transactions;
  repository: SalesPointRepository;
  map: SalesPointMap;
  refreshMs: number;
  now?: () => number;
}) {
  async function build(): Promise<Snapshot> {
    const { rows, stock } = await deps.transactions.run(async () => ({
      rows: await deps.repository.listAll(),
      stock: await deps.repository.allStock(),
    }));
    const shelves = new Map<string, string[]>();
    for (const { salesPointId, productId } of stock) {
      const shelf = shelves.get(salesPointId) ?? [];
      shelf.push(productId);
      shelves.set(salesPointId, shelf);
    }
    const provinces = new Map<string, ProvinceUnits>();
    for (const code of new Set(rows.map((row) => row.provinceCode))) provinces.set(code, await deps.map.unitsForCoverage(code));
    const points: PublicSalesPoint[] = [];
    for (const row of rows) {
      if (row.status !== 'active') continue;
      const units = provinces.get(row.provinceCode);
      points.push({
        id: row.id,
        provinceCode: row.provinceCode,
        name: row.name,
        kind: row.kind,
        communeCode: row.communeCode,
        communeName: units?.communes.find((unit) => unit.code === row.communeCode)?.name ?? null,
        legacyDistrictCode: row.legacyDistrictCode,
        legacyDistrictName: units?.districts.find((unit) => unit.code === row.legacyDistrictCode)?.name ?? null,
        address: row.address,
        hours: row.hours,
        location: row.latitude !== null && row.longitude !== null ? { lat: row.latitude, lon: row.longitude } : null,
        websiteUrl: row.websiteUrl,
        phone: row.phone,
        operatorName: row.operatorName,
        productIds: shelves.get(row.id) ?? [],
      });
    }
    const byProduct = new Map<string, PublicSalesPoint[]>();
    for (const point of points) {
      for (const productId of point.productIds) {
        const list = byProduct.get(productId) ?? [];
        list.push(point);
        byProduct.set(productId, list);
      }
    }
    return { points, byId: new Map(points.map((point) => [point.id, point])), byProduct, provinces };
  }

  const { get: snapshot, invalidate } = createTokenGatedSnapshot(build, {
    changeToken: () => deps.transactions.run(() => deps.repository.changeToken()),
    refreshMs: deps.refreshMs,
    ...(deps.now ? { now: deps.now } : {}),
  });

  return {
    /** The open points, by province then name. */
    points: async () => (await snapshot()).points,
    byId: async (id: string) => (await snapshot()).byId.get(id),
    /** The open points that stock a product ("where to buy"). */
    stocking: async (productId: string): Promise<readonly PublicSalesPoint[]> => (await snapshot()).byProduct.get(productId) ?? [],
    /** The provinces that have points, with their former districts and new communes. */
    provinces: async () => (await snapshot()).provinces,
    invalidate,
  };
}
