import { type ItemLinks, itemLinks, type ResolvedKey } from '@ocop/domain/traceability';
import type { TraceabilityCertificates, TraceabilityRegistry } from '../traceability-ports';

/**
 * What the Digital Link resolver needs from the data: the product a GTIN names and its current
 * certificate (two lookups through the ports). Serials and lots are never looked up here: the scan
 * page answers every serial, known or made up, the same way (issue 14, no enumeration).
 */
export function createResolverService(deps: { registry: TraceabilityRegistry; certificates: TraceabilityCertificates; publicUrl: string }) {
  return {
    /** The links of the item `key` names, or null when no published product has its GTIN. */
    linksOf: async (key: ResolvedKey): Promise<ItemLinks | null> => {
      const product = await deps.registry.productByGtin(key.gtin);
      if (!product) return null;
      const mark = (await deps.certificates.marksOf([product.id])).get(product.id) ?? null;
      return itemLinks(deps.publicUrl, key, {
        nameVi: product.nameVi,
        // The catalogue's product pages arrive with issue 15; until then pip falls back (see itemLinks).
        productPageUrl: null,
        certificateNumber: mark?.certificateNumber ?? null,
      });
    },
  };
}

export type ResolverService = ReturnType<typeof createResolverService>;
