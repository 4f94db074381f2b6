/** EPCIS 2.0 documents and events for tests: a GS1 context with one namespace of our own, realistic fields. */

export const GS1_CONTEXT = 'https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld';

export function epcisDocument(
  events: Record<string, unknown>[],
  extraContext: Record<string, string> = { ex: 'https://example.vn/epcis/' },
) {
  return {
    '@context': [GS1_CONTEXT, extraContext],
    type: 'EPCISDocument',
    schemaVersion: '2.0',
    creationDate: '2026-03-01T08:00:00+07:00',
    epcisBody: { eventList: events },
  };
}

export function harvestEvent(lotClass: string, overrides: Record<string, unknown> = {}) {
  return {
    type: 'ObjectEvent',
    eventTime: '2026-03-01T07:30:00+07:00',
    eventTimeZoneOffset: '+07:00',
    epcList: [],
    quantityList: [{ epcClass: lotClass, quantity: 120.5, uom: 'KGM' }],
    action: 'ADD',
    bizStep: 'commissioning',
    disposition: 'active',
    readPoint: { id: 'urn:ocop:vn:site:test-farm' },
    'ex:note': 'Thu hái vụ xuân',
    ...overrides,
  };
}
