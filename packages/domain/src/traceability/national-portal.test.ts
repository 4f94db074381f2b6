import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/domain-error';
import {
  checkPortalPeriod,
  namedKeys,
  readTraceKey,
  timeWithOffset,
  toPortalEvent,
  toPortalLot,
  toPortalOrganisation,
  toPortalProduct,
} from './national-portal';

const codeOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, details: error.details };
    throw error;
  }
  return null;
};

describe('national portal: the export period', () => {
  it.each([
    ['2026-01-01', '2026-01-01', 1],
    ['2026-01-01', '2026-12-31', 365],
    ['2028-01-01', '2028-12-31', 366],
    ['2025-07-01', '2026-07-01', 366],
  ])('%s … %s is %i days', (from, to, days) => {
    expect(checkPortalPeriod(from, to)).toBe(days);
  });

  it('refuses 367 days, naming the length and the bound', () => {
    expect(codeOf(() => checkPortalPeriod('2025-07-01', '2026-07-02'))).toEqual({
      code: 'portal_export.period_too_long',
      details: { field: 'to', days: 367, maxDays: 366 },
    });
  });

  it.each([
    ['2026-02-30', '2026-03-01', 'from'],
    ['2026-03-01', '2026-02-28', 'to'],
    ['2026-03-01', '2026-13-01', 'to'],
  ])('refuses %s … %s (the %s field)', (from, to, field) => {
    expect(codeOf(() => checkPortalPeriod(from, to))).toMatchObject({ code: 'portal_export.period_invalid', details: { field } });
  });
});

describe('national portal: times', () => {
  it.each([
    ['2026-02-20T01:30:00Z', '+07:00', '2026-02-20T08:30:00+07:00'],
    ['2026-02-20T01:30:00.250Z', '+07:00', '2026-02-20T08:30:00.250+07:00'],
    ['2026-02-20T20:00:00+00:00', '+07:00', '2026-02-21T03:00:00+07:00'],
    ['2026-02-20T01:30:00Z', '-05:30', '2026-02-19T20:00:00-05:30'],
  ])('%s in %s is %s', (instant, offset, expected) => {
    expect(timeWithOffset(instant, offset)).toBe(expected);
  });
});

describe('national portal: keys', () => {
  it('reads province URNs and GS1 Digital Links into product, lot and serial', () => {
    expect(readTraceKey('urn:ocop:vn:lot:14-03868-001-2026:XUAN%2F01')).toEqual({
      ocopCode: '14-03868-001-2026',
      gtin: null,
      lotCode: 'XUAN/01',
      serial: null,
    });
    expect(readTraceKey('urn:ocop:vn:product:14-03868-001-2026')).toMatchObject({ ocopCode: '14-03868-001-2026', lotCode: null });
    expect(readTraceKey('https://id.gs1.org/01/08935049500018/10/L1')).toMatchObject({ gtin: '08935049500018', lotCode: 'L1' });
    expect(readTraceKey('https://id.gs1.org/01/08935049500018/21/S9')).toMatchObject({ gtin: '08935049500018', serial: 'S9' });
    expect(readTraceKey('urn:example:thing')).toEqual({ ocopCode: null, gtin: null, lotCode: null, serial: null });
  });

  it('lists every key an event names with its role and quantity', () => {
    const keys = namedKeys({
      parentID: 'urn:p',
      epcList: ['urn:e'],
      quantityList: [{ epcClass: 'urn:q', quantity: 2.5, uom: 'KGM' }],
      inputQuantityList: [{ epcClass: 'urn:i', quantity: 10 }],
      outputEPCList: ['urn:o'],
      childEPCs: ['urn:c'],
    });
    expect(keys).toEqual([
      { role: 'parent', uri: 'urn:p', quantity: null, uom: null },
      { role: 'epc', uri: 'urn:e', quantity: null, uom: null },
      { role: 'epc', uri: 'urn:q', quantity: 2.5, uom: 'KGM' },
      { role: 'child', uri: 'urn:c', quantity: null, uom: null },
      { role: 'input', uri: 'urn:i', quantity: 10, uom: null },
      { role: 'output', uri: 'urn:o', quantity: null, uom: null },
    ]);
  });
});

describe('national portal: records', () => {
  it('maps an event: Vietnamese stage, local time, place GLN, disposition, resolved lot', () => {
    const lotUri = 'urn:ocop:vn:lot:14-03868-001-2026:L1';
    const portal = toPortalEvent({
      event: {
        type: 'ObjectEvent',
        eventID: 'urn:uuid:1',
        eventTime: '2026-02-20T01:30:00Z',
        eventTimeZoneOffset: '+07:00',
        action: 'OBSERVE',
        bizStep: 'shipping',
        disposition: 'in_transit',
        bizLocation: { id: 'urn:epc:id:sgln:893504950.001.0' },
        quantityList: [{ epcClass: lotUri, quantity: 20, uom: 'KGM' }],
        destinationList: [{ type: 'owning_party', destination: 'urn:epc:id:pgln:893504950.002' }],
      },
      eventId: 'urn:uuid:1',
      eventTime: new Date('2026-02-20T01:30:00Z'),
      eventType: 'ObjectEvent',
      recordTime: new Date('2026-02-20T02:00:00Z'),
      producerId: 'p1',
      resolve: (uri) => (uri === lotUri ? { productId: 'prod-1', lotId: 'lot-1' } : { productId: null, lotId: null }),
    });
    expect(portal).toMatchObject({
      eventId: 'urn:uuid:1',
      stage: 'shipping',
      stageVi: 'Xuất hàng',
      bizStep: 'https://ref.gs1.org/cbv/BizStep-shipping',
      eventTime: '2026-02-20T08:30:00+07:00',
      recordTime: '2026-02-20T02:00:00.000Z',
      place: { bizLocation: 'urn:epc:id:sgln:893504950.001.0', gln: '8935049500018', readPoint: null },
      disposition: 'https://ref.gs1.org/cbv/Disp-in_transit',
      dispositionVi: 'Đang vận chuyển',
      organisationId: 'p1',
      destinations: [{ type: 'https://ref.gs1.org/cbv/SDT-owning_party', id: 'urn:epc:id:pgln:893504950.002' }],
    });
    expect(portal.items).toEqual([
      {
        role: 'epc',
        uri: lotUri,
        ocopCode: '14-03868-001-2026',
        gtin: null,
        lotCode: 'L1',
        serial: null,
        productId: 'prod-1',
        lotId: 'lot-1',
        quantity: 20,
        uom: 'KGM',
      },
    ]);
  });

  it('labels a step of a private vocabulary "Khác" and keeps its URI', () => {
    const portal = toPortalEvent({
      event: { eventID: 'x', eventTime: '2026-02-20T01:30:00Z', eventTimeZoneOffset: '+07:00', bizStep: 'https://ocop.vn/voc/say-kho' },
      eventId: 'x',
      eventTime: new Date('2026-02-20T01:30:00Z'),
      eventType: 'ObjectEvent',
      recordTime: new Date('2026-02-20T02:00:00Z'),
      producerId: null,
      resolve: () => ({ productId: null, lotId: null }),
    });
    expect(portal).toMatchObject({ stage: null, stageVi: 'Khác', bizStep: 'https://ocop.vn/voc/say-kho', items: [] });
  });

  it('maps an organisation, a product with its stars and a lot with its unit', () => {
    expect(
      toPortalOrganisation({
        id: 'p1',
        name: 'HTX Chè Tà Xùa',
        type: 'cooperative',
        registrationNumber: '5500123456',
        provinceCode: '14',
        communeCode: '03868',
        address: 'Bản Bẹ',
        representativeName: null,
        phone: '0912345678',
        email: null,
        latitude: null,
        longitude: null,
      }),
    ).toMatchObject({
      organisationTypeVi: 'Hợp tác xã',
      gln: null,
      address: { street: 'Bản Bẹ', communeCode: '03868', provinceCode: '14', countryCode: 'VN' },
      location: null,
    });
    expect(
      toPortalProduct({
        id: 'prod-1',
        code: '14-03868-001-2026',
        producerId: 'p1',
        nameVi: 'Chè Shan tuyết',
        nameEn: null,
        productSet: { code: '2.1', name: 'Chè', groupCode: '2', groupName: 'Đồ uống' },
        gtins: ['08935049500018', '08935049500025'],
        netQuantity: '500 g',
        packaging: null,
        shelfLife: '24 tháng',
        mark: { stars: 4, certificateNumber: '12/GCN', validUntil: '2028-01-01' },
      }),
    ).toMatchObject({ gtin: '08935049500018', otherGtins: ['08935049500025'], ocopStars: 4, productGroup: { code: '2' } });
    expect(
      toPortalLot({
        id: 'lot-1',
        classUri: 'urn:ocop:vn:lot:14-03868-001-2026:L1',
        lotCode: 'L1',
        productId: 'prod-1',
        productCode: '14-03868-001-2026',
        gtin: null,
        producerId: 'p1',
        producedOn: '2026-02-20',
        expiresOn: null,
        bestBefore: '2027-02-20',
        quantity: '120.500',
        unit: 'l',
        growingAreaCode: null,
        growingAreaCommuneCode: null,
        provinceCode: '14',
      }),
    ).toMatchObject({ quantity: 120.5, unit: 'l', unitVi: 'lít', unitUom: 'LTR', growingArea: null, bestBeforeDate: '2027-02-20' });
  });
});
