import type { CreateSiteBody, SiteView, UpdateSiteBody } from '@ocop/contracts/traceability';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ApiError, api } from '../../../lib/api-client';
import { SITES_QUERY_KEY, sitePath } from './site-queries';

/** Adds a site to a producer. */
export function useCreateSite() {
  const queryClient = useQueryClient();
  return useMutation<SiteView, ApiError, CreateSiteBody>({
    mutationFn: (body) => api.post<SiteView>('/api/traceability/sites', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SITES_QUERY_KEY }),
  });
}

export type UpdateSiteInput = { siteId: string; body: UpdateSiteBody };

/** Corrects a site over the revision read. */
export function useUpdateSite() {
  const queryClient = useQueryClient();
  return useMutation<SiteView, ApiError, UpdateSiteInput>({
    mutationFn: ({ siteId, body }) => api.put<SiteView>(sitePath(siteId), body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SITES_QUERY_KEY }),
  });
}
