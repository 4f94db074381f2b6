import type { ClassificationVersionView, ProducerView, ProductListItemView, ProductSetView, ProductView } from '@ocop/contracts/registry';
import type { ClassificationVersionRow } from '../classification/classification.tables';
import type { ProductSetDetail } from '../classification/classification.service';
import type { ProducerWithCount } from '../producers/producer.service';
import type { ProductDetail, ProductListItem } from '../products/product.service';
import type { ProducerSheetRow } from '../imports/producer-columns';
import type { ProductSheetRow } from '../imports/product-columns';
import type { UnitDirectory } from './unit-directory';

export function toVersionView(row: ClassificationVersionRow, inForceCode: string): ClassificationVersionView {
  const { code, name, legalBasis, effectiveFrom, effectiveTo, note } = row;
  return { code, name, legalBasis, effectiveFrom, effectiveTo, note, inForce: code === inForceCode };
}

export function toProductSetView(row: ProductSetDetail): ProductSetView {
  return {
    id: row.id,
    versionCode: row.versionCode,
    code: row.code,
    groupCode: row.groupCode,
    groupName: row.groupName,
    subgroupCode: row.subgroupCode,
    subgroupName: row.subgroupName,
    name: row.name,
    managingAgency: row.managingAgency,
    requiresSamples: row.requiresSamples,
    effectiveFrom: row.effectiveFrom,
    effectiveTo: row.effectiveTo,
    mapsTo: row.mapsTo,
    mappedFrom: row.mappedFrom,
  };
}

export async function toProducerView(row: ProducerWithCount, units: UnitDirectory): Promise<ProducerView> {
  const names = await units.namesOf(row);
  return {
    id: row.id,
    provinceCode: row.provinceCode,
    type: row.type,
    legalForm: row.legalForm,
    name: row.name,
    registrationNumber: row.registrationNumber,
    communeCode: row.communeCode,
    communeName: names.communeName,
    legacyCommuneCode: row.legacyCommuneCode,
    legacyCommuneName: names.legacyCommuneName,
    legacyDistrictCode: row.legacyDistrictCode,
    legacyDistrictName: names.legacyDistrictName,
    address: row.address,
    latitude: row.latitude,
    longitude: row.longitude,
    representativeName: row.representativeName,
    phone: row.phone,
    email: row.email,
    foundingYear: row.foundingYear,
    memberCount: row.memberCount,
    status: row.status,
    statusReason: row.statusReason,
    statusChangedAt: row.statusChangedAt?.toISOString() ?? null,
    productCount: row.productCount,
    earliestDocumentValidTo: row.earliestDocumentValidTo,
    isDemo: row.isDemo,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function toProductListItemView(item: ProductListItem, units: UnitDirectory): Promise<ProductListItemView> {
  const names = await units.namesOf({ ...item.producer, legacyCommuneCode: null });
  return {
    id: item.id,
    provinceCode: item.provinceCode,
    code: item.code,
    slug: item.slug,
    nameVi: item.nameVi,
    nameEn: item.nameEn,
    status: item.status,
    priceMin: item.priceMin,
    priceMax: item.priceMax,
    seasons: item.seasons,
    producer: {
      id: item.producer.id,
      name: item.producer.name,
      type: item.producer.type,
      registrationNumber: item.producer.registrationNumber,
      communeCode: item.producer.communeCode,
      communeName: names.communeName,
      legacyDistrictCode: item.producer.legacyDistrictCode,
    },
    productSet: item.productSet,
    primaryImageUrl: item.primaryImageUrl,
    isDemo: item.isDemo,
    version: item.version,
    updatedAt: item.updatedAt.toISOString(),
  };
}

export async function toProductView(item: ProductDetail, units: UnitDirectory): Promise<ProductView> {
  const legacy = item.legacyProductSet;
  return {
    ...(await toProductListItemView(item, units)),
    nameZh: item.nameZh,
    description: item.description,
    story: item.story,
    descriptionZh: item.descriptionZh,
    storyZh: item.storyZh,
    seasonNote: item.seasonNote,
    rawMaterial: item.rawMaterial,
    rawMaterialOrigin: item.rawMaterialOrigin,
    packaging: item.packaging,
    netQuantity: item.netQuantity,
    shelfLife: item.shelfLife,
    storageInstructions: item.storageInstructions,
    legacyProductSet: legacy ? { id: legacy.id, versionCode: legacy.versionCode, code: legacy.code, name: legacy.name } : null,
    gtins: item.gtins,
    statusChangedAt: item.statusChangedAt?.toISOString() ?? null,
    createdAt: item.createdAt.toISOString(),
  };
}

export async function toProducerSheetRow(
  row: ProducerWithCount | Omit<ProducerWithCount, 'productCount' | 'earliestDocumentValidTo'>,
  units: UnitDirectory,
): Promise<ProducerSheetRow> {
  const names = await units.namesOf(row);
  return {
    registrationNumber: row.registrationNumber,
    name: row.name,
    type: row.type,
    legalForm: row.legalForm,
    communeCode: row.communeCode,
    communeName: names.communeName,
    legacyCommuneCode: row.legacyCommuneCode,
    legacyCommuneName: names.legacyCommuneName,
    legacyDistrictName: names.legacyDistrictName,
    address: row.address,
    latitude: row.latitude,
    longitude: row.longitude,
    representativeName: row.representativeName,
    phone: row.phone,
    email: row.email,
    foundingYear: row.foundingYear,
    memberCount: row.memberCount,
    status: row.status,
  };
}

export function toProductSheetRow(item: ProductDetail): ProductSheetRow {
  return {
    code: item.code,
    producerRegistrationNumber: item.producer.registrationNumber,
    producerName: item.producer.name,
    nameVi: item.nameVi,
    nameEn: item.nameEn,
    nameZh: item.nameZh,
    productSetCode: item.productSet.code,
    productSetName: item.productSet.name,
    legacyProductSetCode: item.legacyProductSet?.code ?? null,
    legacyProductSetName: item.legacyProductSet?.name ?? null,
    status: item.status,
    description: item.description,
    story: item.story,
    descriptionZh: item.descriptionZh,
    storyZh: item.storyZh,
    seasons: item.seasons,
    seasonNote: item.seasonNote,
    rawMaterial: item.rawMaterial,
    rawMaterialOrigin: item.rawMaterialOrigin,
    packaging: item.packaging,
    netQuantity: item.netQuantity,
    shelfLife: item.shelfLife,
    storageInstructions: item.storageInstructions,
    priceMin: item.priceMin,
    priceMax: item.priceMax,
    gtins: item.gtins,
  };
}
