import type { ProductSetListView } from '@ocop/contracts/registry';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** The classification in force (QĐ 26/2026/QĐ-TTg since 22/05/2026) unless `version` names another ('qd1048-2019'). */
export function listProductSets(version?: string): Promise<ProductSetListView> {
  return api.get<ProductSetListView>('/api/product-sets', { query: { version } });
}

export function productSetsQueryOptions(version?: string) {
  return queryOptions({
    queryKey: ['product-sets', version ?? 'in-force'],
    queryFn: () => listProductSets(version),
    // Reference data: changed by a system admin, rarely.
    staleTime: 60 * 60_000,
  });
}

export function useProductSets(version?: string, options: { enabled?: boolean } = {}) {
  return useQuery({ ...productSetsQueryOptions(version), enabled: options.enabled ?? true });
}

/** The earlier classification, whose sets products evaluated before 2023 keep. */
export const LEGACY_CLASSIFICATION = 'qd1048-2019';

/**
 * The decision a classification follows, as officers cite it ("QĐ 26/2026/QĐ-TTg"), read from its
 * name; the name itself when it cites none. Screens say which decision's sets they list.
 */
export function classificationDecision(version: { name: string } | undefined): string | null {
  if (!version) return null;
  const cited = /QĐ\s+\d+(?:\/\d{4})?\/QĐ-TTg/.exec(version.name)?.[0];
  return cited ?? version.name;
}
