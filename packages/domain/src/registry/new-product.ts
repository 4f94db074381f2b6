import { can } from '../shared/capabilities';
import { DomainError } from '../shared/domain-error';
import type { RoleGrant } from '../shared/roles';
import { foldVietnamese } from '../shared/vietnamese-text';
import { normalizeGtins } from './gtin';
import type { ProducerStatus } from './producer';
import { checkPriceRange, type ProductStatus } from './product';
import { formatProductCode, normalizeIssuedProductCode } from './product-code';
import { normalizeSeasons } from './product-seasons';
import { assertMayOnProducer } from './registry-access';
import { slugify, slugWithSuffix } from './slug';

/** The optional free-text fields of a product; blank means none. */
export const PRODUCT_TEXT_FIELDS = [
  'nameEn',
  'nameZh',
  'description',
  'story',
  'descriptionZh',
  'storyZh',
  'seasonNote',
  'rawMaterial',
  'rawMaterialOrigin',
  'packaging',
  'netQuantity',
  'shelfLife',
  'storageInstructions',
] as const;
export type ProductTextField = (typeof PRODUCT_TEXT_FIELDS)[number];
export type ProductTexts = Record<ProductTextField, string | null>;

/** What a new product is asked to be (the create request, a spreadsheet row). */
export type NewProductInput = {
  productSetId: string;
  legacyProductSetId?: string | null | undefined;
  nameVi: string;
  priceMin?: number | null | undefined;
  priceMax?: number | null | undefined;
  gtins?: readonly string[] | undefined;
  /** Season months 1–12 (mùa vụ); empty or absent: not stated. */
  seasons?: readonly number[] | undefined;
  /** A code issued before this system; blank or absent: the next code of the producer's commune. */
  code?: string | undefined;
  status?: ProductStatus | undefined;
} & { [K in ProductTextField]?: string | null | undefined };

export type NewProductProducer = {
  id: string;
  provinceCode: string;
  communeCode: string;
  name: string;
  registrationNumber: string;
  status: ProducerStatus;
};

/** Codes, slugs and GTINs other products hold, as far as the new product could collide with them. */
export type TakenProductKeys = {
  codes: { has(code: string): boolean };
  slugs: { has(slug: string): boolean };
  /** The code of the product that has this (normalised) GTIN, if one has. */
  gtinOwner(gtin: string): string | undefined;
};

/** The new product's row, checked and normalised, and its GTINs in order. */
export type NewProductPlan = ProductTexts & {
  producerId: string;
  provinceCode: string;
  productSetId: string;
  legacyProductSetId: string | null;
  code: string;
  slug: string;
  nameVi: string;
  nameFolded: string;
  searchFolded: string;
  priceMin: number | null;
  priceMax: number | null;
  status: ProductStatus;
  seasons: number[];
  gtins: string[];
};

/**
 * Thrown by planNewProduct when it needs a code number and `nextCodeNumber` has none left: the
 * caller reserves more numbers for `place` and plans the same input again.
 */
export class ProductCodeNumbersExhausted extends Error {
  constructor(readonly place: { provinceCode: string; communeCode: string }) {
    super('no reserved product code number left');
  }
}

/** True when the input carries a code typed in by hand. */
export function hasIssuedCode(input: Pick<NewProductInput, 'code'>): boolean {
  return input.code !== undefined && input.code.trim() !== '';
}

/** The code typed in by hand, as it would be stored; undefined when there is none or it is malformed (planning reports that). */
export function issuedCodeOf(input: Pick<NewProductInput, 'code'>): string | undefined {
  if (!hasIssuedCode(input)) return undefined;
  try {
    return normalizeIssuedProductCode(input.code as string);
  } catch (error) {
    if (error instanceof DomainError) return undefined;
    throw error;
  }
}

/** The name as stored: trimmed, inner runs of blanks made one space; an empty name is refused. */
export function cleanProductName(name: string): string {
  const value = name.trim().replace(/\s+/g, ' ');
  if (value === '') throw new DomainError('invalid', 'request.invalid', 'The name is empty.', { field: 'nameVi' });
  return value;
}

/** The slug base of a name, or undefined for a name planning would refuse. */
export function slugBaseOf(name: string): string | undefined {
  try {
    return slugify(cleanProductName(name));
  } catch (error) {
    if (error instanceof DomainError) return undefined;
    throw error;
  }
}

export function blankToNull(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** The given text fields, blank ones as null; absent fields stay absent. */
export function cleanProductTexts(fields: { [K in ProductTextField]?: string | null | undefined }): Partial<ProductTexts> {
  const texts: Partial<ProductTexts> = {};
  for (const key of PRODUCT_TEXT_FIELDS) if (fields[key] !== undefined) texts[key] = blankToNull(fields[key]);
  return texts;
}

/**
 * What a product is found by: its names, its code and its producer's name and registration number
 * (tax code), folded — officers look products up by the producer's tax code, as the search box says.
 */
export function productSearchText(
  product: { nameVi: string; nameEn: string | null; code: string },
  producer: { name: string; registrationNumber: string },
): string {
  return foldVietnamese(
    [product.nameVi, product.nameEn ?? '', product.code, producer.name, producer.registrationNumber]
      .filter((part) => part !== '')
      .join(' '),
  );
}

export function productCodeTaken(code: string): DomainError {
  return new DomainError('conflict', 'product.code_taken', 'This product code is taken.', { field: 'code', code });
}

/** `productCode` empty: the owner is a product the caller may not see, and the conflict does not name it. */
export function productGtinTaken(gtin: string, productCode: string): DomainError {
  if (productCode === '')
    return new DomainError('conflict', 'product.gtin_in_use', 'This GTIN belongs to another product.', { field: 'gtins', gtin });
  return new DomainError('conflict', 'product.gtin_taken', 'This GTIN belongs to another product.', { field: 'gtins', gtin, productCode });
}

/**
 * The row of a new product, the same whether it is added alone or in a bulk import: checks in a
 * fixed order (the producer and the actor's right, the product sets, price, GTINs, season months, name, code,
 * GTIN owners) and the first failure thrown as its DomainError. The code is the hand-entered one
 * (provincial staff only, normalised) or the first free one of the producer's commune and `year`
 * from `nextCodeNumber`; the slug is the name's with the smallest free suffix. Reads nothing:
 * what is taken comes from the caller, who adds this plan's keys before planning the next.
 */
export function planNewProduct(args: {
  producer: NewProductProducer | undefined;
  input: NewProductInput;
  grants: readonly RoleGrant[];
  year: number;
  /** What the classification said of the input's set and former set: null or undefined when it is fine. */
  setErrors: { current?: DomainError | null | undefined; legacy?: DomainError | null | undefined };
  taken: TakenProductKeys;
  /** The next sequence number reserved for the producer's commune and `year`; undefined when none is left. */
  nextCodeNumber: () => number | undefined;
}): NewProductPlan {
  const { producer, input, grants, taken } = args;
  if (!producer) throw new DomainError('not_found', 'producer.not_found', 'No such producer.', { field: 'producerId' });
  assertMayOnProducer(grants, 'products.write', {
    producerId: producer.id,
    provinceCode: producer.provinceCode,
    communeCode: producer.communeCode,
  });
  if (producer.status === 'dissolved')
    throw new DomainError('conflict', 'producer.dissolved', 'The producer is dissolved.', { field: 'producerId' });
  if (args.setErrors.current) throw args.setErrors.current;
  if (input.legacyProductSetId && args.setErrors.legacy) throw args.setErrors.legacy;
  const price = checkPriceRange(input.priceMin, input.priceMax);
  const gtins = normalizeGtins(input.gtins ?? []);
  const seasons = normalizeSeasons(input.seasons ?? []);
  const nameVi = cleanProductName(input.nameVi);
  const code = hasIssuedCode(input)
    ? issuedCode(producer, input, grants, taken)
    : generatedCode(producer, args.year, taken, args.nextCodeNumber);
  for (const gtin of gtins) {
    const owner = taken.gtinOwner(gtin);
    if (owner !== undefined) throw productGtinTaken(gtin, owner);
  }
  const texts: ProductTexts = { ...emptyTexts(), ...cleanProductTexts(input) };
  return {
    producerId: producer.id,
    provinceCode: producer.provinceCode,
    productSetId: input.productSetId,
    legacyProductSetId: input.legacyProductSetId ?? null,
    code,
    slug: freeSlugAmong(slugify(nameVi), taken.slugs),
    nameVi,
    ...texts,
    nameFolded: foldVietnamese(nameVi),
    searchFolded: productSearchText({ nameVi, nameEn: texts.nameEn, code }, producer),
    priceMin: price.min,
    priceMax: price.max,
    status: input.status ?? 'idea',
    seasons,
    gtins,
  };
}

function issuedCode(producer: NewProductProducer, input: NewProductInput, grants: readonly RoleGrant[], taken: TakenProductKeys): string {
  if (!can(grants, 'products.enter_code', { provinceCode: producer.provinceCode })) {
    throw new DomainError('forbidden', 'product.code_not_allowed', 'Only provincial staff may enter an issued code.', { field: 'code' });
  }
  const code = normalizeIssuedProductCode(input.code as string);
  if (taken.codes.has(code)) throw productCodeTaken(code);
  return code;
}

// Codes typed in by hand may already hold a number of the sequence: those are skipped.
function generatedCode(
  producer: NewProductProducer,
  year: number,
  taken: TakenProductKeys,
  nextCodeNumber: () => number | undefined,
): string {
  const place = { provinceCode: producer.provinceCode, communeCode: producer.communeCode };
  for (;;) {
    const sequence = nextCodeNumber();
    if (sequence === undefined) throw new ProductCodeNumbersExhausted(place);
    const code = formatProductCode({ ...place, sequence, year });
    if (!taken.codes.has(code)) return code;
  }
}

/** The slug firstFreeSlug would choose, given every taken slug that could collide. */
function freeSlugAmong(base: string, taken: { has(slug: string): boolean }): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = slugWithSuffix(base, n);
    if (!taken.has(candidate)) return candidate;
  }
}

function emptyTexts(): ProductTexts {
  return Object.fromEntries(PRODUCT_TEXT_FIELDS.map((key) => [key, null])) as ProductTexts;
}
