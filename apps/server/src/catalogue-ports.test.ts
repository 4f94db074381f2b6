import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogueSourcesPort } from './catalogue-ports';
import { givenLegacyCertificate } from './test-support/certification-builders';
import { givenProducer, givenProduct } from './test-support/registry-builders';
import { startTestApp, type TestApp } from './test-support/test-app';

describe("the catalogue's change token (one query on the registry and the certificates)", () => {
  let t: TestApp;
  let token: () => Promise<string>;
  beforeAll(async () => {
    t = await startTestApp();
    const { registry, certification, geography } = t.modules;
    token = catalogueSourcesPort({ registry, certification, geography }).changeToken;
  });
  afterAll(async () => t.close());

  /** The token after `write`, asserting it moved (the clock moves a second first, as it does between two real writes). */
  const changedBy = async (write: () => Promise<unknown>) => {
    const before = await token();
    t.clock.advance(1_000);
    await write();
    const after = await token();
    expect(after).not.toBe(before);
    return after;
  };

  it('stays the same while nothing changes, and moves with each write the catalogue shows and with the day', async () => {
    const officer = await t.as({ role: 'province_officer' });
    const first = await token();
    expect(await token()).toBe(first);

    let producer = '';
    await changedBy(async () => {
      producer = (await givenProducer(officer, { name: 'HTX Chè Tà Xùa' })).id;
    });
    let product: { id: string; version: number } = { id: '', version: 0 };
    await changedBy(async () => {
      product = await givenProduct(t, officer, producer, { nameVi: 'Chè Shan tuyết Tà Xùa' });
    });
    await changedBy(() =>
      givenLegacyCertificate(t, {
        expiresOn: '2028-05-01',
        producerId: producer,
        productId: product.id,
        productName: 'Chè Shan tuyết',
        stars: 4,
      }),
    );
    await changedBy(async () => {
      const response = await officer.patch(`/api/products/${product.id}`, { version: product.version, nameVi: 'Chè Shan tuyết cổ thụ' });
      expect(response.statusCode).toBe(200);
    });
    const settled = await token();
    expect(await token()).toBe(settled);

    // A new day in Vietnam: a certificate may have expired overnight.
    t.clock.advance(24 * 60 * 60 * 1000);
    expect(await token()).not.toBe(settled);
  });
});
