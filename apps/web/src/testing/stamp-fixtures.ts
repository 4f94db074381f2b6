import type { StampOrderView, StampView } from '@ocop/contracts/stamps';
import { PRODUCER_ID, PRODUCT_ID } from './fixtures';
import { LOT_ID } from './traceability-fixtures';

export const ORDER_ID = 'b15a6c7d-8e9f-4a0b-9c1d-3e4f5a6b7c8d';

export function buildStampOrder(overrides: Partial<StampOrderView> = {}): StampOrderView {
  return {
    id: ORDER_ID,
    productId: PRODUCT_ID,
    producerId: PRODUCER_ID,
    provinceCode: '14',
    lotId: LOT_ID,
    lotCode: 'CHE-2026-07',
    gtin14: '08938505974015',
    quantity: 20,
    issuedCount: 20,
    activatedCount: 0,
    voidCount: 0,
    state: 'issued',
    createdAt: '2026-12-05T02:00:00.000Z',
    issuedAt: '2026-12-05T02:00:03.000Z',
    ...overrides,
  };
}

/** A made-up stored serial per sequence number (shape only: these tests never check the check character). */
const storedSerial = (sequence: number) => `0A1B2C3D4E5F6G7H${String(sequence).padStart(4, '0')}`;

export function buildStamp(sequence: number, overrides: Partial<StampView> = {}): StampView {
  const stored = storedSerial(sequence);
  return {
    serial: `${stored.slice(0, 5)}-${stored.slice(5, 10)}-${stored.slice(10, 15)}-${stored.slice(15, 20)}-K`,
    sequence,
    state: 'issued',
    lotId: LOT_ID,
    url: `http://localhost/01/08938505974015/10/CHE-2026-07/21/${stored}`,
    ...overrides,
  };
}

export const stampOrderPage = (items: StampOrderView[]) => ({ items, total: items.length, page: 1, pageSize: 20 });

export const STAMP_LAYOUTS = {
  items: [
    { name: 'a4-65', kind: 'sheet', perPage: 65, labelWidthMm: 38.1, labelHeightMm: 21.2 },
    { name: 'roll-40x25', kind: 'roll', perPage: 1, labelWidthMm: 40, labelHeightMm: 25 },
  ],
};
