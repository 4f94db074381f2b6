import type { AdminUnitService } from '../../geography';
import { LEGACY_CLASSIFICATION, type ClassificationService } from '../classification/classification.service';
import type { TemplateLists } from './import-workbooks';
import { LEGAL_FORM_OPTIONS, PRODUCER_STATUS_OPTIONS, PRODUCER_TYPE_OPTIONS } from './producer-columns';
import { PRODUCT_STATUS_OPTIONS } from './product-columns';
import { LEGACY_MAP_DATE } from '../shared/unit-directory';

/**
 * The drop-down lists of an import template for one province: enum labels, the province's
 * communes on both maps ("code - name", as the columns read them) and the product sets.
 */
export function createTemplateLists(deps: { adminUnits: AdminUnitService; classification: ClassificationService }) {
  return async (kind: 'producers' | 'products', provinceCode: string): Promise<TemplateLists> => {
    if (kind === 'producers') {
      const [current, legacy] = await Promise.all([
        deps.adminUnits.unitsOfProvince(provinceCode),
        deps.adminUnits.unitsOfProvince(provinceCode, LEGACY_MAP_DATE).catch(() => null),
      ]);
      const districtName = new Map((legacy?.districts ?? []).map((unit) => [unit.code, unit.name]));
      return {
        byKey: {
          type: PRODUCER_TYPE_OPTIONS.map((option) => option.label),
          legalForm: LEGAL_FORM_OPTIONS.map((option) => option.label),
          status: PRODUCER_STATUS_OPTIONS.map((option) => option.label),
          communeCode: current.communes.map((unit) => `${unit.code} - ${unit.name}`),
          legacyCommuneCode: (legacy?.communes ?? []).map((unit) => {
            const district = unit.parentCode ? districtName.get(unit.parentCode) : undefined;
            return `${unit.code} - ${unit.name}${district ? `, ${district}` : ''}`;
          }),
        },
      };
    }
    const [current, legacy] = await Promise.all([
      deps.classification.listSets({}),
      deps.classification.listSets({ version: LEGACY_CLASSIFICATION }).catch(() => null),
    ]);
    return {
      byKey: {
        productSetId: current.items.map((set) => `${set.code} - ${set.name}`),
        legacyProductSetId: (legacy?.items ?? []).map((set) => `${set.code} - ${set.name}`),
        status: PRODUCT_STATUS_OPTIONS.map((option) => option.label),
      },
    };
  };
}
