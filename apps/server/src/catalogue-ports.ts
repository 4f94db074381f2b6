import { isDomainError, type RoleGrant } from '@ocop/domain/shared';
import type { CertificationModule } from './modules/certification';
import type { GeographyModule } from './modules/geography';
import type { CatalogueProduct, CatalogueSources, SalesPointMap } from './modules/catalogue';
import type { RegistryModule } from './modules/registry';

/** The catalogue reads the registry as the system: it shows only what the certification allows in public. */
const SYSTEM: { grants: readonly RoleGrant[] } = {
  grants: [{ role: 'system_admin', provinceCode: null, communeCode: null, producerId: null, salesPointId: null }],
};

/** A day on the map before the July 2025 reform: where former districts are named. */
const BEFORE_REFORM = '2025-06-30';
const FILE_ID_IN_URL = /^\/api\/files\/([0-9a-f-]{36})(?:\?|$)/;

/** The certified products for the public catalogue (wiring across modules, kept apart from app.ts). */
export function catalogueSourcesPort(deps: {
  registry: RegistryModule;
  certification: CertificationModule;
  geography: GeographyModule;
}): CatalogueSources {
  const { registry, certification, geography } = deps;
  return {
    certifiedProducts: async function* () {
      const names = new Map<string, string | null>();
      const nameOf = async (code: string | null, asOf?: string) => {
        if (!code) return null;
        const key = `${code}@${asOf ?? ''}`;
        if (!names.has(key)) names.set(key, (await geography.adminUnits.findUnit(code, asOf).catch(() => undefined))?.name ?? null);
        return names.get(key) ?? null;
      };
      for await (const page of registry.products.iterateProducts(SYSTEM, {})) {
        const marks = await certification.marksOf(page.map((product) => product.id));
        const out: CatalogueProduct[] = [];
        for (const product of page) {
          const mark = marks.get(product.id);
          if (product.status === 'withdrawn' || !mark?.allowed || !mark.stars || !mark.certificateNumber || !mark.status) continue;
          const fileId = product.primaryImageUrl ? FILE_ID_IN_URL.exec(product.primaryImageUrl)?.[1] : undefined;
          out.push({
            id: product.id,
            slug: product.slug,
            code: product.code,
            nameVi: product.nameVi,
            nameEn: product.nameEn,
            nameZh: product.nameZh,
            producer: { id: product.producer.id, name: product.producer.name },
            productSet: {
              code: product.productSet.code,
              name: product.productSet.name,
              groupCode: product.productSet.groupCode,
              groupName: product.productSet.groupName,
            },
            provinceCode: product.producer.provinceCode,
            provinceName: await nameOf(product.producer.provinceCode),
            communeCode: product.producer.communeCode,
            communeName: await nameOf(product.producer.communeCode),
            legacyDistrictCode: product.producer.legacyDistrictCode,
            legacyDistrictName: await nameOf(product.producer.legacyDistrictCode, BEFORE_REFORM),
            priceMin: product.priceMin,
            priceMax: product.priceMax,
            // The scan pages' public picture address: only a product's own primary picture is served there.
            primaryImageUrl: fileId ? `/s/img/${product.id}/${fileId}` : null,
            stars: mark.stars,
            certificateNumber: mark.certificateNumber,
            certificateStatus: mark.status,
            validUntil: mark.validUntil,
            verificationUrl: mark.verificationUrl ?? `/c/${encodeURIComponent(mark.certificateNumber)}`,
          });
        }
        yield out;
      }
    },
    productTexts: async (productId) => {
      const product = await registry.products.getProduct(SYSTEM, productId).catch((error: unknown) => {
        if (isDomainError(error) && error.kind === 'not_found') return null;
        throw error;
      });
      return product ? { description: product.description, story: product.story } : null;
    },
    producerProfile: async (producerId) => {
      const producer = await registry.producers.getProducer(SYSTEM, producerId).catch((error: unknown) => {
        if (isDomainError(error) && error.kind === 'not_found') return null;
        throw error;
      });
      return producer ? { type: producer.type, phone: producer.phone } : null;
    },
  };
}

/** The map as the sales points read it: communes of the current map, their former districts, and coverage units. */
export function salesPointMapPort(geography: GeographyModule): SalesPointMap {
  const { adminUnits } = geography;
  return {
    assertCommuneInProvince: async (communeCode, provinceCode) => {
      await adminUnits.assertCommuneInProvince(communeCode, provinceCode);
    },
    formerDistrictsOf: async (communeCode) => {
      const links = await adminUnits.predecessorsOf(communeCode);
      return [...new Set(links.map((link) => link.oldUnit.parentCode).filter((code): code is string => code !== null))];
    },
    unitsForCoverage: async (provinceCode) => {
      const before = await adminUnits.unitsOfProvince(provinceCode, BEFORE_REFORM).catch(() => null);
      const now = await adminUnits.unitsOfProvince(provinceCode);
      const unit = ({ code, name }: { code: string; name: string }) => ({ code, name });
      return {
        provinceName: now.province.name,
        districts: before?.districts.map(unit) ?? [],
        communes: now.communes.map(unit),
      };
    },
  };
}
