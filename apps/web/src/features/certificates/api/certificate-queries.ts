import type {
  CertificateListQuery,
  CertificatePage,
  CertificateView,
  CertificationSettingsView,
  SupervisionList,
  SupervisionListView,
} from '@ocop/contracts/certification';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api, buildUrl } from '../../../lib/api-client';

export const CERTIFICATES_QUERY_KEY = ['certificates'] as const;

/** The list query as the screens build it (the contract's input type leaves coerced numbers `unknown`). */
export type CertificateFilter = Omit<Partial<CertificateListQuery>, 'stars' | 'page' | 'pageSize'> & {
  stars?: number;
  page?: number;
  pageSize?: number;
};

export const certificatePath = (certificateId: string) => `/api/certificates/${encodeURIComponent(certificateId)}`;

/** Certificates the reader may read, a page at a time, each with its status derived today. */
export function listCertificates(filter: CertificateFilter): Promise<CertificatePage> {
  return api.get<CertificatePage>('/api/certificates', { query: filter });
}

export function useCertificates(filter: CertificateFilter, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...CERTIFICATES_QUERY_KEY, 'list', filter],
    queryFn: () => listCertificates(filter),
    placeholderData: keepPreviousData,
    enabled: options.enabled ?? true,
  });
}

export function certificateQueryOptions(certificateId: string) {
  return queryOptions({
    queryKey: [...CERTIFICATES_QUERY_KEY, 'one', certificateId],
    queryFn: () => api.get<CertificateView>(certificatePath(certificateId)),
  });
}

export function useCertificate(certificateId: string) {
  return useQuery(certificateQueryOptions(certificateId));
}

/** The printed certificate (the server renders it). */
export const certificatePdfUrl = (certificateId: string) => `${certificatePath(certificateId)}/certificate.pdf`;

export function useSupervisionList(list: SupervisionList) {
  return useQuery({
    queryKey: [...CERTIFICATES_QUERY_KEY, 'supervision', list],
    queryFn: () => api.get<SupervisionListView>('/api/certificates/supervision', { query: { list } }),
  });
}

/** The same list as an xlsx download. */
export const supervisionExportUrl = (list: SupervisionList) => buildUrl('/api/certificates/supervision.xlsx', { list });

export const settingsPath = (provinceCode: string) => `/api/certification/settings/${encodeURIComponent(provinceCode)}`;

export function certificationSettingsQueryOptions(provinceCode: string) {
  return queryOptions({
    queryKey: [...CERTIFICATES_QUERY_KEY, 'settings', provinceCode],
    queryFn: () => api.get<CertificationSettingsView>(settingsPath(provinceCode)),
  });
}

export function useCertificationSettings(provinceCode: string) {
  return useQuery(certificationSettingsQueryOptions(provinceCode));
}
