import { isDomainError, type RoleGrant } from '@ocop/domain/shared';
import type { GeographyModule } from './modules/geography';
import type { RegistryModule } from './modules/registry';
import type { TraceabilityMap, TraceabilityRegistry } from './modules/traceability';

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
    producerFacts: async (producerId) => {
      const place = await registry.producers.placeOf(producerId).catch((error: unknown) => {
        if (isDomainError(error) && error.kind === 'not_found') return null;
        throw error;
      });
      return place && { id: place.producerId, provinceCode: place.provinceCode, communeCode: place.communeCode };
    },
    keyOwners: (gtins, codes) => registry.products.keyOwners(gtins, codes),
  };
}

/** The current map, as the traceability checks a growing area's commune against it. */
export function traceabilityMapPort(geography: GeographyModule): TraceabilityMap {
  return { assertCommuneInProvince: geography.adminUnits.assertCommuneInProvince };
}
