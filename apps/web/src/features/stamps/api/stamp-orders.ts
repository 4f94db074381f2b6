import type {
  CreateStampOrderBody,
  StampChangeView,
  StampLayoutPresetView,
  StampOrderPage,
  StampOrderView,
  StampView,
} from '@ocop/contracts/stamps';
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiError, api } from '../../../lib/api-client';

export const STAMPS_QUERY_KEY = ['stamp-orders'] as const;

/** How often a page asks again while an order is issuing: often enough to see progress move. */
export const ISSUING_POLL_MS = 1500;

export const stampOrderPath = (orderId: string) => `/api/traceability/stamp-orders/${encodeURIComponent(orderId)}`;

export type StampOrderFilter = { productId?: string; lotId?: string; page?: number; pageSize?: number };

const issuing = (orders: readonly StampOrderView[] | undefined) => (orders ?? []).some((order) => order.state === 'issuing');

/** Orders in the reader's reach, the latest first; asked again while one of them is issuing. */
export function useStampOrders(filter: StampOrderFilter) {
  return useQuery({
    queryKey: [...STAMPS_QUERY_KEY, 'list', filter],
    queryFn: () => api.get<StampOrderPage>('/api/traceability/stamp-orders', { query: filter }),
    placeholderData: keepPreviousData,
    refetchInterval: (query) => (issuing(query.state.data?.items) ? ISSUING_POLL_MS : false),
  });
}

export function stampOrderQueryOptions(orderId: string) {
  return queryOptions({
    queryKey: [...STAMPS_QUERY_KEY, 'one', orderId],
    queryFn: () => api.get<StampOrderView>(stampOrderPath(orderId)),
  });
}

/** One order; polled while it is issuing, so the progress bar moves and the actions open when done. */
export function useStampOrder(orderId: string) {
  return useQuery({
    ...stampOrderQueryOptions(orderId),
    refetchInterval: (query) => (query.state.data?.state === 'issuing' ? ISSUING_POLL_MS : false),
    // Polling must not stop for a test's (or a tab's) infinite stale time.
    staleTime: 0,
  });
}

/** A page of an issued order's stamps, by sequence number. */
export function useStamps(orderId: string, from: number, pageSize: number, enabled: boolean) {
  return useQuery({
    queryKey: [...STAMPS_QUERY_KEY, 'stamps', orderId, from, pageSize],
    queryFn: () => api.get<{ items: StampView[] }>(`${stampOrderPath(orderId)}/stamps`, { query: { from, pageSize } }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** A stamp of the order by its serial as scanned or typed; 404 `stamp.not_found` if it is not one of this order's. */
export function findStamp(orderId: string, serial: string): Promise<StampView> {
  return api.get<StampView>(`${stampOrderPath(orderId)}/stamps/${encodeURIComponent(serial)}`);
}

export function useStampLayouts() {
  return useQuery({
    queryKey: ['stamp-layouts'],
    queryFn: () => api.get<{ items: StampLayoutPresetView[] }>('/api/traceability/stamp-layouts'),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** Orders stamps (202: the order comes back `issuing`); an out-of-bounds count answers 422 `stamp_order.quantity_invalid`. */
export function useCreateStampOrder() {
  const queryClient = useQueryClient();
  return useMutation<StampOrderView, ApiError, CreateStampOrderBody>({
    mutationFn: (body) => api.post<StampOrderView>('/api/traceability/stamp-orders', body),
    onSuccess: (order) => {
      queryClient.setQueryData(stampOrderQueryOptions(order.id).queryKey, order);
      return queryClient.invalidateQueries({ queryKey: [...STAMPS_QUERY_KEY, 'list'] });
    },
  });
}

export type StampAction = 'activate' | 'void';

/** What one activation or voiding sends: a range of sequence numbers of this order, or a list of serials. */
export type StampStepInput =
  | { action: StampAction; by: 'range'; from: number; to: number; lotId?: string | null; reason?: string }
  | { action: StampAction; by: 'list'; serials: string[]; lotId?: string | null; reason?: string };

/** The request of a step: voiding carries its reason and never a lot; activation a lot and never a reason. */
export function stampStepRequest(orderId: string, input: StampStepInput): { path: string; body: Record<string, unknown> } {
  const route = input.action === 'activate' ? 'activation' : 'voiding';
  const extra = input.action === 'activate' ? { lotId: input.lotId ?? null } : { reason: input.reason };
  return input.by === 'range'
    ? { path: `${stampOrderPath(orderId)}/${route}`, body: { from: input.from, to: input.to, ...extra } }
    : { path: `/api/traceability/stamps/${route}`, body: { serials: input.serials, ...extra } };
}

/** Activates or voids stamps of an order, then reads the order's counts and stamps again. */
export function useStampStep(orderId: string) {
  const queryClient = useQueryClient();
  return useMutation<StampChangeView, ApiError, StampStepInput>({
    mutationFn: (input) => {
      const { path, body } = stampStepRequest(orderId, input);
      return api.post<StampChangeView>(path, body);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: STAMPS_QUERY_KEY }),
  });
}
