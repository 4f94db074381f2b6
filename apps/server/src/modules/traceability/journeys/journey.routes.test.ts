import type { LotJourney, LotView } from '@ocop/contracts/traceability';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { givenProduct, givenProducer } from '../../../test-support/registry-builders';
import { type Client, startTestApp, type TestApp } from '../../../test-support/test-app';
import { epcisDocument, harvestEvent } from '../../../test-support/epcis-builders';

const at = (day: number, hour: number) => `2026-02-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00+07:00`;

describe('the journey of a lot', () => {
  let t: TestApp;
  let member: Client;
  let otherMember: Client;
  let product: { id: string; code: string };

  beforeAll(async () => {
    t = await startTestApp(); // 2026-03-02
    const officer = await t.as({ role: 'province_officer' });
    const producerId = (await givenProducer(officer)).id;
    product = await givenProduct(t, officer, producerId);
    member = await t.as({ role: 'producer_member', producerId });
    otherMember = await t.as({ role: 'producer_member', producerId: (await givenProducer(officer)).id });
  });
  afterAll(async () => t.close());

  const newLot = async (lotCode: string) => {
    const response = await member.post('/api/traceability/lots', {
      productId: product.id,
      lotCode,
      producedOn: '2026-02-10',
      quantity: 50,
      unit: 'kg',
    });
    expect(response.statusCode).toBe(201);
    return response.json() as LotView;
  };

  it('tells harvest of three input lots → processing → packing → shipping → receiving, in order, and nothing after the inputs were used', async () => {
    const inputs = [await newLot('LA-1'), await newLot('LA-2'), await newLot('LA-3')];
    const output = await newLot('CHE-01');
    const carton = `urn:ocop:vn:carton:${product.code}:CHE-01:1`;
    const events = [
      ...inputs.map((lot, i) => harvestEvent(lot.classUri, { eventTime: at(10 + i, 7) })),
      {
        type: 'TransformationEvent',
        eventTime: at(14, 8),
        eventTimeZoneOffset: '+07:00',
        inputQuantityList: inputs.map((lot) => ({ epcClass: lot.classUri, quantity: 50, uom: 'KGM' })),
        outputQuantityList: [{ epcClass: output.classUri, quantity: 30, uom: 'KGM' }],
        bizStep: 'commissioning',
        disposition: 'active',
      },
      {
        type: 'AggregationEvent',
        eventTime: at(15, 8),
        eventTimeZoneOffset: '+07:00',
        parentID: carton,
        childQuantityList: [{ epcClass: output.classUri, quantity: 10, uom: 'KGM' }],
        action: 'ADD',
        bizStep: 'packing',
        disposition: 'in_progress',
      },
      {
        type: 'ObjectEvent',
        eventTime: at(16, 9),
        eventTimeZoneOffset: '+07:00',
        epcList: [carton],
        action: 'OBSERVE',
        bizStep: 'shipping',
        disposition: 'in_transit',
        'ex:destinationName': 'x',
      },
      {
        type: 'ObjectEvent',
        eventTime: at(17, 9),
        eventTimeZoneOffset: '+07:00',
        epcList: [carton],
        action: 'OBSERVE',
        bizStep: 'receiving',
        disposition: 'sellable_accessible',
      },
      // An input lot's later event is not part of the output's story.
      harvestEvent(inputs[0]?.classUri ?? '', { eventTime: at(20, 7), bizStep: 'inspecting', action: 'OBSERVE' }),
    ];
    const captured = await member.post('/epcis/capture', epcisDocument(events));
    expect(captured.statusCode).toBe(202);

    const response = await member.get(`/api/traceability/lots/${output.id}/journey`);
    expect(response.statusCode).toBe(200);
    const journey = response.json() as LotJourney;
    expect(journey.steps.map((step) => [step.kind, step.lotCode])).toEqual([
      ['harvest', 'LA-1'],
      ['harvest', 'LA-2'],
      ['harvest', 'LA-3'],
      ['processing', 'CHE-01'],
      ['packing', 'CHE-01'],
      ['shipping', 'CHE-01'],
      ['receiving', 'CHE-01'],
    ]);
    expect(journey.steps[3]).toMatchObject({ labelVi: 'Chế biến', fromLots: ['LA-1', 'LA-2', 'LA-3'], eventTime: at(14, 8) });
    expect(journey.steps[0]?.productName).toBe(journey.steps[6]?.productName);

    const own = (await member.get(`/api/traceability/lots/${inputs[0]?.id}/journey`)).json() as LotJourney;
    expect(own.steps.map((step) => step.labelVi)).toEqual(['Thu hoạch, tạo lô', 'Chế biến', 'Kiểm tra']);
  });

  it('fixes the code of a lot events name, and leaves its other fields open', async () => {
    const lot = await newLot('LC-1');
    expect((await member.post('/epcis/capture', epcisDocument([harvestEvent(lot.classUri, { eventTime: at(11, 6) })]))).statusCode).toBe(
      202,
    );
    const { id: _id, productId: _p, producerId: _pr, provinceCode: _pc, classUri: _c, createdAt: _ca, updatedAt: _u, ...fields } = lot;
    const renamed = await member.put(`/api/traceability/lots/${lot.id}`, { ...fields, lotCode: 'LC-2' });
    expect(renamed.statusCode).toBe(409);
    expect(renamed.json()).toMatchObject({ code: 'lot.code_locked', details: { lotCode: 'LC-1' } });
    const corrected = await member.put(`/api/traceability/lots/${lot.id}`, { ...fields, quantity: 49 });
    expect(corrected.statusCode).toBe(200);
    expect(corrected.json()).toMatchObject({ lotCode: 'LC-1', quantity: 49, classUri: lot.classUri });
  });

  it('is not shown to another producer', async () => {
    const lot = await newLot('LB-1');
    expect((await otherMember.get(`/api/traceability/lots/${lot.id}/journey`)).statusCode).toBe(404);
  });
});
