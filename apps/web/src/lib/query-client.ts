import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './api-client';

/** Retries only what may succeed on a second try: network failures and 5xx answers. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (failureCount >= 2) return false;
  if (!isApiError(error)) return false;
  return error.status === 0 || error.status >= 500;
}

/**
 * `onApiError` sees every failed query and mutation; the provider uses it to notice answers that
 * concern the whole session (a password that must be changed first).
 */
export function createQueryClient(onApiError?: (error: unknown) => void): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({ onError: (error) => onApiError?.(error) }),
    mutationCache: new MutationCache({ onError: (error) => onApiError?.(error) }),
    defaultOptions: {
      queries: {
        retry: shouldRetry,
        staleTime: 30_000,
        refetchOnWindowFocus: false,
      },
      mutations: { retry: false },
    },
  });
}
