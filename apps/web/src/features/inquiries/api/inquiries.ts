import type { InquiryPage, InquiryStatusBody, InquiryView, ProducerPageSettings } from '@ocop/contracts/inquiries';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ApiError, api } from '../../../lib/api-client';

const BASE = '/api/inquiries';
export const INQUIRIES_QUERY_KEY = ['inquiries'] as const;

/** A page of the inquiries in the reader's reach, new ones first. */
export function useInquiries(filter: { page: number; pageSize: number }) {
  return useQuery({
    queryKey: [...INQUIRIES_QUERY_KEY, 'list', filter],
    queryFn: () => api.get<InquiryPage>(BASE, { query: { page: String(filter.page), pageSize: String(filter.pageSize) } }),
    placeholderData: keepPreviousData,
  });
}

export function useInquiry(id: string | undefined) {
  return useQuery({
    queryKey: [...INQUIRIES_QUERY_KEY, 'one', id],
    queryFn: () => api.get<InquiryView>(`${BASE}/${id}`),
    enabled: Boolean(id),
  });
}

/** Read, answered or closed: forward only (the server refuses a step back with 409). */
export function useSetInquiryStatus() {
  const queryClient = useQueryClient();
  return useMutation<InquiryView, ApiError, { id: string } & InquiryStatusBody>({
    mutationFn: ({ id, status }) => api.post<InquiryView>(`${BASE}/${id}/status`, { status }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: INQUIRIES_QUERY_KEY }),
  });
}

export function useProducerPageSettings(producerId: string | undefined) {
  return useQuery({
    queryKey: ['producer-page', producerId],
    queryFn: () => api.get<ProducerPageSettings>(`/api/producer-pages/${producerId}`),
    enabled: Boolean(producerId),
  });
}

export function useSaveProducerPageSettings() {
  const queryClient = useQueryClient();
  return useMutation<ProducerPageSettings, ApiError, ProducerPageSettings>({
    mutationFn: ({ producerId, showPhone }) => api.put<ProducerPageSettings>(`/api/producer-pages/${producerId}`, { showPhone }),
    onSuccess: (saved) => queryClient.setQueryData(['producer-page', saved.producerId], saved),
  });
}
