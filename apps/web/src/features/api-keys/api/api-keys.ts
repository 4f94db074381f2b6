import type { ApiKeyList, ApiKeyView, CreateApiKeyBody, CreatedApiKeyView } from '@ocop/contracts/api-keys';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiError, api } from '../../../lib/api-client';

const BASE = '/api/traceability/api-keys';
export const API_KEYS_QUERY_KEY = ['api-keys'] as const;

export function apiKeysQueryOptions(producerId: string) {
  return queryOptions({
    queryKey: [...API_KEYS_QUERY_KEY, producerId],
    queryFn: () => api.get<ApiKeyList>(BASE, { query: { producerId } }),
  });
}

/** A producer's keys (never their secrets): the live ones first. */
export function useApiKeys(producerId: string | undefined) {
  return useQuery({ ...apiKeysQueryOptions(producerId ?? ''), enabled: Boolean(producerId) });
}

/** Issues a key; the answer's token is the only time the secret is ever shown. */
export function useCreateApiKey() {
  const queryClient = useQueryClient();
  return useMutation<CreatedApiKeyView, ApiError, CreateApiKeyBody>({
    mutationFn: (body) => api.post<CreatedApiKeyView>(BASE, body),
    onSuccess: (created) => queryClient.invalidateQueries({ queryKey: [...API_KEYS_QUERY_KEY, created.producerId] }),
  });
}

export function useRevokeApiKey() {
  const queryClient = useQueryClient();
  return useMutation<ApiKeyView, ApiError, { id: string }>({
    mutationFn: ({ id }) => api.post<ApiKeyView>(`${BASE}/${id}/revocation`),
    onSuccess: (revoked) => queryClient.invalidateQueries({ queryKey: [...API_KEYS_QUERY_KEY, revoked.producerId] }),
  });
}
