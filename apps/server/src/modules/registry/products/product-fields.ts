import type {
  ChangeProductStatusBody,
  CreateProductBody,
  ProductListItemView,
  ProductListQuery,
  UpdateProductBody,
} from '@ocop/contracts/registry';
import {
  canReadProducer,
  checkPriceRange,
  cleanProductName,
  cleanProductTexts,
  type NewProductPlan,
  normalizeGtins,
  normalizeSeasons,
  PRODUCT_TEXT_FIELDS,
} from '@ocop/domain/registry';
import { DomainError } from '@ocop/domain/shared';
import type { ProducerRow } from '../producers/producer.tables';
import { changedFields, type RegistryActor } from '../shared/registry-support';
import type { ProductInsert, ProductRow } from './product.tables';

export { productCodeTaken as codeTaken, productGtinTaken as gtinTaken } from '@ocop/domain/registry';

/** A new product as the create request carries it (spreadsheet rows are turned into the same). */
export type CreateProductInput = CreateProductBody;
/** What a product record says, apart from its producer, code and status. */
export type ProductFields = Omit<CreateProductBody, 'producerId' | 'code' | 'status'>;
/** Absent fields stay as they are; null clears an optional field; `gtins` replaces the list. */
export type UpdateProductInput = UpdateProductBody;
export type ProductStatusInput = ChangeProductStatusBody;
export type ProductFilters = Omit<ProductListQuery, 'page' | 'pageSize'>;

export type ProductProducer = Pick<
  ProducerRow,
  'id' | 'name' | 'type' | 'registrationNumber' | 'provinceCode' | 'communeCode' | 'legacyDistrictCode'
>;
export type ProductSetBrief = ProductListItemView['productSet'];
export type ProductListItem = ProductRow & { producer: ProductProducer; productSet: ProductSetBrief; primaryImageUrl: string | null };
export type ProductDetail = ProductListItem & { gtins: string[]; legacyProductSet: ProductSetBrief | null };

/** Primary image URL per product id; supplied by the part of the registry that owns images. */
export type PrimaryImageLookup = (productIds: string[]) => Promise<Map<string, string>>;

/** Fields of a product the audit log shows; everything but the derived search columns. */
export const AUDITED = [
  'producerId',
  'productSetId',
  'legacyProductSetId',
  'code',
  'slug',
  'nameVi',
  ...PRODUCT_TEXT_FIELDS,
  'priceMin',
  'priceMax',
  'seasons',
  'status',
  'isDemo',
] as const satisfies readonly (keyof ProductRow)[];

/** The `after` of a `product.created` audit entry. */
export function createdAuditAfter(row: ProductRow, gtins: string[]) {
  return { ...Object.fromEntries(AUDITED.map((key) => [key, row[key]])), gtins };
}

/** The row to insert for a planned product, stamped with the time and how it was added. */
export function newProductRow(
  plan: NewProductPlan,
  p: { now: Date; isDemo: boolean; importId?: string | null | undefined; id?: string | undefined },
): ProductInsert {
  const { gtins: _gtins, ...fields } = plan;
  return {
    ...(p.id !== undefined ? { id: p.id } : {}),
    ...fields,
    statusChangedAt: plan.status === 'idea' ? null : p.now,
    isDemo: p.isDemo,
    ...(p.importId !== undefined ? { importId: p.importId } : {}),
    createdAt: p.now,
    updatedAt: p.now,
  };
}

/** The record an update would leave (checked), its GTINs, and what differs from before; reads and writes nothing. */
export function plannedUpdate(before: ProductRow, beforeGtins: string[], input: Partial<ProductFields>) {
  const price = checkPriceRange(
    input.priceMin !== undefined ? input.priceMin : before.priceMin,
    input.priceMax !== undefined ? input.priceMax : before.priceMax,
  );
  const nameVi = input.nameVi !== undefined ? cleanProductName(input.nameVi) : before.nameVi;
  const next: ProductRow = {
    ...before,
    ...cleanProductTexts(input),
    productSetId: input.productSetId ?? before.productSetId,
    legacyProductSetId: input.legacyProductSetId !== undefined ? input.legacyProductSetId : before.legacyProductSetId,
    nameVi,
    priceMin: price.min,
    priceMax: price.max,
    seasons: input.seasons !== undefined ? normalizeSeasons(input.seasons) : before.seasons,
  };
  const gtins = input.gtins !== undefined ? normalizeGtins(input.gtins) : beforeGtins;
  const gtinsChanged = gtins.join() !== beforeGtins.join();
  const diff = changedFields(before as Record<string, unknown>, next as Record<string, unknown>, AUDITED as readonly string[]);
  return { next, gtins, gtinsChanged, diff };
}

export function staleVersion(currentVersion: number) {
  return new DomainError('conflict', 'product.stale_version', 'The product was changed meanwhile.', { currentVersion });
}

export function changedMeanwhile() {
  return new DomainError('conflict', 'import.changed_meanwhile', 'Another product took a code or link name while the import ran.');
}

/** The product holding a GTIN, with where its producer sits (a conflict names it only to who may see it). */
export type GtinOwner = { gtin: string; code: string; producerId: string; provinceCode: string; communeCode: string };

/** The code of a GTIN's owner as the actor may be told it: empty for a product outside its reach. */
export function visibleCode(actor: RegistryActor, owner: GtinOwner): string {
  return canReadProducer(actor.grants, { producerId: owner.producerId, provinceCode: owner.provinceCode, communeCode: owner.communeCode })
    ? owner.code
    : '';
}
