import type { ProductListItemView, ProductListQuery } from '@ocop/contracts/registry';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, buildUrl } from '../../../lib/api-client';

export type ProductListFilter = ProductListQuery;
export type ProductPage = { items: ProductListItemView[]; total: number; page: number; pageSize: number };
export type ExportFormat = 'xlsx' | 'csv';

/** `q` matches product names, code and producer name without diacritics: "che shan tuyet". */
export function listProducts(filter: ProductListFilter): Promise<ProductPage> {
  return api.get<ProductPage>('/api/products', { query: filter });
}

export const PRODUCTS_QUERY_KEY = ['products'] as const;

export function productsQueryOptions(filter: ProductListFilter) {
  return queryOptions({
    queryKey: [...PRODUCTS_QUERY_KEY, 'list', filter],
    queryFn: () => listProducts(filter),
  });
}

export function useProducts(filter: ProductListFilter, options: { enabled?: boolean } = {}) {
  return useQuery({ ...productsQueryOptions(filter), placeholderData: keepPreviousData, enabled: options.enabled ?? true });
}

/** The address of the filtered list as a spreadsheet (the import template's columns); the browser downloads it. */
export function productExportUrl(filter: Omit<ProductListFilter, 'page' | 'pageSize'>, format: ExportFormat): string {
  const { sort: _sort, ...filters } = filter;
  return buildUrl('/api/products/export', { ...filters, format });
}
