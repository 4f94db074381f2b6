/**
 * What the evaluation publishes, inside the transaction of the change. The certification subscribes
 * in app.ts: a recognition (by the province's decision or the ministry's) issues the certificate in
 * the same transaction, so a decision and its certificates are recorded together or not at all.
 */
export type EvaluationEvents = {
  'evaluation.product_recognised': {
    dossierId: string;
    productId: string;
    provinceCode: string;
    stars: number;
    /** Who took the step (recorded the decision or the ministry's result). */
    actorUserId: string | null;
  };
};
