import type { RoleGrant } from '@ocop/domain/shared';
import { SYSTEM_CONTEXT } from '../modules/identity';
import type { RegistryModule } from '../modules/registry/registry.module';
import type { TraceabilityModule } from '../modules/traceability';
import { DEMO_TEA_PRODUCT } from './self-assessment-demo';

/** The demo tea company's sites: its tea hills (no GLN: a province URN) and its workshop (a demo GLN). */
export const DEMO_TEA_FARM = 'Đồi chè Shan tuyết Tà Xùa (Dữ liệu minh họa)';
export const DEMO_TEA_WORKSHOP = 'Xưởng chế biến chè Tà Xùa (Dữ liệu minh họa)';
/** A made-up GLN under the 893 prefix with a correct check digit, outside the block demoGtin draws from. */
export const DEMO_TEA_WORKSHOP_GLN = '8939999100014';
/** The raw-leaf lot the journey starts from; its steps are recorded by the end-to-end test, not here. */
export const DEMO_RAW_LEAF_LOT = 'BUP-TX-01';

const TA_XUA = '03868';

/**
 * Gives the demo tea company a farm and a processing site and one lot of fresh Shan tuyết buds
 * (as a lot of its green tea product, whose raw material they are: lots belong to products, and
 * raw leaves are not a product of their own). Written as the company's member would, so rules
 * and audit are the real ones. Idempotent: a site or lot already there (same name, same code) is kept.
 */
export async function seedTraceabilityDemo(
  modules: { registry: RegistryModule; traceability: TraceabilityModule },
  member: { producerId: string; userId: string },
): Promise<{ sites: number; lots: number }> {
  const { producerId } = member;
  const system: RoleGrant[] = [{ role: 'system_admin', provinceCode: null, communeCode: null, producerId: null, salesPointId: null }];
  const found = await modules.registry.products.listProducts({ grants: system }, { producerId, page: 1, pageSize: 50 });
  const product = found.items.find((item) => item.nameVi === DEMO_TEA_PRODUCT);
  if (!product) return { sites: 0, lots: 0 };
  const actor = {
    userId: member.userId,
    grants: [
      { role: 'producer_member' as const, provinceCode: product.producer.provinceCode, communeCode: null, producerId, salesPointId: null },
    ],
  };

  let sites = 0;
  const existing = await modules.traceability.sites.listSites(actor, { producerId, page: 1, pageSize: 200 });
  const names = new Set(existing.items.map((site) => site.name));
  for (const site of [
    { name: DEMO_TEA_FARM, kind: 'farm' as const, gln: null, address: 'Bản Tà Xùa, xã Tà Xùa, độ cao 1.600 m' },
    { name: DEMO_TEA_WORKSHOP, kind: 'processing' as const, gln: DEMO_TEA_WORKSHOP_GLN, address: 'Bản Tà Xùa, xã Tà Xùa' },
  ]) {
    if (names.has(site.name)) continue;
    await modules.traceability.sites.createSite(actor, { ...site, producerId, communeCode: TA_XUA }, SYSTEM_CONTEXT);
    sites++;
  }

  const lots = await modules.traceability.lots.listLots(actor, { productId: product.id, q: DEMO_RAW_LEAF_LOT, page: 1, pageSize: 10 });
  if (lots.items.some((lot) => lot.lotCode === DEMO_RAW_LEAF_LOT)) return { sites, lots: 0 };
  await modules.traceability.lots.createLot(
    actor,
    {
      productId: product.id,
      lotCode: DEMO_RAW_LEAF_LOT,
      // The spring picking of 2026: a fixed date, so the seed gives the same lot whenever it runs.
      producedOn: '2026-03-01',
      quantity: 120,
      unit: 'kg',
      growingAreaCode: 'VN-SLTX-0012',
      growingAreaCommuneCode: TA_XUA,
      notes: 'Búp chè Shan tuyết tươi, hái một tôm hai lá (Dữ liệu minh họa)',
    },
    SYSTEM_CONTEXT,
  );
  return { sites, lots: 1 };
}
