import type { SaveSelfAssessmentBody, SelfAssessmentView } from '@ocop/contracts/evaluation';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export const SELF_ASSESSMENT_QUERY_KEY = ['self-assessment'] as const;

const path = (productId: string) => `/api/products/${encodeURIComponent(productId)}/self-assessment`;

/** `target`: the star level the plan leads to; the next star when absent. */
export function getSelfAssessment(productId: string, target?: number): Promise<SelfAssessmentView> {
  return api.get<SelfAssessmentView>(path(productId), { query: { target } });
}

/** Saves the whole answer set; `body.revision` is the one last read (409 `self_assessment.stale_revision` if it moved on). */
export function saveSelfAssessment(productId: string, body: SaveSelfAssessmentBody, target?: number): Promise<SelfAssessmentView> {
  return api.put<SelfAssessmentView>(path(productId), body, { query: { target } });
}

export function selfAssessmentQueryOptions(productId: string, target?: number) {
  return queryOptions({
    queryKey: [...SELF_ASSESSMENT_QUERY_KEY, productId, target ?? 'next'],
    queryFn: () => getSelfAssessment(productId, target),
  });
}

/** Keeps the last answer on screen while another target's plan loads, so the sheet does not blink. */
export function useSelfAssessment(productId: string, target?: number) {
  return useQuery({ ...selfAssessmentQueryOptions(productId, target), placeholderData: keepPreviousData });
}

/** The PDF section of the self-assessment report (built by the server). */
export function selfAssessmentPdfUrl(productId: string): string {
  return `/api/products/${encodeURIComponent(productId)}/self-assessment.pdf`;
}
