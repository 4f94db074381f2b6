import { describe, expect, it } from 'vitest';
import {
  buildLinkset,
  itemLinks,
  linkHeader,
  parseResolverPath,
  queryWithoutLinkType,
  readLinkType,
  RESOLVER_MAX_LINK_HEADER,
  RESOLVER_MAX_PATH,
  type ResolvedKey,
  resolverAnchor,
  withQuery,
} from './digital-link-resolver';

// 893 is Vietnam's GS1 prefix; the check digits are right unless a case says otherwise.
const GTIN13 = '8934567890120';
const GTIN14 = `0${GTIN13}`;
const SERIAL = '7K3M9QX2VB4T8H1RZC5N';

describe('parseResolverPath: good URIs', () => {
  it.each([
    ['a GTIN-14', `/01/${GTIN14}`, { gtin: GTIN14 }],
    ['a GTIN-13, canonicalised to 14 digits', `/01/${GTIN13}`, { gtin: GTIN14 }],
    ['a GTIN-12 (UPC-A)', '/01/036000291452', { gtin: '00036000291452' }],
    ['a GTIN-8', '/01/96385074', { gtin: '00000096385074' }],
    ['a lot', `/01/${GTIN14}/10/XUAN-26`, { gtin: GTIN14, lot: 'XUAN-26' }],
    ['a serial', `/01/${GTIN14}/21/${SERIAL}`, { gtin: GTIN14, serial: SERIAL }],
    ['lot then serial (our stamps)', `/01/${GTIN14}/10/L1/21/${SERIAL}`, { gtin: GTIN14, lot: 'L1', serial: SERIAL }],
    ['CPV, lot and serial', `/01/${GTIN14}/22/V2/10/L1/21/S1`, { gtin: GTIN14, cpv: 'V2', lot: 'L1', serial: 'S1' }],
    ['percent-encoded values, decoded', `/01/${GTIN14}/10/A%2F1/21/x%25y`, { gtin: GTIN14, lot: 'A/1', serial: 'x%y' }],
    ['a trailing slash', `/01/${GTIN14}/10/L1/`, { gtin: GTIN14, lot: 'L1' }],
    ['a 20-character lot (the most AI 10 holds)', `/01/${GTIN14}/10/${'A'.repeat(20)}`, { gtin: GTIN14, lot: 'A'.repeat(20) }],
  ])('%s', (_name, path, expected) => {
    expect(parseResolverPath(path)).toEqual({ ok: true, key: { kind: 'product', ...expected } });
  });
});

describe('parseResolverPath: malformed URIs (400, never 404)', () => {
  it.each([
    ['a bad check digit', `/01/${GTIN13.slice(0, -1)}9`, { problem: 'bad_check_digit', ai: '01' }],
    ['a bad check digit on 14 digits', '/01/08934567890127', { problem: 'bad_check_digit', ai: '01' }],
    ['a GTIN of 11 digits', '/01/12345678905', { problem: 'bad_value', ai: '01' }],
    ['a GTIN with a letter', '/01/893456789012A', { problem: 'bad_value', ai: '01' }],
    ['an all-zero GTIN', '/01/00000000000000', { problem: 'bad_value', ai: '01' }],
    ['serial before lot', `/01/${GTIN14}/21/S1/10/L1`, { problem: 'qualifiers_out_of_order', ai: '10' }],
    ['lot before CPV', `/01/${GTIN14}/10/L1/22/V1`, { problem: 'qualifiers_out_of_order', ai: '22' }],
    ['a repeated lot', `/01/${GTIN14}/10/L1/10/L2`, { problem: 'qualifiers_out_of_order', ai: '10' }],
    ['a qualifier of another key (254 of a GLN)', `/01/${GTIN14}/254/X`, { problem: 'qualifiers_out_of_order', ai: '254' }],
    ['an unknown AI', `/01/${GTIN14}/99/X`, { problem: 'unknown_ai', ai: '99' }],
    ['a data attribute in the path (expiry belongs in the query)', `/01/${GTIN14}/17/261231`, { problem: 'unknown_ai', ai: '17' }],
    ['a lot of 21 characters', `/01/${GTIN14}/10/${'A'.repeat(21)}`, { problem: 'bad_value', ai: '10' }],
    ['a serial outside set 82 (a space)', `/01/${GTIN14}/21/A%20B`, { problem: 'bad_value', ai: '21' }],
    ['a serial outside set 82 (Vietnamese)', `/01/${GTIN14}/21/${encodeURIComponent('Tem-đỏ')}`, { problem: 'bad_value', ai: '21' }],
    ['a broken percent-encoding', `/01/${GTIN14}/10/A%2`, { problem: 'bad_encoding', ai: '10' }],
    ['a broken UTF-8 sequence', `/01/${GTIN14}/10/%C3%28`, { problem: 'bad_encoding', ai: '10' }],
    ['a key without value', '/01', { problem: 'bad_structure' }],
    ['a qualifier without value', `/01/${GTIN14}/10`, { problem: 'bad_structure' }],
    ['an empty segment', `/01/${GTIN14}//10/L1`, { problem: 'bad_structure' }],
    ['another primary key', '/00/012345678901234560', { problem: 'unknown_ai', ai: '00' }],
  ])('%s', (_name, path, expected) => {
    expect(parseResolverPath(path)).toMatchObject({ ok: false, ...expected });
  });

  it(`refuses a path longer than ${RESOLVER_MAX_PATH} characters before reading it`, () => {
    expect(parseResolverPath(`/01/${GTIN14}/10/${'A'.repeat(RESOLVER_MAX_PATH)}`)).toEqual({ ok: false, problem: 'too_long' });
    // At the bound it is read (and refused for what it is, a lot too long).
    const atBound = `/01/${GTIN14}/10/`;
    expect(parseResolverPath(atBound + 'A'.repeat(RESOLVER_MAX_PATH - atBound.length))).toMatchObject({ problem: 'bad_value' });
  });

  it('reads a hostile path of many segments in linear time, answering the first fault', () => {
    const hostile = `/01/${GTIN14}${'/10/%'.repeat(190)}`;
    expect(hostile.length).toBeLessThanOrEqual(RESOLVER_MAX_PATH);
    expect(parseResolverPath(hostile)).toMatchObject({ ok: false, problem: 'bad_encoding' });
    expect(parseResolverPath(`/01/${GTIN14}${'/21/A'.repeat(190)}`)).toMatchObject({ problem: 'qualifiers_out_of_order' });
  });

  it('echoes at most 40 characters of a bad value', () => {
    const result = parseResolverPath(`/01/${GTIN14}/${'7'.repeat(200)}/X`);
    expect(result).toMatchObject({ ok: false, problem: 'unknown_ai' });
    if (result.ok) throw new Error('expected a refusal');
    expect(result.ai?.length).toBeLessThanOrEqual(41);
  });
});

describe('readLinkType', () => {
  it.each([
    [undefined, { kind: 'default' }],
    ['', { kind: 'default' }],
    ['linkset', { kind: 'linkset' }],
    ['all', { kind: 'linkset' }],
    ['gs1:linkset', { kind: 'linkset' }],
    ['gs1:pip', { kind: 'type', type: 'gs1:pip', known: 'pip' }],
    ['https://gs1.org/voc/certificationInfo', { kind: 'type', type: 'https://gs1.org/voc/certificationInfo', known: 'certificationInfo' }],
    ['https://ref.gs1.org/voc/traceability', { kind: 'type', type: 'https://ref.gs1.org/voc/traceability', known: 'traceability' }],
    ['gs1:recipeInfo', { kind: 'type', type: 'gs1:recipeInfo', known: undefined }],
    ['pip', { kind: 'type', type: 'pip', known: undefined }],
    ['gs1:PIP', { kind: 'type', type: 'gs1:PIP', known: undefined }],
  ])('%s', (value, expected) => {
    expect(readLinkType(value)).toEqual(expected);
  });
});

describe('itemLinks', () => {
  const root = 'https://ocop.sonla.gov.vn';
  const facts = { nameVi: 'Chè Shan tuyết', productPageUrl: null, certificateNumber: '12/2026/OCOP-SL' };
  const key = (extra: Partial<ResolvedKey> = {}): ResolvedKey => ({ kind: 'product', gtin: GTIN14, ...extra });
  const byType = (links: { type: string; href: string }[]) => Object.fromEntries(links.map((link) => [link.type, link.href]));

  it('gives a serialised item its scan page as default, traceability and verification, and the certificate', () => {
    const { links, defaultLink } = itemLinks(root, key({ lot: 'L1', serial: SERIAL }), facts);
    expect(byType(links)).toEqual({
      pip: `${root}/c/12/2026/OCOP-SL`,
      certificationInfo: `${root}/c/12/2026/OCOP-SL`,
      traceability: `${root}/s/${SERIAL}`,
      verificationService: `${root}/s/${SERIAL}`,
    });
    expect(defaultLink?.href).toBe(`${root}/s/${SERIAL}`);
    expect(links.every((link) => link.title.startsWith('Chè Shan tuyết — ') && link.hreflang[0] === 'vi')).toBe(true);
  });

  it('points a lot without serial to the EPCIS query of its events, and defaults to the product information', () => {
    const { links, defaultLink } = itemLinks(`${root}/`, key({ lot: 'A/1' }), facts);
    expect(byType(links).traceability).toBe(
      `${root}/epcis/events?MATCH_epcClass=${encodeURIComponent(`https://id.gs1.org/01/${GTIN14}/10/A%2F1`)}`,
    );
    expect(links.find((link) => link.type === 'traceability')?.mediaType).toBe('application/json');
    expect(defaultLink?.type).toBe('pip');
  });

  it('prefers the product page once there is one, and has no certificate link without a valid certificate', () => {
    const { links } = itemLinks(root, key(), { ...facts, productPageUrl: `${root}/p/che-shan`, certificateNumber: null });
    expect(byType(links)).toEqual({ pip: `${root}/p/che-shan` });
  });

  it('has no link for a GTIN alone without certificate or page', () => {
    expect(itemLinks(root, key(), { ...facts, certificateNumber: null })).toEqual({ links: [], defaultLink: undefined });
  });

  it('encodes a serial that needs it in the scan address', () => {
    expect(itemLinks(root, key({ serial: 'A/B?' }), facts).defaultLink?.href).toBe(`${root}/s/A%2FB%3F`);
  });
});

describe('linkset and Link header', () => {
  const root = 'https://ocop.sonla.gov.vn';
  const key: ResolvedKey = { kind: 'product', gtin: GTIN14, lot: 'L1', serial: SERIAL };
  const links = itemLinks(root, key, { nameVi: 'Chè "ngon" <b>', productPageUrl: null, certificateNumber: '7/2026' });
  const anchor = resolverAnchor(root, key);

  it('anchors on the canonical URI on this resolver', () => {
    expect(anchor).toBe(`${root}/01/${GTIN14}/10/L1/21/${SERIAL}`);
  });

  it('is an RFC 9264 linkset with the vocabulary URIs as relations and the default link', () => {
    const set = buildLinkset(anchor, links);
    const [context] = set.linkset;
    expect(context.anchor).toBe(anchor);
    expect(Object.keys(context)).toEqual([
      'anchor',
      'https://gs1.org/voc/defaultLink',
      'https://gs1.org/voc/pip',
      'https://gs1.org/voc/certificationInfo',
      'https://gs1.org/voc/traceability',
      'https://gs1.org/voc/verificationService',
    ]);
    expect(context['https://gs1.org/voc/pip']).toEqual([
      {
        href: `${root}/c/7/2026`,
        title: 'Chè "ngon" <b> — Thông tin sản phẩm / Product information',
        hreflang: ['vi', 'en'],
        type: 'text/html',
      },
    ]);
    expect(context['https://gs1.org/voc/defaultLink']).toEqual([{ href: `${root}/s/${SERIAL}`, title: expect.any(String) }]);
  });

  it('writes an ASCII Link header: the linkset, the JSON-LD context and each link with an RFC 8187 title', () => {
    const header = linkHeader(anchor, links);
    expect(header).toMatch(/^[\x20-\x7e]+$/);
    expect(header.startsWith(`<${anchor}?linkType=linkset>; rel="linkset"; type="application/linkset+json", `)).toBe(true);
    expect(header).toContain(
      `<${root}/s/${SERIAL}>; rel="https://gs1.org/voc/verificationService"; type="text/html"; hreflang="vi"; title*=UTF-8''`,
    );
    expect(header).toContain(`title*=UTF-8''Ch%C3%A8%20%22ngon%22%20%3Cb%3E%20`);
  });

  it(`stays within ${RESOLVER_MAX_LINK_HEADER} characters, leaving out links that do not fit`, () => {
    const long = itemLinks(root, key, { nameVi: 'Đ'.repeat(300), productPageUrl: null, certificateNumber: '7/2026' });
    const header = linkHeader(anchor, long);
    expect(header.length).toBeLessThanOrEqual(RESOLVER_MAX_LINK_HEADER);
    expect(header).toContain('rel="linkset"');
    expect(header.split(', <').length).toBeLessThan(2 + long.links.length);
  });
});

describe('query strings passed on', () => {
  it.each([
    ['', ''],
    ['linkType=gs1:pip', ''],
    ['linkType=gs1:pip&17=261231', '17=261231'],
    ['a=1&linkType=all&b=%2F', 'a=1&b=%2F'],
    ['17=261231;3103=000189', '17=261231;3103=000189'],
    ['flag&linktype=x', 'flag'],
  ])('%s → %s', (query, kept) => {
    expect(queryWithoutLinkType(query)).toBe(kept);
  });

  it('appends to a target with or without its own query', () => {
    expect(withQuery('https://x/s/A', 'a=1')).toBe('https://x/s/A?a=1');
    expect(withQuery('https://x/epcis/events?MATCH_epcClass=y', 'a=1')).toBe('https://x/epcis/events?MATCH_epcClass=y&a=1');
    expect(withQuery('https://x/s/A', '')).toBe('https://x/s/A');
  });
});
