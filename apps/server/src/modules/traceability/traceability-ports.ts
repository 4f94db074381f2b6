import type { PortalOrganisationSource, PortalProductSource } from '@ocop/domain/traceability';
import type { Readable } from 'node:stream';
import type { CertificateStatus } from '@ocop/domain/certification';
import type { Role } from '@ocop/domain/shared';

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

/** A product's OCOP certificate as the public scan page shows it (from the certification's public verification). */
export type ScanCertificate = {
  number: string;
  stars: number;
  status: CertificateStatus;
  /** Since when the status holds, for expired (and revoked: `revokedOn`). */
  statusSince: string | null;
  /** The last day the product may show the mark, when it may. */
  validUntil: string | null;
  expiresOn: string;
  mayShowMark: boolean;
  revokedOn: string | null;
  verificationUrl: string;
};

/** What the public scan page reads of the modules before it: the product's public face and its certificate. */
export type TraceabilityPublicFacts = {
  /** The number of the certificate that answers for the product today (the best one it may show, else its newest), or null. */
  certificateNumberOf: (productId: string) => Promise<string | null>;
  /** The certificate of a number, as its public verification shows it (reused briefly; a revocation here clears it). */
  certificateByNumber: (number: string) => Promise<ScanCertificate | null>;
  /** The product's public names, its producer's name and commune, its primary picture's file id. */
  productFace: (productId: string) => Promise<{
    nameVi: string;
    nameEn: string | null;
    producerName: string;
    communeName: string | null;
    imageFileId: string | null;
  } | null>;
  /** The small variant of the product's primary picture, only when `fileId` is that picture; null otherwise. */
  openProductImage: (productId: string, fileId: string) => Promise<{ stream: Readable; mediaType: string; sizeBytes: number } | null>;
  /** Names of communes (current map) by code; unknown codes are left out. */
  communeNames: (codes: readonly string[]) => Promise<Map<string, string>>;
};

/** Who hears of a fake report: the producer's members and the province's staff, through the inbox. */
export type TraceabilityPeople = {
  holders: (roles: readonly Role[], place: { provinceCode: string; producerId?: string }) => Promise<{ id: string }[]>;
};
export type TraceabilityNotifier = {
  notify: (
    recipients: readonly string[],
    message: { kind: string; subject: string; body: string; link?: string; entityType?: string; entityId?: string; provinceCode?: string },
  ) => Promise<unknown>;
};
