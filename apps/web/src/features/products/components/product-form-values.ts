import type { CreateProductBody, ProductView, UpdateProductBody } from '@ocop/contracts/registry';
import type { ProductStatus } from '@ocop/domain/registry';
import { type FieldPath, fieldFromDetails } from '../../../lib/form-errors';
import type { Translate } from '../../../lib/i18n';
import { checkGtin, printedGtin, repeatedGtins } from './gtin';

export type ProductFormValues = {
  producerId?: string;
  productSetId?: string;
  legacyProductSetId?: string | null;
  nameVi?: string;
  nameEn?: string | null;
  nameZh?: string | null;
  description?: string | null;
  story?: string | null;
  descriptionZh?: string | null;
  storyZh?: string | null;
  seasons?: number[];
  seasonNote?: string | null;
  rawMaterial?: string | null;
  rawMaterialOrigin?: string | null;
  packaging?: string | null;
  netQuantity?: string | null;
  shelfLife?: string | null;
  storageInstructions?: string | null;
  priceMin?: number | null;
  priceMax?: number | null;
  gtins?: (string | undefined)[];
  code?: string;
  status?: ProductStatus;
};

export const PRODUCT_FORM_FIELDS = [
  'producerId',
  'productSetId',
  'legacyProductSetId',
  'nameVi',
  'nameEn',
  'nameZh',
  'description',
  'story',
  'descriptionZh',
  'storyZh',
  'seasons',
  'seasonNote',
  'rawMaterial',
  'rawMaterialOrigin',
  'packaging',
  'netQuantity',
  'shelfLife',
  'storageInstructions',
  'priceMin',
  'priceMax',
  'gtins',
  'code',
  'status',
] as const;

/** The GTIN row a server error names (by the value sent), else the first one. */
function gtinRow(details: Readonly<Record<string, unknown>>, gtins: readonly (string | undefined)[]): FieldPath {
  const named = [details.value, details.gtin].find((value): value is string => typeof value === 'string');
  if (named) {
    const wanted = checkGtin(named);
    const index = gtins.findIndex((gtin) => {
      if (gtin === undefined) return false;
      if (gtin.trim() === named.trim()) return true;
      const got = checkGtin(gtin);
      return wanted.ok && got.ok && got.gtin14 === wanted.gtin14;
    });
    if (index >= 0) return ['gtins', index];
  }
  return gtins.length > 0 ? ['gtins', 0] : 'gtins';
}

/** Which field a server error on a product belongs to. */
export function productFieldForError(
  code: string,
  details: Readonly<Record<string, unknown>>,
  values: Pick<ProductFormValues, 'gtins'>,
  fields: readonly string[],
): FieldPath | null {
  if (code === 'product.gtin_invalid' || code === 'product.gtin_taken') return gtinRow(details, values.gtins ?? []);
  const named = fieldFromDetails(details, fields);
  if (named) return named;
  let field: string | null = null;
  if (code.startsWith('product.product_set')) field = 'productSetId';
  else if (code === 'product.legacy_product_set_invalid') field = 'legacyProductSetId';
  else if (code.startsWith('product.price')) field = 'priceMin';
  else if (code.startsWith('product.code')) field = 'code';
  else if (code === 'producer.dissolved' || code === 'producer.not_found') field = 'producerId';
  else if (code === 'product.status_change_not_allowed') field = 'status';
  return field && fields.includes(field) ? field : null;
}

export function valuesFromProduct(product: ProductView): ProductFormValues {
  return {
    producerId: product.producer.id,
    productSetId: product.productSet.id,
    legacyProductSetId: product.legacyProductSet?.id ?? null,
    nameVi: product.nameVi,
    nameEn: product.nameEn,
    nameZh: product.nameZh,
    description: product.description,
    story: product.story,
    descriptionZh: product.descriptionZh,
    storyZh: product.storyZh,
    seasons: product.seasons,
    seasonNote: product.seasonNote,
    rawMaterial: product.rawMaterial,
    rawMaterialOrigin: product.rawMaterialOrigin,
    packaging: product.packaging,
    netQuantity: product.netQuantity,
    shelfLife: product.shelfLife,
    storageInstructions: product.storageInstructions,
    priceMin: product.priceMin,
    priceMax: product.priceMax,
    gtins: product.gtins.map(printedGtin),
    status: product.status,
  };
}

function text(value: string | null | undefined): string | null {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
}

function commonBody(values: ProductFormValues) {
  return {
    productSetId: values.productSetId ?? '',
    legacyProductSetId: values.legacyProductSetId || null,
    nameVi: values.nameVi?.trim() ?? '',
    nameEn: text(values.nameEn),
    nameZh: text(values.nameZh),
    description: text(values.description),
    story: text(values.story),
    descriptionZh: text(values.descriptionZh),
    storyZh: text(values.storyZh),
    seasons: values.seasons ?? [],
    seasonNote: text(values.seasonNote),
    rawMaterial: text(values.rawMaterial),
    rawMaterialOrigin: text(values.rawMaterialOrigin),
    packaging: text(values.packaging),
    netQuantity: text(values.netQuantity),
    shelfLife: text(values.shelfLife),
    storageInstructions: text(values.storageInstructions),
    priceMin: values.priceMin ?? null,
    priceMax: values.priceMax ?? null,
    gtins: (values.gtins ?? []).map((gtin) => gtin?.trim() ?? '').filter((gtin) => gtin !== ''),
  };
}

export function createProductBodyOf(values: ProductFormValues, options: { sendCode: boolean }): CreateProductBody {
  const body: CreateProductBody = { producerId: values.producerId ?? '', ...commonBody(values) };
  const code = values.code?.trim();
  if (options.sendCode && code) body.code = code;
  if (values.status) body.status = values.status;
  return body;
}

export function updateProductBodyOf(values: ProductFormValues, version: number): UpdateProductBody {
  return { ...commonBody(values), version };
}

export function gtinProblem(value: string | undefined, index: number, all: readonly (string | undefined)[], t: Translate): string | null {
  const raw = value?.trim() ?? '';
  if (raw === '') return null;
  const check = checkGtin(raw);
  if (!check.ok) {
    if (check.reason === 'not_digits') return t('productForm.gtinNotDigits');
    if (check.reason === 'length') return t('productForm.gtinLength', { length: raw.replace(/[\s-]/g, '').length });
    return check.expectedCheckDigit === undefined
      ? t('productForm.gtinNotDigits')
      : t('productForm.gtinCheckDigit', { digit: check.expectedCheckDigit });
  }
  return repeatedGtins(all).has(index) ? t('productForm.gtinRepeated') : null;
}
