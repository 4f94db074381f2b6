import { describe, expect, it } from 'vitest';
import { canonicalGs1Uri, formatDigitalLinkPath, parseDigitalLinkPath, parseGs1KeyUri, toDigitalLink } from './digital-link';
import { type Gs1Key, isAiValue, isValidGln, isValidSscc, parseEpcUri, toEpcUri, toGtin14 } from './gs1-keys';

describe('GS1 keys', () => {
  it.each([
    ['4012345000115', true],
    ['8934567000018', false],
    ['401234500011', false],
    ['401234500011X', false],
  ])('GLN %s valid: %s', (value, expected) => {
    expect(isValidGln(value)).toBe(expected);
  });

  it.each([
    ['040123450000003338', true],
    ['040123450000003339', false],
    ['40123450000003338', false],
  ])('SSCC %s valid: %s', (value, expected) => {
    expect(isValidSscc(value)).toBe(expected);
  });

  it('writes every GTIN as 14 digits, reusing the registry rule', () => {
    expect(toGtin14('9780345418913')).toBe('09780345418913');
    expect(toGtin14('012345678905')).toBe('00012345678905');
    expect(toGtin14('012345678906')).toBeUndefined();
  });

  it.each([
    ['LOT-2026/03', true],
    ['Lô 1', false],
    ['x'.repeat(20), true],
    ['x'.repeat(21), false],
    ['', false],
  ])('AI value %s in set 82: %s', (value, expected) => {
    expect(isAiValue(value)).toBe(expected);
  });
});

// EPC URI ↔ Digital Link pairs from GS1's reference hash implementation (its normaliser's output).
const PAIRS: [string, number, string, Gs1Key][] = [
  [
    'urn:epc:id:sgtin:0614141.107346.2017',
    7,
    'https://id.gs1.org/01/10614141073464/21/2017',
    { kind: 'sgtin', gtin: '10614141073464', serial: '2017' },
  ],
  [
    'urn:epc:id:sgtin:0614141.812345.6789%2F%26%25%22!%3F()',
    7,
    'https://id.gs1.org/01/80614141123458/21/6789%2F%26%25%22%21%3F%28%29',
    { kind: 'sgtin', gtin: '80614141123458', serial: '6789/&%"!?()' },
  ],
  [
    'urn:epc:class:lgtin:4054739.099914.20160711',
    7,
    'https://id.gs1.org/01/04054739999148/10/20160711',
    { kind: 'lgtin', gtin: '04054739999148', lot: '20160711' },
  ],
  ['urn:epc:idpat:sgtin:4012345.066666.*', 7, 'https://id.gs1.org/01/04012345666663', { kind: 'gtin', gtin: '04012345666663' }],
  ['urn:epc:id:sscc:4012345.0000000333', 7, 'https://id.gs1.org/00/040123450000003338', { kind: 'sscc', sscc: '040123450000003338' }],
  [
    'urn:epc:id:sgln:4012345.00011.987',
    7,
    'https://id.gs1.org/414/4012345000115/254/987',
    { kind: 'sgln', gln: '4012345000115', extension: '987' },
  ],
  ['urn:epc:id:sgln:4012345.00005.0', 7, 'https://id.gs1.org/414/4012345000054', { kind: 'sgln', gln: '4012345000054' }],
  ['urn:epc:id:pgln:4000001.98765', 7, 'https://id.gs1.org/417/4000001987658', { kind: 'pgln', gln: '4000001987658' }],
  [
    'urn:epc:id:gdti:4012345.55555.1234',
    7,
    'https://id.gs1.org/253/40123455555541234',
    { kind: 'gdti', gdti: '4012345555554', serial: '1234' },
  ],
  [
    'urn:epc:id:grai:4012345.00077.8765',
    7,
    'https://id.gs1.org/8003/040123450007718765',
    { kind: 'grai', grai: '04012345000771', serial: '8765' },
  ],
  ['urn:epc:id:giai:4000001.111', 7, 'https://id.gs1.org/8004/4000001111', { kind: 'giai', giai: '4000001111' }],
  ['urn:epc:id:giai:4012345.AB%2FC', 7, 'https://id.gs1.org/8004/4012345AB%2FC', { kind: 'giai', giai: '4012345AB/C' }],
];

describe.each(PAIRS)('%s', (epc, prefixLength, digitalLink, key) => {
  it('reads the EPC URI', () => expect(parseEpcUri(epc)).toEqual({ ok: true, key }));
  it('reads the Digital Link', () => expect(parseGs1KeyUri(digitalLink)).toEqual({ ok: true, key }));
  it('writes the Digital Link', () => expect(toDigitalLink(key)).toBe(digitalLink));
  it('writes the EPC URI given the company prefix length', () => expect(toEpcUri(key, prefixLength)).toBe(epc));
  it('canonicalises either form to the Digital Link', () => expect(canonicalGs1Uri(epc)).toBe(canonicalGs1Uri(digitalLink)));
});

describe('EPC URIs', () => {
  it.each([
    ['urn:epc:id:sgtin:0614141.10734.2017', 'bad_value'],
    ['urn:epc:id:sgtin:0614141.107346.', 'bad_value'],
    ['urn:epc:id:sscc:4012345.000000033', 'bad_value'],
    ['urn:epc:id:gsrn:4012345.0000001234', 'unknown_ai'],
    ['urn:epc:id:giai:4012345.', 'bad_value'],
    [`urn:epc:id:giai:4012345.${'A'.repeat(24)}`, 'bad_value'],
    ['urn:epc:id:grai:4012345.00077.', 'bad_value'],
    ['https://id.gs1.org/8003/040123450007728765', 'bad_check_digit'],
    ['https://id.gs1.org/8003/140123450007718765', 'bad_value'],
    [`https://id.gs1.org/8003/04012345000771${'9'.repeat(17)}`, 'bad_value'],
    ['https://id.gs1.org/8004/12AB', 'bad_value'],
    ['urn:epc:id:sgtin:0614141.107346.%E0%A4%A', 'bad_value'],
    ['https://example.com/about', 'not_gs1'],
  ])('%s → %s', (uri, reason) => {
    expect(parseGs1KeyUri(uri)).toEqual({ ok: false, reason });
  });

  it('writes a GRAI without serial (an asset type) as an EPC pattern', () => {
    expect(toEpcUri({ kind: 'grai', grai: '04012345000771' }, 7)).toBe('urn:epc:idpat:grai:4012345.00077.*');
    expect(parseGs1KeyUri('https://id.gs1.org/8003/04012345000771')).toEqual({ ok: true, key: { kind: 'grai', grai: '04012345000771' } });
  });

  it('refuses a company prefix length GS1 does not issue', () => {
    expect(() => toEpcUri({ kind: 'gtin', gtin: '09780345418913' }, 5)).toThrow();
  });
});

describe('Digital Link paths (for the resolver)', () => {
  it.each([
    ['/01/9780345418913', { gtin: '09780345418913' }],
    ['/01/012345678905/21/S1', { gtin: '00012345678905', serial: 'S1' }],
    ['/01/09780345418913/22/2A/10/LOT%2F1/21/S1', { gtin: '09780345418913', cpv: '2A', lot: 'LOT/1', serial: 'S1' }],
  ])('%s', (path, expected) => {
    expect(parseDigitalLinkPath(path)).toEqual({ ok: true, path: expected });
  });

  it.each([
    ['/01/09780345418914', 'bad_check_digit'],
    ['/01/09780345418913/21/S1/10/L1', 'qualifiers_out_of_order'],
    ['/01/09780345418913/10/L1/10/L2', 'qualifiers_out_of_order'],
    ['/01/09780345418913/254/x', 'qualifiers_out_of_order'],
    ['/01/09780345418913/99/x', 'unknown_ai'],
    ['/02/09780345418913', 'unknown_ai'],
    ['/414/4012345000115', 'unknown_ai'],
    ['/01/09780345418913/10', 'bad_value'],
    ['/01/0978034541891X', 'bad_value'],
    ['/01/00000000000000', 'bad_value'],
    ['/01/09780345418913/10/a%20b', 'bad_value'],
    [`/01/09780345418913/10/${'x'.repeat(21)}`, 'bad_value'],
    ['/01/09780345418913/10/%E0%A4%A', 'bad_value'],
  ])('%s → %s', (path, reason) => {
    expect(parseDigitalLinkPath(path)).toEqual({ ok: false, reason });
  });

  it('writes a path back the way it reads', () => {
    const path = { gtin: '09780345418913', cpv: '2A', lot: 'LOT/1', serial: 'S 1'.replace(' ', '-') };
    expect(parseDigitalLinkPath(formatDigitalLinkPath(path))).toEqual({ ok: true, path });
  });

  it('reads a Digital Link on any host, after a path prefix, without its query string', () => {
    expect(canonicalGs1Uri('https://ocop.example.vn/truy-xuat/01/9780345418913/10/L1?17=261231#x')).toBe(
      'https://id.gs1.org/01/09780345418913/10/L1',
    );
    expect(canonicalGs1Uri('https://id.gs1.org/01/09780345418913/10/L1/21/S1')).toBe('https://id.gs1.org/01/09780345418913/21/S1');
  });
});
