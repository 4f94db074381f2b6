import { useQueries } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useProvinceUnits } from '../../../features/admin-units/api/get-province-units';
import { productQueryOptions } from '../../../features/products/api/get-product';
import { useProducts } from '../../../features/products/api/list-products';
import { useCurrentUser } from '../../../lib/auth';
import { CURRENT_MAP, currentCommuneOptions } from '../../../lib/communes';
import { ownProducerIds } from '../../../lib/registry';

/**
 * The products a lot may belong to, for the lot pages: a producer's member sees their producer's
 * (a short list, filtered in the browser); province staff search the province's by name.
 */
export function useLotProductChoices(search: string) {
  const { user } = useCurrentUser();
  const mine = ownProducerIds(user);
  const producerId = mine.length === 1 ? mine[0] : undefined;
  const products = useProducts({ producerId, q: producerId ? undefined : search || undefined, page: 1, pageSize: producerId ? 200 : 50 });
  const options = (products.data?.items ?? []).map((product) => ({ value: product.id, label: product.nameVi }));
  return { options, loading: products.isFetching, serverSearch: producerId === undefined, items: products.data?.items ?? [] };
}

/**
 * The names of the products a page mentions by id, read one by one (shared with the product
 * pages' cache); a product out of reach stays unnamed.
 */
export function useProductNames(productIds: readonly string[]): (id: string) => string | undefined {
  const unique = [...new Set(productIds)].sort();
  const results = useQueries({
    queries: unique.map((id) => ({ ...productQueryOptions(id), retry: false, staleTime: 5 * 60_000 })),
  });
  const names = new Map<string, string>();
  unique.forEach((id, i) => {
    const name = results[i]?.data?.nameVi;
    if (name) names.set(id, name);
  });
  return (id) => names.get(id);
}

/** Today's communes of a province, by name, as select options. */
export function useCurrentCommunes(provinceCode: string | null | undefined) {
  const units = useProvinceUnits(provinceCode, CURRENT_MAP);
  const options = useMemo(() => currentCommuneOptions(units.data), [units.data]);
  return {
    options,
    loading: Boolean(provinceCode) && units.isPending,
    name: (code: string | null) => options.find((o) => o.value === code)?.label,
  };
}
