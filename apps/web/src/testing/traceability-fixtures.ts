import type { JourneyStep, LotView, SiteView } from '@ocop/contracts/traceability';
import { PRODUCER_ID, PRODUCT_ID } from './fixtures';

export const LOT_ID = '7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f';
export const RAW_LOT_ID = '8d2e3f4a-5b6c-4d7e-9f8a-0b1c2d3e4f5a';
export const FARM_SITE_ID = '9e3f4a5b-6c7d-4e8f-8a9b-1c2d3e4f5a6b';
export const FACTORY_SITE_ID = 'af4a5b6c-7d8e-4f9a-9bac-2d3e4f5a6b7c';

export function buildLot(overrides: Partial<LotView> = {}): LotView {
  return {
    id: LOT_ID,
    productId: PRODUCT_ID,
    producerId: PRODUCER_ID,
    provinceCode: '14',
    lotCode: 'CHE-2026-07',
    producedOn: '2026-12-01',
    expiresOn: '2027-12-01',
    bestBefore: null,
    quantity: 120,
    unit: 'kg',
    growingAreaCode: null,
    growingAreaCommuneCode: '03679',
    notes: null,
    classUri: 'urn:ocop:vn:lot:SL-CHE-01:CHE-2026-07',
    revision: 1,
    createdAt: '2026-12-01T02:00:00.000Z',
    updatedAt: '2026-12-01T02:00:00.000Z',
    ...overrides,
  };
}

export function buildSite(overrides: Partial<SiteView> = {}): SiteView {
  return {
    id: FARM_SITE_ID,
    producerId: PRODUCER_ID,
    provinceCode: '14',
    name: 'Đồi chè Tà Xùa',
    kind: 'farm',
    gln: null,
    communeCode: '03679',
    address: 'Bản Tà Xùa',
    locationUri: 'urn:ocop:vn:site:x',
    revision: 1,
    createdAt: '2026-12-01T02:00:00.000Z',
    updatedAt: '2026-12-01T02:00:00.000Z',
    ...overrides,
  };
}

export const FACTORY = buildSite({ id: FACTORY_SITE_ID, name: 'Xưởng chế biến Chiềng An', kind: 'processing' });

export function buildStep(overrides: Partial<JourneyStep> = {}): JourneyStep {
  return {
    eventId: 'ni:///sha-256;aa?ver=CBV2.0',
    kind: 'harvest',
    bizStep: 'https://ref.gs1.org/cbv/BizStep-commissioning',
    labelVi: 'Thu hoạch',
    labelEn: 'Harvest',
    eventTime: '2026-12-02T01:30:00.000Z',
    lotCode: 'CHE-2026-07',
    productName: 'Chè Shan tuyết Bích Thảo',
    placeName: 'Đồi chè Tà Xùa',
    destinationName: null,
    fromLots: [],
    ...overrides,
  };
}

/** The journey answer of the lot. */
export const journeyOf = (steps: JourneyStep[], lot: LotView = buildLot()) => ({
  lotId: lot.id,
  lotCode: lot.lotCode,
  classUri: lot.classUri,
  steps,
});

export const lotPage = (items: LotView[]) => ({ items, total: items.length, page: 1, pageSize: 50 });
