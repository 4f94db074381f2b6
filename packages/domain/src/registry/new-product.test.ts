import { describe, expect, it } from 'vitest';
import { DomainError } from '../shared/domain-error';
import type { RoleGrant } from '../shared/roles';
import {
  issuedCodeOf,
  type NewProductInput,
  type NewProductProducer,
  planNewProduct,
  ProductCodeNumbersExhausted,
  type TakenProductKeys,
} from './new-product';

const grant = (role: RoleGrant['role'], extra: Partial<RoleGrant> = {}): RoleGrant => ({
  role,
  provinceCode: '14',
  communeCode: null,
  producerId: null,
  salesPointId: null,
  ...extra,
});
const officer = [grant('province_officer')];
const member = [grant('producer_member', { producerId: 'p1' })];
const producer: NewProductProducer = {
  id: 'p1',
  provinceCode: '14',
  communeCode: '03670',
  name: 'HTX Chè Tà Xùa',
  registrationNumber: '5500123456',
  status: 'active',
};
const input: NewProductInput = { productSetId: 'set-1', nameVi: '  Chè   Shan tuyết ' };

function takenOf(keys: { codes?: string[]; slugs?: string[]; gtins?: Record<string, string> } = {}): TakenProductKeys {
  const gtins = new Map(Object.entries(keys.gtins ?? {}));
  return { codes: new Set(keys.codes), slugs: new Set(keys.slugs), gtinOwner: (gtin) => gtins.get(gtin) };
}

function numbersFrom(first: number, last: number) {
  let next = first;
  return () => (next <= last ? next++ : undefined);
}

function plan(over: Partial<Parameters<typeof planNewProduct>[0]> = {}) {
  return planNewProduct({
    producer,
    input,
    grants: officer,
    year: 2026,
    setErrors: {},
    taken: takenOf(),
    nextCodeNumber: numbersFrom(1, 100),
    ...over,
  });
}

/** The single path: the one hand-entered code it reads back is the planner's key for it. */
function singlePath(given: NewProductInput, stored: Set<string>) {
  const key = issuedCodeOf(given);
  return plan({ input: given, taken: takenOf({ codes: key !== undefined && stored.has(key) ? [key] : [] }) });
}

/** The bulk path: every hand-entered code of the batch read back at once, then each item planned in turn. */
function bulkPath(inputs: NewProductInput[], stored: Set<string>) {
  const keys = inputs.map(issuedCodeOf).filter((code): code is string => code !== undefined);
  const codes = new Set(keys.filter((code) => stored.has(code)));
  const numbers = numbersFrom(1, 100);
  return inputs.map((item) => {
    const planned = plan({ input: item, taken: takenOf({ codes: [...codes] }), nextCodeNumber: numbers });
    codes.add(planned.code);
    return planned;
  });
}

describe('planNewProduct', () => {
  it('plans the row: cleaned name, folded search text, generated code, slug, blank texts as null', () => {
    const planned = plan({ input: { ...input, nameEn: '  Shan tea ', story: '   ', priceMin: 50_000, gtins: ['8938505974194'] } });
    expect(planned).toMatchObject({
      producerId: 'p1',
      provinceCode: '14',
      productSetId: 'set-1',
      legacyProductSetId: null,
      code: '14-03670-001-2026',
      slug: 'che-shan-tuyet',
      nameVi: 'Chè Shan tuyết',
      nameEn: 'Shan tea',
      story: null,
      description: null,
      nameFolded: 'che shan tuyet',
      searchFolded: 'che shan tuyet shan tea 14-03670-001-2026 htx che ta xua 5500123456',
      priceMin: 50_000,
      priceMax: null,
      status: 'idea',
      gtins: ['08938505974194'],
    });
  });

  it('skips code numbers held by hand-entered codes and slugs already taken', () => {
    const planned = plan({ taken: takenOf({ codes: ['14-03670-001-2026'], slugs: ['che-shan-tuyet', 'che-shan-tuyet-2'] }) });
    expect(planned.code).toBe('14-03670-002-2026');
    expect(planned.slug).toBe('che-shan-tuyet-3');
  });

  it('asks for more code numbers when the reserved ones are used up', () => {
    const run = () => plan({ taken: takenOf({ codes: ['14-03670-001-2026'] }), nextCodeNumber: numbersFrom(1, 1) });
    expect(run).toThrow(ProductCodeNumbersExhausted);
  });

  it.each<[string, Partial<Parameters<typeof planNewProduct>[0]>, string]>([
    ['a missing producer', { producer: undefined }, 'producer.not_found'],
    ['a producer out of reach', { grants: [grant('province_officer', { provinceCode: '01' })] }, 'producer.not_found'],
    ['a reader without the right to write', { grants: [grant('council_member')] }, 'producer.edit_not_allowed'],
    ['a dissolved producer', { producer: { ...producer, status: 'dissolved' } }, 'producer.dissolved'],
    [
      'a set the classification refused',
      { setErrors: { current: new DomainError('invalid', 'product.product_set_not_current', 'x') } },
      'product.product_set_not_current',
    ],
    ['an inverted price range', { input: { ...input, priceMin: 10, priceMax: 5 } }, 'product.price_range_inverted'],
    ['a bad GTIN', { input: { ...input, gtins: ['123'] } }, 'product.gtin_invalid'],
    ['an empty name', { input: { ...input, nameVi: '   ' } }, 'request.invalid'],
    ['a hand code from a producer member', { input: { ...input, code: 'AB-123' }, grants: member }, 'product.code_not_allowed'],
    ['a malformed hand code', { input: { ...input, code: 'a b' } }, 'product.code_invalid'],
    ['a taken hand code', { input: { ...input, code: 'ab-123' }, taken: takenOf({ codes: ['AB-123'] }) }, 'product.code_taken'],
    [
      'a GTIN of another product',
      { input: { ...input, gtins: ['8938505974194'] }, taken: takenOf({ gtins: { '08938505974194': 'X-1' } }) },
      'product.gtin_taken',
    ],
  ])('refuses %s', (_, over, code) => {
    expect(() => plan(over)).toThrow(expect.objectContaining({ code }));
  });

  it('reports the first problem in a fixed order: the right before the price, the price before the code', () => {
    expect(() => plan({ grants: [grant('council_member')], input: { ...input, priceMin: -1 } })).toThrow(
      expect.objectContaining({ code: 'producer.edit_not_allowed' }),
    );
    expect(() => plan({ grants: member, input: { ...input, priceMin: -1, code: 'AB-123' } })).toThrow(
      expect.objectContaining({ code: 'product.price_invalid' }),
    );
  });

  it('ignores a former set check when the input names no former set', () => {
    const legacy = new DomainError('invalid', 'product.legacy_product_set_invalid', 'x');
    expect(plan({ setErrors: { legacy } }).code).toBe('14-03670-001-2026');
    expect(() => plan({ input: { ...input, legacyProductSetId: 'old' }, setErrors: { legacy } })).toThrow(legacy);
  });
});

describe('a messy hand-entered code', () => {
  const messy: NewProductInput = { ...input, code: '  ab-829.28780/3-2022 ' };
  const lettered: NewProductInput = { ...input, code: '\t qn-ocop/12.2021  ' };

  it('gives the same stored code alone and in a batch', () => {
    const none = new Set<string>();
    expect(singlePath(lettered, none).code).toBe('QN-OCOP/12.2021');
    const [first, second] = bulkPath([lettered, input], none);
    expect(first?.code).toBe('QN-OCOP/12.2021');
    expect(second?.code).toBe('14-03670-001-2026');
    expect(singlePath(messy, none).code).toBe(bulkPath([messy], none)[0]?.code);
  });

  it('is found taken alone and in a batch when that code is stored', () => {
    const stored = new Set(['QN-OCOP/12.2021']);
    expect(() => singlePath(lettered, stored)).toThrow(expect.objectContaining({ code: 'product.code_taken' }));
    expect(() => bulkPath([input, lettered], stored)).toThrow(expect.objectContaining({ code: 'product.code_taken' }));
  });

  it('is taken by an earlier item of the same batch', () => {
    expect(() => bulkPath([lettered, { ...lettered, code: 'QN-OCOP/12.2021' }], new Set())).toThrow(
      expect.objectContaining({ code: 'product.code_taken' }),
    );
  });
});
