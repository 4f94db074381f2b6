import { useQueries } from '@tanstack/react-query';
import { producerQueryOptions } from './get-producer';

/**
 * The names of the producers a page mentions by id (a producer member's grant), read one by one
 * from GET /api/producers/:id and shared with the producer pages' cache. A producer the reader may
 * not see (or that fails to load) stays unnamed; the caller then shows its short id.
 */
export function useProducerNames(producerIds: readonly string[]): (id: string) => string | undefined {
  const unique = [...new Set(producerIds)].sort();
  const results = useQueries({
    queries: unique.map((id) => ({ ...producerQueryOptions(id), retry: false, staleTime: 5 * 60_000 })),
  });
  const names = new Map<string, string>();
  unique.forEach((id, i) => {
    const name = results[i]?.data?.name;
    if (name) names.set(id, name);
  });
  return (id) => names.get(id);
}
