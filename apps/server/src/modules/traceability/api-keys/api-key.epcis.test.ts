import type { CreatedApiKeyView } from '@ocop/contracts/api-keys';
import type { LotView } from '@ocop/contracts/traceability';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { givenProduct, givenProducer } from '../../../test-support/registry-builders';
import { type Client, startTestApp, type TestApp } from '../../../test-support/test-app';
import { epcisCaptures } from '../epcis/epcis.tables';

const GS1 = 'https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld';

/** A one-event EPCISDocument: the harvest of some quantity of a lot class. */
function harvest(lotClass: string, eventTime = '2026-03-01T07:30:00+07:00') {
  return {
    '@context': [GS1],
    type: 'EPCISDocument',
    schemaVersion: '2.0',
    creationDate: '2026-03-01T08:00:00+07:00',
    epcisBody: {
      eventList: [
        {
          type: 'ObjectEvent',
          eventTime,
          eventTimeZoneOffset: '+07:00',
          epcList: [],
          quantityList: [{ epcClass: lotClass, quantity: 120.5, uom: 'KGM' }],
          action: 'ADD',
          bizStep: 'commissioning',
          disposition: 'active',
        },
      ],
    },
  };
}

/** The real app end to end: a producer's software captures and queries EPCIS with its key, and nothing more. */
describe('EPCIS through an API key', () => {
  let t: TestApp;
  let member: Client;
  let lot: LotView;
  let otherLotClass: string;
  let key: CreatedApiKeyView;
  let readOnly: CreatedApiKeyView;

  beforeAll(async () => {
    t = await startTestApp();
    const officer = await t.as({ role: 'province_officer' });
    const producerId = (await givenProducer(officer)).id;
    const product = await givenProduct(t, officer, producerId);
    member = await t.as({ role: 'producer_member', producerId });
    lot = (
      await member.post('/api/traceability/lots', {
        productId: product.id,
        lotCode: 'XUAN-01',
        producedOn: '2026-02-20',
        quantity: 120.5,
        unit: 'kg',
      })
    ).json() as LotView;
    const other = await givenProduct(t, officer, (await givenProducer(officer)).id);
    otherLotClass = `urn:ocop:vn:lot:${other.code}:A1`;
    const issue = async (scopes: string[]) =>
      (
        await member.post('/api/traceability/api-keys', { producerId, name: `ERP ${scopes.join(' ')}`, scopes })
      ).json() as CreatedApiKeyView;
    key = await issue(['epcis:capture', 'epcis:read']);
    readOnly = await issue(['epcis:read']);
  });
  afterAll(async () => t.close());

  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  it('captures its producer’s lot with the key alone (no cookie, no CSRF token), records the key on the capture, and reads it back', async () => {
    const response = await t.anonymous.post('/epcis/capture', harvest(lot.classUri), bearer(key.token));
    expect(response.statusCode).toBe(202);
    const location = String(response.headers.location);
    const job = await t.anonymous.get(location, bearer(key.token));
    expect(job.statusCode).toBe(200);
    expect(job.json()).toMatchObject({ success: true, storedCount: 1 });

    const [capture] = await t.database.db
      .select()
      .from(epcisCaptures)
      .where(eq(epcisCaptures.id, location.split('/').at(-1) ?? ''));
    expect(capture).toMatchObject({ apiKeyId: key.id, userId: null });

    const events = await t.anonymous.get(`/epcis/events?MATCH_epcClass=${encodeURIComponent(lot.classUri)}`, bearer(readOnly.token));
    expect(events.statusCode).toBe(200);
    expect(events.json().epcisBody.queryResults.resultsBody.eventList).toHaveLength(1);
  });

  it('refuses another producer’s product with 403 and stores nothing', async () => {
    const response = await t.anonymous.post('/epcis/capture', harvest(otherLotClass), bearer(key.token));
    expect(response.statusCode).toBe(403);
    expect(response.json()).toMatchObject({ code: 'epcis.capture_forbidden' });
  });

  it('refuses a capture with a read-only key (403), and any call with a revoked key (401)', async () => {
    const refused = await t.anonymous.post('/epcis/capture', harvest(lot.classUri, '2026-03-01T09:00:00+07:00'), bearer(readOnly.token));
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'auth.forbidden' });

    expect((await member.post(`/api/traceability/api-keys/${key.id}/revocation`)).statusCode).toBe(200);
    const revoked = await t.anonymous.post('/epcis/capture', harvest(lot.classUri, '2026-03-01T10:00:00+07:00'), bearer(key.token));
    expect(revoked.statusCode).toBe(401);
    expect(revoked.json()).toMatchObject({ code: 'auth.api_key_invalid' });
    expect(revoked.headers['www-authenticate']).toBe('Bearer realm="ocop", error="invalid_token"');
  });
});
