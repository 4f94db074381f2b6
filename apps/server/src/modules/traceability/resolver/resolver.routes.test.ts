import { withCheckDigit } from '@ocop/domain/traceability';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { givenCertificate } from '../../../test-support/certification-builders';
import { aGtin13, givenProduct, givenProductGtin, givenProducer } from '../../../test-support/registry-builders';
import { type Client, startTestApp, type TestApp } from '../../../test-support/test-app';

const SERIAL = '7K3M9QX2VB4T8H1RZC5N';

describe('GS1 Digital Link resolver', () => {
  let t: TestApp;
  let officer: Client;
  let certified: { gtin13: string; productId: string; certificateId: string; number: string };
  let uncertifiedGtin: string;

  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });
  const certificatePath = () => `/c/${certified.number.split('/').map(encodeURIComponent).join('/')}`;

  beforeAll(async () => {
    t = await startTestApp();
    const given = await givenCertificate(t);
    officer = given.officer;
    const gtin13 = aGtin13();
    await givenProductGtin(t, given.dossier.productId, gtin13);
    certified = { gtin13, productId: given.dossier.productId, certificateId: given.certificate.id, number: given.certificate.number };
    const producerId = (await givenProducer(officer)).id;
    uncertifiedGtin = aGtin13();
    await givenProduct(t, officer, producerId, { gtins: [uncertifiedGtin] });
  });
  afterAll(async () => t.close());

  describe('redirects (307) to the default link, passing the query string on', () => {
    it('sends a serialised URI to the scan page, with the Link header and CORS', async () => {
      const response = await get(`/01/0${certified.gtin13}/10/XUAN-26/21/${SERIAL}?utm=zalo&linkType=&x=1;y=2`);
      expect(response.statusCode).toBe(307);
      expect(response.headers.location).toBe(`http://localhost/s/${SERIAL}?utm=zalo&x=1;y=2`);
      expect(response.headers['access-control-allow-origin']).toBe('*');
      expect(response.headers['access-control-expose-headers']).toContain('Link');
      const link = String(response.headers.link);
      expect(link).toContain(`<http://localhost/01/0${certified.gtin13}/10/XUAN-26/21/${SERIAL}?linkType=linkset>; rel="linkset"`);
      expect(link).toContain(`<http://localhost/s/${SERIAL}>; rel="https://gs1.org/voc/verificationService"`);
      expect(link).toContain(`<http://localhost${certificatePath()}>; rel="https://gs1.org/voc/certificationInfo"`);
      expect(link.length).toBeLessThanOrEqual(2_048);
      expect(response.body).toBe('');
    });

    it('accepts a 13-digit GTIN and canonicalises it to 14 digits', async () => {
      const response = await get(`/01/${certified.gtin13}/21/${SERIAL}`);
      expect(response.statusCode).toBe(307);
      expect(String(response.headers.link)).toContain(`<http://localhost/01/0${certified.gtin13}/21/${SERIAL}?linkType=linkset>`);
    });

    it('sends a GTIN without serial to the product information (the certificate page until the catalogue has one)', async () => {
      const response = await get(`/01/0${certified.gtin13}`);
      expect(response.statusCode).toBe(307);
      expect(response.headers.location).toBe(`http://localhost${certificatePath()}`);
      const followed = await get(certificatePath());
      expect(followed.statusCode).toBe(200);
    });

    it('answers a made-up serial exactly as a real one: the scan page decides (no enumeration here)', async () => {
      const made = await get(`/01/0${certified.gtin13}/21/ZZZZZZZZZZZZZZZZZZZZ`);
      expect(made.statusCode).toBe(307);
      expect(made.headers.location).toBe('http://localhost/s/ZZZZZZZZZZZZZZZZZZZZ');
    });

    it('answers HEAD like GET, without a body', async () => {
      const response = await t.app.inject({ method: 'HEAD', url: `/01/0${certified.gtin13}/21/${SERIAL}?a=1` });
      expect(response.statusCode).toBe(307);
      expect(response.headers.location).toBe(`http://localhost/s/${SERIAL}?a=1`);
      expect(response.headers['access-control-allow-origin']).toBe('*');
      expect(response.body).toBe('');
    });
  });

  it('leads a real stamp’s QR code to its scan page, which gives the verdict', async () => {
    const order = await officer.post('/api/traceability/stamp-orders', { productId: certified.productId, quantity: 2 });
    expect(order.statusCode).toBe(202); // issued by a job
    await t.settleJobs();
    const [stamp] = (await officer.get(`/api/traceability/stamp-orders/${order.json().id}/stamps?pageSize=2`)).json().items as {
      url: string;
    }[];
    const path = new URL(stamp?.url ?? '').pathname;
    expect(path.startsWith(`/01/0${certified.gtin13}/21/`)).toBe(true);
    const redirect = await get(path);
    expect(redirect.statusCode).toBe(307);
    const page = await get(new URL(String(redirect.headers.location)).pathname, { accept: 'text/html' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Tem chưa kích hoạt');
  });

  describe('linkType', () => {
    it.each([
      ['gs1:certificationInfo', () => `http://localhost${certificatePath()}?q=1`],
      ['https://gs1.org/voc/certificationInfo', () => `http://localhost${certificatePath()}?q=1`],
      ['gs1:pip', () => `http://localhost${certificatePath()}?q=1`],
      ['gs1:traceability', () => `http://localhost/s/${SERIAL}?q=1`],
      ['gs1:verificationService', () => `http://localhost/s/${SERIAL}?q=1`],
    ])('%s selects its link', async (linkType, target) => {
      const response = await get(`/01/0${certified.gtin13}/21/${SERIAL}?linkType=${encodeURIComponent(linkType)}&q=1`);
      expect(response.statusCode).toBe(307);
      expect(response.headers.location).toBe(target());
    });

    it('points a lot to the EPCIS query of its events', async () => {
      const response = await get(`/01/0${certified.gtin13}/10/A%2F1?linkType=gs1:traceability`);
      expect(response.statusCode).toBe(307);
      expect(response.headers.location).toBe(
        `http://localhost/epcis/events?MATCH_epcClass=${encodeURIComponent(`https://id.gs1.org/01/0${certified.gtin13}/10/A%2F1`)}`,
      );
    });

    it('answers 404 for a link type the item lacks, naming those it has', async () => {
      const unknown = await get(`/01/0${certified.gtin13}?linkType=gs1:recipeInfo`, { accept: 'application/json' });
      expect(unknown.statusCode).toBe(404);
      expect(unknown.headers['content-type']).toContain('application/problem+json');
      expect(unknown.json()).toMatchObject({
        code: 'digital_link.link_type_unavailable',
        details: { linkType: 'gs1:recipeInfo', available: 'gs1:pip, gs1:certificationInfo' },
      });
      expect(unknown.headers['access-control-allow-origin']).toBe('*');
      // A link type we offer, but not for a GTIN without serial or lot.
      expect((await get(`/01/0${certified.gtin13}?linkType=gs1:verificationService`)).statusCode).toBe(404);
    });

    it.each([
      ['linkType=linkset', {}],
      ['linkType=all', {}],
      ['', { accept: 'application/linkset+json' }],
    ])('%s %j gives the RFC 9264 linkset', async (query, headers) => {
      const response = await get(`/01/${certified.gtin13}/10/L1/21/${SERIAL}?${query}`, headers);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('application/linkset+json');
      expect(String(response.headers.link)).toContain('rel="http://www.w3.org/ns/json-ld#context"');
      const body = response.json() as { linkset: Record<string, unknown>[] };
      expect(body.linkset).toHaveLength(1);
      expect(body.linkset[0]).toMatchObject({
        anchor: `http://localhost/01/0${certified.gtin13}/10/L1/21/${SERIAL}`,
        'https://gs1.org/voc/defaultLink': [{ href: `http://localhost/s/${SERIAL}` }],
        'https://gs1.org/voc/verificationService': [
          {
            href: `http://localhost/s/${SERIAL}`,
            hreflang: ['vi', 'en'],
            type: 'text/html',
            title: expect.stringContaining('Kiểm tra tem'),
          },
        ],
        'https://gs1.org/voc/certificationInfo': [{ href: `http://localhost${certificatePath()}` }],
      });
    });
  });

  describe('malformed URIs: 400, problem+json or a small page', () => {
    const gtin = () => `0${certified.gtin13}`;
    it.each([
      [
        'a bad check digit',
        () => `/01/${certified.gtin13.slice(0, 12)}${(Number(certified.gtin13.at(-1)) + 1) % 10}`,
        'digital_link.bad_check_digit',
      ],
      ['qualifiers out of order', () => `/01/${gtin()}/21/S1/10/L1`, 'digital_link.qualifiers_out_of_order'],
      ['an unknown AI', () => `/01/${gtin()}/99/X`, 'digital_link.unknown_ai'],
      ['a data attribute in the path', () => `/01/${gtin()}/17/261231`, 'digital_link.unknown_ai'],
      ['a lot too long for AI 10', () => `/01/${gtin()}/10/${'A'.repeat(21)}`, 'digital_link.bad_value'],
      ['a GTIN of 11 digits', () => '/01/12345678905', 'digital_link.bad_value'],
      ['a qualifier without value', () => `/01/${gtin()}/10`, 'digital_link.bad_structure'],
      ['no GTIN at all', () => '/01', 'digital_link.bad_structure'],
    ])('%s', async (_name, path, code) => {
      const response = await get(path(), { accept: 'application/json' });
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json()).toMatchObject({ code, status: 400 });
      expect(response.headers['access-control-allow-origin']).toBe('*');
    });

    it('shows a browser a small page in both languages, the bad value escaped', async () => {
      const response = await get(`/01/0${certified.gtin13}/10/%3Cscript%3Ealert(1)%3C%2Fscript%3E`, {
        accept: 'text/html,application/xhtml+xml,*/*;q=0.8',
      });
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.body).toContain('Mã GS1 Digital Link không hợp lệ');
      expect(response.body).toContain('Malformed GS1 Digital Link');
      expect(response.body).not.toContain('<script>');
      expect(response.body).toContain('&lt;script&gt;');
    });

    it('speaks English to a client that asks for it', async () => {
      const response = await get('/01/12345678905', { accept: 'application/json', 'accept-language': 'en' });
      expect(response.json().title).toContain('is not valid for AI (01)');
    });

    it('answers a percent-encoding the router cannot decode with a 400 problem too, readable cross-origin', async () => {
      const response = await get(`/01/0${certified.gtin13}/10/%E0%A4%A`, { accept: 'application/json' });
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json()).toMatchObject({ code: 'request.malformed_url' });
      expect(response.headers['access-control-allow-origin']).toBe('*');
    });

    it('refuses a hostile path past 1,000 characters at once, and a long query string', async () => {
      const hostile = `/01/0${certified.gtin13}${'/21/A'.repeat(2_000)}`;
      const response = await get(hostile, { accept: 'application/json' });
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ code: 'digital_link.too_long', details: { max: 1_000 } });
      const withinBound = `/01/0${certified.gtin13}${'/21/A'.repeat(190)}`;
      expect((await get(withinBound, { accept: 'application/json' })).json()).toMatchObject({
        code: 'digital_link.qualifiers_out_of_order',
      });
      const query = await get(`/01/0${certified.gtin13}?q=${'x'.repeat(2_001)}`, { accept: 'application/json' });
      expect(query.statusCode).toBe(400);
      expect(query.json()).toMatchObject({ code: 'digital_link.query_too_long' });
    });
  });

  describe('GTINs and items without links: 404, never 5xx', () => {
    it('answers 404 for a valid GTIN no product of ours has', async () => {
      const stranger = withCheckDigit('893999999999');
      const response = await get(`/01/${stranger}/21/${SERIAL}`, { accept: 'application/json' });
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ code: 'digital_link.gtin_unknown', details: { gtin: `0${stranger}` } });
      const page = await get(`/01/${stranger}`, { accept: 'text/html' });
      expect(page.statusCode).toBe(404);
      expect(page.body).toContain('không thuộc sản phẩm OCOP nào');
    });

    it('answers 404 for a product without certificate or page, but sends its serialised stamps to the scan page', async () => {
      const bare = await get(`/01/0${uncertifiedGtin}`, { accept: 'application/json' });
      expect(bare.statusCode).toBe(404);
      expect(bare.json()).toMatchObject({ code: 'digital_link.no_link' });
      const stamp = await get(`/01/0${uncertifiedGtin}/21/${SERIAL}`);
      expect(stamp.statusCode).toBe(307);
      expect(stamp.headers.location).toBe(`http://localhost/s/${SERIAL}`);
      const linkset = (await get(`/01/0${uncertifiedGtin}/21/${SERIAL}?linkType=linkset`)).json();
      expect(linkset.linkset[0]['https://gs1.org/voc/certificationInfo']).toBeUndefined();
      expect(linkset.linkset[0]['https://gs1.org/voc/pip']).toEqual([expect.objectContaining({ href: `http://localhost/s/${SERIAL}` })]);
    });
  });

  it('drops the certificate link once the certificate is revoked', async () => {
    const today = t.clock.now().toISOString().slice(0, 10);
    const longAgo = new Date(t.clock.now().getTime() - 20 * 86_400_000).toISOString().slice(0, 10);
    const revoked = await officer.post(`/api/certificates/${certified.certificateId}/revocation`, {
      ground: 'c',
      decisionNumber: '78/QĐ-UBND',
      decidedOn: today,
      findingOn: longAgo,
      reason: 'Kết quả kiểm tra an toàn thực phẩm không đạt.',
    });
    expect(revoked.statusCode).toBe(200);
    const response = await get(`/01/0${certified.gtin13}/21/${SERIAL}?linkType=gs1:certificationInfo`, { accept: 'application/json' });
    expect(response.statusCode).toBe(404);
    expect((await get(`/01/0${certified.gtin13}/21/${SERIAL}`)).headers.location).toBe(`http://localhost/s/${SERIAL}`);
  });

  describe('CORS preflight and the resolver description', () => {
    it('answers OPTIONS with the methods and headers allowed', async () => {
      for (const url of [`/01/0${certified.gtin13}/21/${SERIAL}`, '/.well-known/gs1resolver']) {
        const response = await t.app.inject({
          method: 'OPTIONS',
          url,
          headers: { origin: 'https://scanner.example', 'access-control-request-method': 'GET' },
        });
        expect(response.statusCode).toBe(204);
        expect(response.headers.allow).toBe('GET, HEAD, OPTIONS');
        expect(response.headers['access-control-allow-methods']).toBe('GET, HEAD, OPTIONS');
        expect(response.headers['access-control-allow-origin']).toBe('*');
        expect(response.headers['access-control-allow-headers']).toContain('Accept-Language');
      }
    });

    it('describes itself at /.well-known/gs1resolver', async () => {
      const response = await get('/.well-known/gs1resolver');
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(response.headers['access-control-allow-origin']).toBe('*');
      expect(response.json()).toEqual({
        name: expect.any(String),
        resolverRoot: 'http://localhost',
        supportedPrimaryKeys: ['01'],
        supportedLinkType: [{ namespace: 'https://gs1.org/voc/', prefix: 'gs1:', profile: 'https://gs1.org/voc/?show=linktypes' }],
        linkTypeDefaultCanBeLinkset: false,
        jsonLdContextLocation: 'https://ref.gs1.org/standards/resolver/linkset-context',
        contact: { fn: expect.any(String) },
      });
    });
  });
});
