import {
  buildHarvestEvent,
  buildPackingEvents,
  buildProcessingEvent,
  buildReceivingEvent,
  buildShippingEvent,
  type EpcisEventJson,
  provinceCartonUri,
  provinceCommuneUri,
  provinceProducerUri,
  provinceSiteUri,
} from '@ocop/domain/traceability';
import { describe, expect, it } from 'vitest';
import { validateEpcisDocument } from '../epcis/epcis-document';
import { eventHashId } from '../epcis/epcis-event-id';

const AT = new Date('2026-03-02T02:15:00Z');
const FARM = { uri: provinceSiteUri('0190a3b2-7c4d-7e8f-9a0b-1c2d3e4f5a6b'), name: 'Đồi chè Tà Xùa' };
const FACTORY = { uri: 'https://id.gs1.org/414/8934567000017', name: 'Xưởng chế biến' };
const OWNER = provinceProducerUri('0190a3b2-7c4d-7e8f-9a0b-1c2d3e4f5a6c');
const LEAF = 'urn:ocop:vn:lot:14-03670-007-2026:LA-01';
const TEA = 'https://id.gs1.org/01/08934567000016/10/BT%2F01';
const master = { producedOn: '2026-03-01', expiresOn: null, growingAreaCode: 'VN-SLTX-0012', growingAreaCommuneCode: '03868' };
const shop = { uri: provinceCommuneUri('00004'), name: 'Cửa hàng OCOP Ba Đình', communeCode: '00004' };

/** Every kind of event the phone forms produce, with every optional field they may carry. */
function everyStepEvent(): EpcisEventJson[] {
  return [
    buildHarvestEvent({
      eventTime: AT,
      note: 'Thu hái',
      site: FARM,
      lot: { epcClass: LEAF, quantity: '120.5', unit: 'kg', lotCode: 'LA-01', bestBefore: '2026-03-10', ...master },
    }),
    buildProcessingEvent({
      eventTime: AT,
      note: null,
      site: FACTORY,
      inputs: [{ epcClass: LEAF, quantity: '100', unit: 'kg' }],
      output: { epcClass: TEA, quantity: '40', unit: 'box', lotCode: 'BT/01', bestBefore: null, ...master, expiresOn: '2027-03-01' },
    }),
    ...buildPackingEvents({
      eventTime: AT,
      note: null,
      site: FACTORY,
      perCarton: { epcClass: TEA, quantity: '20', unit: 'box' },
      cartons: [1, 2].map((number) => provinceCartonUri({ code: '14-03670-008-2026', lot: 'BT/01', number })),
    }),
    buildShippingEvent({
      eventTime: AT,
      note: null,
      site: FACTORY,
      owner: OWNER,
      lot: { epcClass: TEA, quantity: '40', unit: 'box' },
      destination: shop,
    }),
    buildReceivingEvent({
      eventTime: AT,
      note: 'Đủ',
      owner: OWNER,
      lot: { epcClass: TEA, quantity: '40', unit: 'box' },
      destination: shop,
    }),
  ];
}

describe('the phone forms’ events against GS1’s EPCIS 2.0 schema and our capture checks', () => {
  it('validates every kind of step event in a GS1 document that declares no prefix of ours', async () => {
    const events = everyStepEvent();
    const document = {
      '@context': ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld'],
      type: 'EPCISDocument',
      schemaVersion: '2.0',
      creationDate: '2026-03-02T09:16:00+07:00',
      epcisBody: { eventList: events },
    };
    const validation = await validateEpcisDocument(document);
    expect(validation.ok ? [] : validation.problems).toEqual([]);
    expect(events.map((event) => event.type)).toEqual([
      'ObjectEvent',
      'TransformationEvent',
      'AggregationEvent',
      'AggregationEvent',
      'ObjectEvent',
      'ObjectEvent',
    ]);
  });

  it('needs the event’s own context: without it the ocop fields are undeclared', async () => {
    const { '@context': _context, ...bare } = everyStepEvent()[0] as EpcisEventJson;
    const validation = await validateEpcisDocument({
      '@context': ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld'],
      type: 'EPCISDocument',
      schemaVersion: '2.0',
      creationDate: '2026-03-02T09:16:00+07:00',
      epcisBody: { eventList: [bare] },
    });
    expect(validation.ok ? [] : validation.problems.map((problem) => problem.code)).toContain('epcis.field_not_namespaced');
  });

  it('gives each event a CBV hash ID, the same for the same step and different for each carton', () => {
    const ids = everyStepEvent().map((event) => eventHashId(event, {}));
    const again = everyStepEvent().map((event) => eventHashId(event, {}));
    expect(ids.every((id) => id.ok)).toBe(true);
    expect(again).toEqual(ids);
    expect(new Set(ids.map((id) => (id.ok ? id.id : ''))).size).toBe(ids.length);
  });
});
