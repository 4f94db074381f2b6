import { DomainError, isDomainError, type RoleGrant } from '@ocop/domain/shared';
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
