import { describe, expect, it } from 'vitest';
import { parseProvinceCartonUri, provinceCartonUri } from './province-code';
import {
  buildHarvestEvent,
  buildPackingEvents,
  buildProcessingEvent,
  buildReceivingEvent,
  buildShippingEvent,
  isStepTimeTooLate,
  vietnamDateTime,
} from './step-events';

const AT = new Date('2026-03-02T02:15:00Z'); // 09:15 in Vietnam
const FARM = { uri: 'urn:ocop:vn:site:0190a3b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b', name: 'Đồi chè Tà Xùa' };
const FACTORY = { uri: 'https://id.gs1.org/414/8934567000017', name: 'Xưởng chế biến HTX' };
const LEAF = 'urn:ocop:vn:lot:14-03670-007-2026:LA-2026-01';
const TEA = 'urn:ocop:vn:lot:14-03670-008-2026:BT-2026-01';
const OWNER = 'urn:ocop:vn:producer:0190a3b2-7c4d-7e8f-9a0b-1c2d3e4f5a6c';
const leafLot = {
  epcClass: LEAF,
  quantity: '120.5',
  unit: 'kg' as const,
  lotCode: 'LA-2026-01',
  producedOn: '2026-03-01',
  expiresOn: null,
  bestBefore: '2026-03-10',
  growingAreaCode: 'VN-SLTX-0012',
  growingAreaCommuneCode: '03868',
};
const shop = { uri: 'urn:ocop:vn:commune:00004', name: 'Cửa hàng OCOP Ba Đình', communeCode: '00004' };
const CONTEXT = [{ ocop: 'https://ocop.vn/epcis/', cbvmda: 'urn:epcglobal:cbv:mda:' }];

describe('step events', () => {
  it('writes times in Vietnam time with the offset', () => {
    expect(vietnamDateTime(AT)).toBe('2026-03-02T09:15:00.000+07:00');
    expect(vietnamDateTime(new Date('2026-03-01T20:00:00Z'))).toBe('2026-03-02T03:00:00.000+07:00');
  });

  it('allows a phone clock up to 10 minutes ahead, not more', () => {
    expect(isStepTimeTooLate(new Date(AT.getTime() + 600_000), AT)).toBe(false);
    expect(isStepTimeTooLate(new Date(AT.getTime() + 600_001), AT)).toBe(true);
  });

  it('builds a harvest as a commissioning ObjectEvent with the lot dates in the ILMD', () => {
    expect(buildHarvestEvent({ eventTime: AT, note: 'Thu hái vụ xuân', site: FARM, lot: leafLot })).toEqual({
      type: 'ObjectEvent',
      '@context': CONTEXT,
      eventTime: '2026-03-02T09:15:00.000+07:00',
      eventTimeZoneOffset: '+07:00',
      readPoint: { id: FARM.uri },
      'ocop:placeName': 'Đồi chè Tà Xùa',
      action: 'ADD',
      bizStep: 'commissioning',
      disposition: 'active',
      quantityList: [{ epcClass: LEAF, quantity: 120.5, uom: 'KGM' }],
      bizLocation: { id: FARM.uri },
      ilmd: {
        'cbvmda:lotNumber': 'LA-2026-01',
        'ocop:productionDate': '2026-03-01',
        'cbvmda:bestBeforeDate': '2026-03-10',
        'ocop:growingAreaCode': 'VN-SLTX-0012',
        'ocop:growingAreaCommune': 'urn:ocop:vn:commune:03868',
      },
      'ocop:note': 'Thu hái vụ xuân',
    });
  });

  it('leaves out the uom of a counted unit, and the dates and note a lot does not have', () => {
    const event = buildHarvestEvent({
      eventTime: AT,
      note: null,
      site: FARM,
      lot: {
        ...leafLot,
        unit: 'box',
        quantity: '40',
        bestBefore: null,
        expiresOn: '2027-03-01',
        growingAreaCode: null,
        growingAreaCommuneCode: null,
      },
    });
    expect(event.quantityList).toEqual([{ epcClass: LEAF, quantity: 40 }]);
    expect(event.ilmd).toEqual({
      'cbvmda:lotNumber': 'LA-2026-01',
      'ocop:productionDate': '2026-03-01',
      'cbvmda:itemExpirationDate': '2027-03-01',
    });
    expect(event).not.toHaveProperty('ocop:note');
  });

  it('builds processing as a TransformationEvent from the input lots to the output lot', () => {
    const event = buildProcessingEvent({
      eventTime: AT,
      note: null,
      site: FACTORY,
      inputs: [
        { epcClass: LEAF, quantity: '100', unit: 'kg' },
        { epcClass: 'urn:ocop:vn:lot:14-03670-007-2026:LA-2026-02', quantity: '20.25', unit: 'kg' },
      ],
      output: {
        ...leafLot,
        epcClass: TEA,
        quantity: '25',
        lotCode: 'BT-2026-01',
        bestBefore: '2027-03-01',
        growingAreaCode: null,
        growingAreaCommuneCode: null,
      },
    });
    expect(event).toMatchObject({
      type: 'TransformationEvent',
      '@context': CONTEXT,
      bizStep: 'creating_class_instance',
      disposition: 'active',
      readPoint: { id: FACTORY.uri },
      bizLocation: { id: FACTORY.uri },
      inputQuantityList: [
        { epcClass: LEAF, quantity: 100, uom: 'KGM' },
        { epcClass: 'urn:ocop:vn:lot:14-03670-007-2026:LA-2026-02', quantity: 20.25, uom: 'KGM' },
      ],
      outputQuantityList: [{ epcClass: TEA, quantity: 25, uom: 'KGM' }],
      ilmd: { 'cbvmda:lotNumber': 'BT-2026-01', 'cbvmda:bestBeforeDate': '2027-03-01' },
    });
    expect(event).not.toHaveProperty('action');
  });

  it('refuses processing without inputs or with more than 20', () => {
    const input = { epcClass: LEAF, quantity: '1', unit: 'kg' as const };
    const step = { eventTime: AT, note: null, site: FACTORY, output: { ...leafLot, epcClass: TEA } };
    expect(() => buildProcessingEvent({ ...step, inputs: [] })).toThrow();
    expect(() => buildProcessingEvent({ ...step, inputs: Array(21).fill(input) })).toThrow();
    expect(buildProcessingEvent({ ...step, inputs: Array(20).fill(input) }).inputQuantityList).toHaveLength(20);
  });

  it('packs one AggregationEvent per carton, each carton its own parent', () => {
    const cartons = [1, 2, 3].map((number) => provinceCartonUri({ code: '14-03670-008-2026', lot: 'BT-2026-01', number }));
    const events = buildPackingEvents({
      eventTime: AT,
      note: null,
      site: FACTORY,
      perCarton: { epcClass: TEA, quantity: '20', unit: 'box' },
      cartons,
    });
    expect(events).toHaveLength(3);
    expect(events.map((event) => parseProvinceCartonUri(String(event.parentID))?.number)).toEqual([1, 2, 3]);
    expect(events[0]).toMatchObject({
      type: 'AggregationEvent',
      action: 'ADD',
      bizStep: 'packing',
      disposition: 'in_progress',
      childQuantityList: [{ epcClass: TEA, quantity: 20 }],
      readPoint: { id: FACTORY.uri },
    });
    expect(() =>
      buildPackingEvents({
        eventTime: AT,
        note: null,
        site: FACTORY,
        perCarton: { epcClass: TEA, quantity: '1', unit: 'box' },
        cartons: [],
      }),
    ).toThrow();
  });

  it('ships from a site to a sales point known by name and commune', () => {
    const event = buildShippingEvent({
      eventTime: AT,
      note: null,
      site: FACTORY,
      owner: OWNER,
      lot: { epcClass: TEA, quantity: '25', unit: 'kg' },
      destination: shop,
    });
    expect(event).toMatchObject({
      type: 'ObjectEvent',
      action: 'OBSERVE',
      bizStep: 'shipping',
      disposition: 'in_transit',
      readPoint: { id: FACTORY.uri },
      sourceList: [
        { type: 'owning_party', source: OWNER },
        { type: 'location', source: FACTORY.uri },
      ],
      destinationList: [{ type: 'location', destination: shop.uri }],
      'ocop:destinationName': 'Cửa hàng OCOP Ba Đình',
      'ocop:destinationCommune': 'urn:ocop:vn:commune:00004',
    });
    expect(event).not.toHaveProperty('bizLocation');
  });

  it('receives at the sales point, read and kept there, sellable', () => {
    const event = buildReceivingEvent({
      eventTime: AT,
      note: 'Đủ hàng',
      owner: OWNER,
      lot: { epcClass: TEA, quantity: '25', unit: 'kg' },
      destination: shop,
    });
    expect(event).toMatchObject({
      type: 'ObjectEvent',
      action: 'OBSERVE',
      bizStep: 'receiving',
      disposition: 'sellable_accessible',
      readPoint: { id: shop.uri },
      bizLocation: { id: shop.uri },
      'ocop:placeName': 'Cửa hàng OCOP Ba Đình',
      'ocop:note': 'Đủ hàng',
    });
  });
});
