import { givenLegacyCertificate } from './certification-builders';
import { givenProducer, givenProduct } from './registry-builders';
import { startTestApp, type TestApp } from './test-app';
import { producerPath } from '../modules/catalogue/producers/producer-index';

/** Test data of the producer pages and inquiries: certified producers, their members, a form post helper. */
export async function startInquiryApp() {
  const t = await startTestApp({
    settings: { trustProxy: true, inquiryLimits: { perAddress: 5, perAddressMinutes: 10, perProducerPerDay: 4 } },
  });
  const officer = await t.as({ role: 'province_officer' });
  const certifiedProducer = async (name: string, productName: string) => {
    const producer = await givenProducer(officer, { name });
    const product = await givenProduct(t, officer, producer.id, { nameVi: productName, nameEn: `${productName} (EN)` });
    await givenLegacyCertificate(t, { expiresOn: '2028-05-01', producerId: producer.id, productId: product.id, productName, stars: 4 });
    const member = await t.as({ role: 'producer_member', producerId: producer.id });
    return { producer, product, member, path: producerPath(producer) };
  };
  const a = await certifiedProducer('HTX Nông lâm nghiệp Bắc Yên', 'Rượu táo mèo Bắc Yên');
  const b = await certifiedProducer('HTX Chè Tà Xùa', 'Chè Shan tuyết Tà Xùa');
  const flood = await certifiedProducer('Hộ Mật ong Mộc Châu', 'Mật ong hoa ban Mộc Châu');
  const uncertified = await givenProducer(officer, { name: 'HTX Chưa có sản phẩm' });
  return { t, officer, a, b, flood, uncertified };
}

/** The form token of a rendered page. */
export function tokenIn(page: string): string {
  const token = /name="token" value="([^"]+)"/.exec(page)?.[1];
  if (!token) throw new Error('no form token in the page');
  return token;
}

/** Posts the inquiry form as a browser does, from one client address. */
export function postForm(t: TestApp, fields: Record<string, string>, address: string) {
  return t.anonymous.post('/hoi-mua', new URLSearchParams(fields).toString(), {
    'content-type': 'application/x-www-form-urlencoded',
    'x-forwarded-for': address,
  });
}
