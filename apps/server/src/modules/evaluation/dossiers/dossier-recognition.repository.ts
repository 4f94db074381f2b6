import { and, eq, inArray, isNotNull, notInArray } from 'drizzle-orm';
import type { Transactions } from '../../../platform/database/transaction';
import { dossiers, evaluationDecisions } from './dossier.tables';

/** A dossier as the certification reads it to issue a certificate (no actor: a trusted port wired in app.ts). */
export type DossierRecognition = {
  dossierId: string;
  state: string;
  kind: 'first' | 'upgrade' | 're_evaluation';
  provinceCode: string;
  communeCode: string;
  productId: string;
  producerId: string;
  productName: string;
  productCode: string | null;
  producerName: string;
  regimeCode: string;
  /** The stars recognised (province or ministry); null while not recognised. */
  stars: number | null;
  /** The province's decision the dossier carries (recognition, or the approval sent to the ministry). */
  decision: { id: string; kind: string; number: string; signedOn: string; signerName: string | null; signerTitle: string | null } | null;
  ministryResult: { stars: number; decisionNo: string; decidedOn: string } | null;
};

/** A re-evaluation filed for a product and not decided yet: the certificate it renews stays valid (Art. 12). */
export type PendingReEvaluationRow = { productId: string; dossierId: string; filedOn: string; lateFiling: boolean };

const CLOSED = ['draft', 'recognised', 'not_recognised', 'ministry_recognised'] as const;

/** The evaluation's answers to the certification: read-only queries over dossiers and decisions. */
export function createDossierRecognitionReader({ transactions }: { transactions: Transactions }) {
  const db = transactions.db;
  return {
    recognitionOf: async (dossierId: string): Promise<DossierRecognition | null> => {
      const [row] = await db()
        .select({ dossier: dossiers, decision: evaluationDecisions })
        .from(dossiers)
        .leftJoin(evaluationDecisions, eq(evaluationDecisions.id, dossiers.decisionId))
        .where(eq(dossiers.id, dossierId));
      if (!row) return null;
      const { dossier, decision } = row;
      return {
        dossierId: dossier.id,
        state: dossier.state,
        kind: dossier.kind,
        provinceCode: dossier.provinceCode,
        communeCode: dossier.communeCode,
        productId: dossier.productId,
        producerId: dossier.producerId,
        productName: dossier.productName,
        productCode: dossier.productCode,
        producerName: dossier.producerName,
        regimeCode: dossier.regimeCode,
        stars: dossier.recognisedStars,
        decision: decision && {
          id: decision.id,
          kind: decision.kind,
          number: decision.number,
          signedOn: decision.signedOn,
          signerName: decision.signerName,
          signerTitle: decision.signerTitle,
        },
        ministryResult: dossier.ministryResult && {
          stars: dossier.ministryResult.stars,
          decisionNo: dossier.ministryResult.decisionNo,
          decidedOn: dossier.ministryResult.decidedOn,
        },
      };
    },

    /** Filed re-evaluations still being decided, for these products (the earliest filed per product). */
    pendingReEvaluations: async (productIds: readonly string[]): Promise<Map<string, PendingReEvaluationRow>> => {
      const found = new Map<string, PendingReEvaluationRow>();
      if (productIds.length === 0) return found;
      const rows = await db()
        .select({ productId: dossiers.productId, dossierId: dossiers.id, filedOn: dossiers.submittedOn, lateFiling: dossiers.lateFiling })
        .from(dossiers)
        .where(
          and(
            inArray(dossiers.productId, [...productIds]),
            eq(dossiers.kind, 're_evaluation'),
            isNotNull(dossiers.submittedOn),
            notInArray(dossiers.state, [...CLOSED]),
          ),
        );
      for (const row of rows) {
        if (!row.filedOn) continue;
        const known = found.get(row.productId);
        if (!known || row.filedOn < known.filedOn)
          found.set(row.productId, {
            productId: row.productId,
            dossierId: row.dossierId,
            filedOn: row.filedOn,
            lateFiling: row.lateFiling,
          });
      }
      return found;
    },
  };
}

export type DossierRecognitionReader = ReturnType<typeof createDossierRecognitionReader>;
