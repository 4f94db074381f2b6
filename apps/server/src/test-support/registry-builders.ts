import { gs1CheckDigit } from '@ocop/domain/registry';
import { randomInt } from 'node:crypto';
import { productGtins } from '../modules/registry/products/product.tables';
import type { Client, TestApp } from './test-app';

/** A fresh tax code of a Sơn La enterprise (Sơn La's tax office prefix is 55). */
export function aTaxCode(prefix = '55'): string {
  return `${prefix}${String(randomInt(0, 10 ** (10 - prefix.length))).padStart(10 - prefix.length, '0')}`;
}

/** A fresh, valid GTIN-13 in the Vietnamese prefix 893. */
export function aGtin13(): string {
  const body = `893${String(randomInt(0, 10 ** 9)).padStart(9, '0')}`;
  return `${body}${gs1CheckDigit(body)}`;
}

export function producerBody(overrides: Record<string, unknown> = {}) {
  return {
    type: 'cooperative',
    name: `Hợp tác xã Chè Tà Xùa ${randomInt(1000, 9999)}`,
    registrationNumber: aTaxCode(),
    communeCode: '03868', // Xã Tà Xùa
    legacyCommuneCode: '03868', // Xã Tà Xùa, Huyện Bắc Yên (2025-03-01)
    address: 'Bản Tà Xùa',
    latitude: 21.3256,
    longitude: 104.4862,
    representativeName: 'Giàng A Páo',
    phone: '0912 345 678',
    email: 'htx.taxua@example.vn',
    foundingYear: 2016,
    memberCount: 25,
    ...overrides,
  };
}

/** The id of the product set with this code in the classification in force (or another version). */
export async function productSetId(t: TestApp, code: string, version?: string): Promise<string> {
  const list = await t.modules.registry.classification.listSets({ version });
  const set = list.items.find((item) => item.code === code);
  if (!set) throw new Error(`no product set ${code}`);
  return set.id;
}

export async function givenProducer(client: Client, overrides: Record<string, unknown> = {}) {
  const response = await client.post('/api/producers', producerBody(overrides));
  if (response.statusCode !== 201) throw new Error(`producer not created: ${response.statusCode} ${response.body}`);
  return response.json() as {
    id: string;
    version: number;
    name: string;
    registrationNumber: string;
    provinceCode: string;
    communeCode: string;
  };
}

export async function givenProduct(t: TestApp, client: Client, producerId: string, overrides: Record<string, unknown> = {}) {
  const response = await client.post('/api/products', {
    producerId,
    productSetId: await productSetId(t, '1.5.1'),
    nameVi: `Chè Shan tuyết Tà Xùa ${randomInt(1000, 9999)}`,
    ...overrides,
  });
  if (response.statusCode !== 201) throw new Error(`product not created: ${response.statusCode} ${response.body}`);
  return response.json() as { id: string; version: number; code: string; slug: string; nameVi: string; gtins: string[] };
}

/** Gives an existing product (e.g. a certified dossier's) a GTIN, as the registry stores it (14 digits). */
export async function givenProductGtin(t: TestApp, productId: string, gtin13: string) {
  await t.database.db.insert(productGtins).values({ gtin: `0${gtin13}`, productId, position: 0, createdAt: t.clock.now() });
}
