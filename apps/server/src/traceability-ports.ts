import { DomainError, isDomainError, type RoleGrant } from '@ocop/domain/shared';
import type { CertificationModule } from './modules/certification';
import type { GeographyModule } from './modules/geography';
import type { RegistryModule } from './modules/registry';
import type { TraceabilityCertificates, TraceabilityMap, TraceabilityPublicFacts, TraceabilityRegistry } from './modules/traceability';

/** The traceability reads the registry as the system: its own services check who may see a lot. */
const SYSTEM: { grants: readonly RoleGrant[] } = {
  grants: [{ role: 'system_admin', provinceCode: null, communeCode: null, producerId: null, salesPointId: null }],
};

/** The registry's products, as the traceability reads them (wiring, kept apart from app.ts). */
export function traceabilityRegistryPort(registry: RegistryModule): TraceabilityRegistry {
  return {
    productFacts: async (productId) => {
      const product = await registry.products.getProduct(SYSTEM, productId).catch((error: unknown) => {
        if (isDomainError(error) && error.kind === 'not_found') return null;
        throw error;
      });
      if (!product) return null;
      return {
        id: product.id,
        code: product.code,
        producerId: product.producer.id,
        provinceCode: product.producer.provinceCode,
        communeCode: product.producer.communeCode,
        // The registry keeps GTINs as 14 digits, in the order given; the first names the product.
        gtin14: product.gtins[0] ?? null,
        nameVi: product.nameVi,
      };
    },
    producerPlace: async (producerId) => {
      const place = await registry.producers.placeOf(producerId).catch((error: unknown) => {
        if (isDomainError(error) && error.kind === 'not_found') return null;
        throw error;
      });
      // A producer always has a commune on the 2025 map; the type allows null for older rows of other modules.
      if (!place?.communeCode) return null;
      return { producerId: place.producerId, provinceCode: place.provinceCode, communeCode: place.communeCode };
    },
    keyOwners: (gtins, codes) => registry.products.keyOwners(gtins, codes),
    productByGtin: async (gtin14) => {
      // The registry keeps one product per GTIN; a GTIN of an unpublished product names nothing yet.
      const [owner] = await registry.products.keyOwners([gtin14], []);
      return owner ? { id: owner.id, nameVi: owner.nameVi } : null;
    },

    productsOfProvince: async function* (provinceCode) {
      for await (const page of registry.products.iterateProducts(SYSTEM, { provinceCode })) {
        yield page.map((product) => ({
          id: product.id,
          code: product.code,
          producerId: product.producer.id,
          nameVi: product.nameVi,
          nameEn: product.nameEn,
          productSet: {
            code: product.productSet.code,
            name: product.productSet.name,
            groupCode: product.productSet.groupCode,
            groupName: product.productSet.groupName,
          },
          gtins: product.gtins,
          netQuantity: product.netQuantity,
          packaging: product.packaging,
          shelfLife: product.shelfLife,
        }));
      }
    },

    producersByIds: async (provinceCode, producerIds) => {
      const wanted = new Set(producerIds);
      const found = [];
      if (wanted.size === 0) return [];
      // A province has a few thousand producers at most: reading them in pages beats a query per id.
      for await (const page of registry.producers.iterateProducers(SYSTEM, { provinceCode })) {
        for (const row of page) {
          if (!wanted.has(row.id)) continue;
          found.push({
            id: row.id,
            name: row.name,
            type: row.type,
            registrationNumber: row.registrationNumber,
            provinceCode: row.provinceCode,
            communeCode: row.communeCode,
            address: row.address,
            representativeName: row.representativeName,
            phone: row.phone,
            email: row.email,
            latitude: row.latitude,
            longitude: row.longitude,
          });
        }
      }
      return found;
    },
  };
}

/** The OCOP mark each product may show on the export day (stars, certificate), for the national portal export. */
export function traceabilityCertificatesPort(certification: CertificationModule): TraceabilityCertificates {
  return {
    marksOf: async (productIds) => {
      const marks = await certification.marksOf(productIds);
      const out = new Map<string, { stars: number; certificateNumber: string; validUntil: string | null } | null>();
      for (const [productId, mark] of marks) {
        out.set(
          productId,
          mark.allowed && mark.stars !== null && mark.certificateNumber !== null
            ? { stars: mark.stars, certificateNumber: mark.certificateNumber, validUntil: mark.validUntil }
            : null,
        );
      }
      return out;
    },
  };
}

/** The current map, as the traceability checks a growing area's, a site's or a destination's commune against it. */
export function traceabilityMapPort(geography: GeographyModule): TraceabilityMap {
  return {
    assertCommuneInProvince: geography.adminUnits.assertCommuneInProvince,
    assertCommune: async (communeCode) => {
      const unit = await geography.adminUnits.findUnit(communeCode);
      if (unit?.level !== 'commune')
        throw new DomainError('invalid', 'admin_unit.commune_not_found', 'No such commune on the current map.', { code: communeCode });
      return unit;
    },
  };
}

/** A primary picture's URL names its file: `/api/files/{id}?variant=thumb`. */
const FILE_ID_IN_URL = /^\/api\/files\/([0-9a-f-]{36})(?:\?|$)/;

/**
 * The public faces the scan page shows: the product as the registry has it (read as the system,
 * because the page is public and shows only what a product's label shows anyway), the commune's
 * name, and the certificate through the certification's public verification.
 */
export function traceabilityPublicFactsPort(deps: {
  registry: RegistryModule;
  geography: GeographyModule;
  certification: CertificationModule;
}): TraceabilityPublicFacts {
  const { registry, geography, certification } = deps;
  const productOf = (productId: string) =>
    registry.products.getProduct(SYSTEM, productId).catch((error: unknown) => {
      if (isDomainError(error) && error.kind === 'not_found') return null;
      throw error;
    });
  return {
    certificateNumberOf: async (productId) => (await certification.marksOf([productId])).get(productId)?.certificateNumber ?? null,
    certificateByNumber: async (number) => {
      const result = await certification.certificates.verify(number);
      if (result.kind !== 'found') return null;
      const view = result.view;
      return {
        number: view.number,
        stars: view.stars,
        status: view.status,
        statusSince: view.statusSince,
        validUntil: view.validUntil,
        expiresOn: view.expiresOn,
        mayShowMark: view.mayShowMark,
        revokedOn: view.revocation?.effectiveOn ?? null,
        verificationUrl: view.verificationUrl,
      };
    },
    productFace: async (productId) => {
      const product = await productOf(productId);
      if (!product) return null;
      const commune = product.producer.communeCode ? await geography.adminUnits.findUnit(product.producer.communeCode) : undefined;
      return {
        nameVi: product.nameVi,
        nameEn: product.nameEn,
        producerName: product.producer.name,
        communeName: commune?.name ?? null,
        imageFileId: product.primaryImageUrl ? (FILE_ID_IN_URL.exec(product.primaryImageUrl)?.[1] ?? null) : null,
      };
    },
    openProductImage: async (productId, fileId) => {
      const product = await productOf(productId);
      const primary = product?.primaryImageUrl ? FILE_ID_IN_URL.exec(product.primaryImageUrl)?.[1] : undefined;
      // Only the product's own primary picture: never another file (a licence, an ID paper) by its id.
      if (!primary || primary !== fileId) return null;
      const download = await registry.files.openFile(
        SYSTEM.grants,
        fileId,
        product?.primaryImageUrl?.includes('variant=thumb') ? 'thumb' : undefined,
      );
      return { stream: download.stream, mediaType: download.mediaType, sizeBytes: download.sizeBytes };
    },
    communeNames: async (codes) => {
      const names = new Map<string, string>();
      for (const code of new Set(codes)) {
        const unit = await geography.adminUnits.findUnit(code);
        if (unit) names.set(code, unit.name);
      }
      return names;
    },
  };
}
