import type { Role } from '@ocop/domain/shared';
import type { DossierRecognition, PendingReEvaluationRow } from '../evaluation';

/**
 * What the certification needs from outside, handed in by app.ts: the evaluation's recognitions
 * and pending re-evaluations, the registry's product details and the map, the people to tell, and
 * the notifier. Trusted ports: the certification checks its own reader's rights.
 */
export type CertificationEvaluation = {
  recognitionOf: (dossierId: string) => Promise<DossierRecognition | null>;
  pendingReEvaluations: (productIds: readonly string[]) => Promise<Map<string, PendingReEvaluationRow>>;
  /** The regime's certificate term and Art. 12.3 extension (36 months and 180 days under 26/2026). */
  terms: (regimeCode: string) => Promise<{ validityMonths: number; lateExtensionMaxDays: number }>;
  /** How a re-evaluation is filed under the decision in force today (what a reminder tells the producer to do). */
  reEvaluationRules: () => Promise<ReEvaluationRules>;
};

export type ReEvaluationRules = {
  /** The decision in force, as its name reads ('Quyết định 26/2026/QĐ-TTg'). */
  decisionName: string;
  /** Art. 7.6.a: a re-evaluation is filed from `earliest` to `latest` days before expiry (180 to 120); null where not stated. */
  window: { earliestDaysBeforeExpiry: number; latestDaysBeforeExpiry: number } | null;
  /** Art. 12.3: how long past expiry a late re-evaluation keeps the certificate valid, at most. */
  lateExtensionMaxDays: number;
};

export type CertifiedProductDetails = {
  productSetName: string | null;
  producerAddress: string | null;
  communeCode: string | null;
};

export type CertificationRegistry = {
  productDetails: (productId: string) => Promise<CertifiedProductDetails | null>;
  /** A product of the province by its code (legacy import links certificates to registry products). */
  productByCode: (
    provinceCode: string,
    code: string,
  ) => Promise<{ id: string; producerId: string; name: string; producerName: string; communeCode: string } | null>;
  provinceName: (provinceCode: string) => Promise<string | null>;
  /** The province's districts and their communes on the map before 1 July 2025. */
  formerDistricts: (provinceCode: string) => Promise<{ code: string; name: string; communes: { code: string; name: string }[] }[]>;
  /** The 2025 commune an old commune went into (the first, when split). */
  successorCommune: (oldCommuneCode: string) => Promise<string | null>;
  /** The producer's phone as the registry holds it (unchecked; null when none) and the name to address; null when no such producer. */
  producerContact: (producerId: string) => Promise<{ phone: string | null; name: string } | null>;
};

export type CertificationPeople = {
  holders: (
    roles: readonly Role[],
    place: { provinceCode: string; communeCode?: string; producerId?: string },
  ) => Promise<{ id: string; fullName: string; email: string | null }[]>;
};

export type CertificationMessage = {
  kind: string;
  subject: string;
  body: string;
  link?: string;
  entityType?: string;
  entityId?: string;
  provinceCode?: string;
};

export type CertificationNotifier = { notify: (recipients: readonly string[], message: CertificationMessage) => Promise<unknown> };
