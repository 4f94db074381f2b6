import { LEGAL_FORMS, PRODUCER_STATUSES, PRODUCER_TYPES, PRODUCT_STATUSES, SEASON_NOTE_MAX } from '@ocop/domain/registry';
import { z } from 'zod';
import { isoDate, pageQuery } from './common';

// ————— Classification —————

export const classificationVersionView = z.object({
  code: z.string(),
  name: z.string(),
  legalBasis: z.string(),
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  note: z.string().nullable(),
  /** True for the classification in force today; new products take their set from it. */
  inForce: z.boolean(),
});
export type ClassificationVersionView = z.infer<typeof classificationVersionView>;

export const productSetRefView = z.object({
  id: z.uuid(),
  versionCode: z.string(),
  code: z.string(),
  name: z.string(),
});
export type ProductSetRefView = z.infer<typeof productSetRefView>;

export const productSetLinkView = productSetRefView.extend({ isPrimary: z.boolean(), note: z.string().nullable() });

export const productSetView = z.object({
  id: z.uuid(),
  versionCode: z.string(),
  code: z.string(),
  groupCode: z.string(),
  groupName: z.string(),
  subgroupCode: z.string().nullable(),
  subgroupName: z.string().nullable(),
  name: z.string(),
  managingAgency: z.string().nullable(),
  requiresSamples: z.boolean(),
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  /** For a set of an earlier classification: the set(s) of the current one it became. */
  mapsTo: z.array(productSetLinkView),
  /** For a current set: the earlier sets that became it. */
  mappedFrom: z.array(productSetLinkView),
});
export type ProductSetView = z.infer<typeof productSetView>;

export const productSetListQuery = z
  .object({
    /** A classification version code ('qd148-2023', 'qd1048-2019'); the one in force when omitted. */
    version: z.string().min(1).max(40).optional(),
    groupCode: z.string().min(1).max(10).optional(),
  })
  .strict();

export const productGroupView = z.object({ versionCode: z.string(), code: z.string(), name: z.string() });
export const productSetListView = z.object({
  version: classificationVersionView,
  groups: z.array(productGroupView),
  items: z.array(productSetView),
});
export type ProductSetListView = z.infer<typeof productSetListView>;

export const updateProductSetBody = z
  .object({
    name: z.string().trim().min(1).max(300).optional(),
    managingAgency: z.string().trim().max(300).nullable().optional(),
    effectiveFrom: isoDate.optional(),
    effectiveTo: isoDate.nullable().optional(),
  })
  .strict();
export type UpdateProductSetBody = z.infer<typeof updateProductSetBody>;

// ————— Producers —————

const communeCode = z.string().regex(/^\d{5}$/);
const optionalText = (max: number) => z.string().trim().max(max).nullish();

export const producerView = z.object({
  id: z.uuid(),
  provinceCode: z.string(),
  type: z.enum(PRODUCER_TYPES),
  legalForm: z.enum(LEGAL_FORMS).nullable(),
  name: z.string(),
  registrationNumber: z.string(),
  communeCode: z.string(),
  communeName: z.string().nullable(),
  legacyCommuneCode: z.string().nullable(),
  legacyCommuneName: z.string().nullable(),
  legacyDistrictCode: z.string().nullable(),
  legacyDistrictName: z.string().nullable(),
  address: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  representativeName: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  foundingYear: z.number().int().nullable(),
  memberCount: z.number().int().nullable(),
  status: z.enum(PRODUCER_STATUSES),
  statusReason: z.string().nullable(),
  statusChangedAt: z.iso.datetime().nullable(),
  productCount: z.number().int(),
  /** The first last-valid-day among its documents and its products' documents; drives the expiry flag. */
  earliestDocumentValidTo: z.iso.date().nullable(),
  isDemo: z.boolean(),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type ProducerView = z.infer<typeof producerView>;

const producerFields = {
  type: z.enum(PRODUCER_TYPES),
  legalForm: z.enum(LEGAL_FORMS).nullish(),
  name: z.string().trim().min(1).max(300),
  /** Checked by the server (tax code shape, per type), so that a wrong one gets a precise message. */
  registrationNumber: z.string().max(60),
  communeCode,
  legacyCommuneCode: communeCode.nullish(),
  address: optionalText(500),
  latitude: z.number().nullish(),
  longitude: z.number().nullish(),
  representativeName: optionalText(200),
  phone: z.string().max(40).nullish(),
  email: z.string().max(254).nullish(),
  foundingYear: z.number().int().nullish(),
  memberCount: z.number().int().nullish(),
};

export const createProducerBody = z
  .object({
    ...producerFields,
    /** Needed only by a user who works in several provinces (a system admin). */
    provinceCode: z
      .string()
      .regex(/^\d{2}$/)
      .optional(),
    status: z.enum(PRODUCER_STATUSES).optional(),
  })
  .strict();
export type CreateProducerBody = z.infer<typeof createProducerBody>;

export const updateProducerBody = z
  .object({
    type: producerFields.type.optional(),
    legalForm: producerFields.legalForm,
    name: producerFields.name.optional(),
    registrationNumber: producerFields.registrationNumber.optional(),
    communeCode: communeCode.optional(),
    legacyCommuneCode: producerFields.legacyCommuneCode,
    address: producerFields.address,
    latitude: producerFields.latitude,
    longitude: producerFields.longitude,
    representativeName: producerFields.representativeName,
    phone: producerFields.phone,
    email: producerFields.email,
    foundingYear: producerFields.foundingYear,
    memberCount: producerFields.memberCount,
    /** The version read; a change made meanwhile by someone else answers 409. */
    version: z.number().int().min(1),
  })
  .strict();
export type UpdateProducerBody = z.infer<typeof updateProducerBody>;

export const changeProducerStatusBody = z
  .object({ status: z.enum(PRODUCER_STATUSES), reason: optionalText(1000), version: z.number().int().min(1) })
  .strict();
export type ChangeProducerStatusBody = z.infer<typeof changeProducerStatusBody>;

export const PRODUCER_SORTS = ['name', '-name', 'createdAt', '-createdAt', 'updatedAt', '-updatedAt', 'registrationNumber'] as const;

const producerFilters = {
  /** Name or registration number, ignoring diacritics and case. */
  q: z.string().max(100).optional(),
  provinceCode: z
    .string()
    .regex(/^\d{2}$/)
    .optional(),
  /** A commune code of either map: producers whose current or old commune it is. */
  communeCode: communeCode.optional(),
  /** A district of the 2025-03-01 map: producers whose old commune was in it. */
  legacyDistrictCode: z
    .string()
    .regex(/^\d{3}$/)
    .optional(),
  type: z.enum(PRODUCER_TYPES).optional(),
  status: z.enum(PRODUCER_STATUSES).optional(),
  /** The producers a completed spreadsheet import created or changed. */
  importId: z.uuid().optional(),
  sort: z.enum(PRODUCER_SORTS).optional(),
};

export const producerListQuery = z.object({ ...producerFilters, ...pageQuery }).strict();
export type ProducerListQuery = z.infer<typeof producerListQuery>;

export const EXPORT_FORMATS = ['xlsx', 'csv'] as const;
export const producerExportQuery = z.object({ ...producerFilters, format: z.enum(EXPORT_FORMATS).default('xlsx') }).strict();
export type ProducerExportQuery = z.infer<typeof producerExportQuery>;

// ————— Products —————

export const productProducerView = z.object({
  id: z.uuid(),
  name: z.string(),
  type: z.enum(PRODUCER_TYPES),
  registrationNumber: z.string(),
  communeCode: z.string(),
  communeName: z.string().nullable(),
  legacyDistrictCode: z.string().nullable(),
});

export const productSetBriefView = productSetRefView.extend({ groupCode: z.string(), groupName: z.string() });

export const productListItemView = z.object({
  id: z.uuid(),
  provinceCode: z.string(),
  code: z.string(),
  slug: z.string(),
  nameVi: z.string(),
  nameEn: z.string().nullable(),
  status: z.enum(PRODUCT_STATUSES),
  priceMin: z.number().int().nullable(),
  priceMax: z.number().int().nullable(),
  /** Mùa vụ: months 1–12 in calendar order; empty when not stated. */
  seasons: z.array(z.number().int()),
  producer: productProducerView,
  productSet: productSetBriefView,
  /** The primary image's list-size variant, once images exist. */
  primaryImageUrl: z.string().nullable(),
  isDemo: z.boolean(),
  version: z.number().int(),
  updatedAt: z.iso.datetime(),
});
export type ProductListItemView = z.infer<typeof productListItemView>;

export const productView = productListItemView.extend({
  nameZh: z.string().nullable(),
  description: z.string().nullable(),
  story: z.string().nullable(),
  descriptionZh: z.string().nullable(),
  storyZh: z.string().nullable(),
  seasonNote: z.string().nullable(),
  rawMaterial: z.string().nullable(),
  rawMaterialOrigin: z.string().nullable(),
  packaging: z.string().nullable(),
  netQuantity: z.string().nullable(),
  shelfLife: z.string().nullable(),
  storageInstructions: z.string().nullable(),
  legacyProductSet: productSetRefView.nullable(),
  /** Normalised to 14 digits. */
  gtins: z.array(z.string()),
  statusChangedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
});
export type ProductView = z.infer<typeof productView>;

/**
 * Mùa vụ: month numbers; [] clears them. Checked by the server (whole 1–12, each once), so that a
 * wrong month gets its own message (product.seasons_invalid, 422); the list is bounded here.
 */
export const seasonMonths = z.array(z.number()).max(24);

const productFields = {
  productSetId: z.uuid(),
  legacyProductSetId: z.uuid().nullish(),
  nameVi: z.string().trim().min(1).max(300),
  nameEn: optionalText(300),
  nameZh: optionalText(300),
  description: optionalText(5000),
  story: optionalText(10000),
  descriptionZh: optionalText(5000),
  storyZh: optionalText(10000),
  seasons: seasonMonths.optional(),
  seasonNote: optionalText(SEASON_NOTE_MAX),
  rawMaterial: optionalText(1000),
  rawMaterialOrigin: optionalText(1000),
  packaging: optionalText(500),
  netQuantity: optionalText(100),
  shelfLife: optionalText(200),
  storageInstructions: optionalText(1000),
  /** Whole đồng; checked by the server. */
  priceMin: z.number().nullish(),
  priceMax: z.number().nullish(),
  /** GTIN-8/12/13/14 as printed; checked and normalised by the server. */
  gtins: z.array(z.string().max(40)).max(20).optional(),
};

export const createProductBody = z
  .object({
    producerId: z.uuid(),
    ...productFields,
    /** A code issued before this system (province staff only); generated when omitted. */
    code: z.string().max(60).optional(),
    status: z.enum(PRODUCT_STATUSES).optional(),
  })
  .strict();
export type CreateProductBody = z.infer<typeof createProductBody>;

export const updateProductBody = z
  .object({
    productSetId: productFields.productSetId.optional(),
    legacyProductSetId: productFields.legacyProductSetId,
    nameVi: productFields.nameVi.optional(),
    nameEn: productFields.nameEn,
    nameZh: productFields.nameZh,
    description: productFields.description,
    story: productFields.story,
    descriptionZh: productFields.descriptionZh,
    storyZh: productFields.storyZh,
    seasons: productFields.seasons,
    seasonNote: productFields.seasonNote,
    rawMaterial: productFields.rawMaterial,
    rawMaterialOrigin: productFields.rawMaterialOrigin,
    packaging: productFields.packaging,
    netQuantity: productFields.netQuantity,
    shelfLife: productFields.shelfLife,
    storageInstructions: productFields.storageInstructions,
    priceMin: productFields.priceMin,
    priceMax: productFields.priceMax,
    gtins: productFields.gtins,
    version: z.number().int().min(1),
  })
  .strict();
export type UpdateProductBody = z.infer<typeof updateProductBody>;

export const changeProductStatusBody = z.object({ status: z.enum(PRODUCT_STATUSES), version: z.number().int().min(1) }).strict();
export type ChangeProductStatusBody = z.infer<typeof changeProductStatusBody>;

export const PRODUCT_SORTS = ['name', '-name', 'createdAt', '-createdAt', 'updatedAt', '-updatedAt', 'code', '-code', 'relevance'] as const;

const productFilters = {
  /** Product names, code or producer name, ignoring diacritics and case: "che shan tuyet". */
  q: z.string().max(100).optional(),
  provinceCode: z
    .string()
    .regex(/^\d{2}$/)
    .optional(),
  /** A commune code of either map: products of producers whose current or old commune it is. */
  communeCode: communeCode.optional(),
  legacyDistrictCode: z
    .string()
    .regex(/^\d{3}$/)
    .optional(),
  producerId: z.uuid().optional(),
  producerType: z.enum(PRODUCER_TYPES).optional(),
  /** A group of the classification in force ('1' … '6'). */
  groupCode: z.string().min(1).max(10).optional(),
  productSetId: z.uuid().optional(),
  status: z.enum(PRODUCT_STATUSES).optional(),
  /** The products a completed spreadsheet import created or changed. */
  importId: z.uuid().optional(),
  /** Default: relevance when searching, else name. */
  sort: z.enum(PRODUCT_SORTS).optional(),
};

export const productListQuery = z.object({ ...productFilters, ...pageQuery }).strict();
export type ProductListQuery = z.infer<typeof productListQuery>;

export const productExportQuery = z.object({ ...productFilters, format: z.enum(EXPORT_FORMATS).default('xlsx') }).strict();
export type ProductExportQuery = z.infer<typeof productExportQuery>;
