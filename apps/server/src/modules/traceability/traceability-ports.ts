import type { PortalOrganisationSource, PortalProductSource } from '@ocop/domain/traceability';

/**
 * What the traceability needs from the modules before it, handed in by app.ts
 * (`src/traceability-ports.ts`). Trusted ports: the traceability checks its reader's rights itself.
 */

/** A product as a lot needs it: whose it is, where, its OCOP code and its first GTIN (14 digits), if any. */
export type TracedProductFacts = {
  id: string;
  code: string;
  producerId: string;
  provinceCode: string;
  /** The producer's commune on the 2025 map. */
  communeCode: string;
  gtin14: string | null;
  /** The product's Vietnamese name, as the journey of a lot shows it. */
  nameVi: string;
};

/** Where a producer is: its province and its commune on the 2025 map. */
export type TracedProducerPlace = { producerId: string; provinceCode: string; communeCode: string };
/** A product an EPCIS identifier names, and where its producer sits. */
export type KeyOwner = {
  id: string;
  code: string;
  gtins: string[];
  producerId: string;
  provinceCode: string;
  communeCode: string;
};

/** A product as the national portal export shows it, before its OCOP mark is added. */
export type PortalProductFacts = Omit<PortalProductSource, 'mark'>;

export type TraceabilityRegistry = {
  /** The product, or null when there is none (or it is still part of an unfinished import). */
  productFacts: (productId: string) => Promise<TracedProductFacts | null>;
  /** The producer's place, or null when there is none. */
  producerPlace: (producerId: string) => Promise<TracedProducerPlace | null>;
  /** The published products these GTINs (14 digits) or product codes name; at most 1,000 of each per call. */
  keyOwners: (gtins: string[], codes: string[]) => Promise<KeyOwner[]>;
  /** The published product a GTIN (14 digits) names, or null: what the Digital Link resolver answers for. */
  productByGtin: (gtin14: string) => Promise<{ id: string; nameVi: string } | null>;
  /** Every product of a province, in pages (the export resolves event keys by code and GTIN against them). */
  productsOfProvince: (provinceCode: string) => AsyncIterable<PortalProductFacts[]>;
  /** Those of these producers that belong to the province, in no particular order. */
  producersByIds: (provinceCode: string, producerIds: readonly string[]) => Promise<PortalOrganisationSource[]>;
};

/** The OCOP mark each product may show today (stars and certificate), from the certification. */
export type TraceabilityCertificates = {
  marksOf: (productIds: readonly string[]) => Promise<Map<string, PortalProductSource['mark']>>;
};

export type TraceabilityMap = {
  /** Refuses (422 `admin_unit.commune_not_found`) a code that is not a commune of the current map in the province. */
  assertCommuneInProvince: (communeCode: string, provinceCode: string) => Promise<unknown>;
  /** Refuses (422 `admin_unit.commune_not_found`) a code that is not a commune of the current map, in any province. */
  assertCommune: (communeCode: string) => Promise<unknown>;
};
