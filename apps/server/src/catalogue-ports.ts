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
/** Most bytes read of a source picture (uploads are at most 20 MB; the medium variant is far smaller). */
const MAX_SOURCE_BYTES = 25 * 1024 * 1024;

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
      const pages = registry.products.iterateProducts(SYSTEM, {});
      // The next page is read while this one's marks and pictures are (two connections on PostgreSQL).
      let next = pages.next();
      for (;;) {
        const current = await next;
        if (current.done) break;
        const page = current.value;
        next = pages.next();
        // Awaited at the loop's top; a failure of this page's own reads must not leave it unhandled meanwhile.
        void next.catch(() => undefined);
        const ids = page.map((product) => product.id);
        const [marks, images] = await Promise.all([certification.marksOf(ids), registry.files.primaryImagesOf(ids)]);
        const out: CatalogueProduct[] = [];
        for (const product of page) {
          const mark = marks.get(product.id);
          if (product.status === 'withdrawn' || !mark?.allowed || !mark.stars || !mark.certificateNumber || !mark.status) continue;
          const image = images.get(product.id);
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
            seasons: product.seasons,
            primaryImage: image ? { fileId: image.fileId, width: image.width, height: image.height } : null,
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
    changeToken: async () => {
      const [registryToken, marksToken] = await Promise.all([registry.publicChangeToken(), certification.marksChangeToken()]);
      return `${registryToken}#${marksToken}`;
    },
    productTexts: (productId) => registry.products.productTexts(productId),
    primaryImageBytes: async (fileId) => {
      // The medium variant (≤ 1024 px) where made: a far smaller decode than the full picture.
      const download = await registry.files
        .openFile(SYSTEM.grants, fileId, 'medium')
        .catch(() => registry.files.openFile(SYSTEM.grants, fileId))
        .catch((error: unknown) => {
          if (isDomainError(error) && error.kind === 'not_found') return null;
          throw error;
        });
      if (!download) return null;
      if (download.sizeBytes > MAX_SOURCE_BYTES) {
        download.stream.destroy();
        return 'too_large';
      }
      const chunks: Buffer[] = [];
      for await (const chunk of download.stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array));
      return Buffer.concat(chunks);
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
