import type { CertificateView, CertificationSettingsView, RevokeCertificateBody } from '@ocop/contracts/certification';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ApiError, api } from '../../../lib/api-client';
import { CERTIFICATES_QUERY_KEY, certificatePath, certificationSettingsQueryOptions, settingsPath } from './certificate-queries';

/** Revokes a certificate (Art. 8); the answer is the certificate as it now stands. */
export function useRevokeCertificate(certificateId: string) {
  const queryClient = useQueryClient();
  return useMutation<CertificateView, ApiError, RevokeCertificateBody>({
    mutationFn: (body) => api.post<CertificateView>(`${certificatePath(certificateId)}/revocation`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: CERTIFICATES_QUERY_KEY }),
  });
}

/** Issues the certificate of a dossier recognised before certificates were issued on decisions. */
export function useIssueCertificate() {
  const queryClient = useQueryClient();
  return useMutation<CertificateView, ApiError, { dossierId: string }>({
    mutationFn: (body) => api.post<CertificateView>('/api/certificates', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: CERTIFICATES_QUERY_KEY }),
  });
}

export type SettingsBody = { numberPattern: string; expiringWindowDays: number; revision: number };

/** Saves the province's settings over the revision read; a 409 means someone saved meanwhile. */
export function useSaveCertificationSettings(provinceCode: string) {
  const queryClient = useQueryClient();
  return useMutation<CertificationSettingsView, ApiError, SettingsBody>({
    mutationFn: (body) => api.put<CertificationSettingsView>(settingsPath(provinceCode), body),
    onSuccess: (saved) => {
      queryClient.setQueryData(certificationSettingsQueryOptions(provinceCode).queryKey, saved);
      // Lists derive "expiring" from the window: read them again.
      void queryClient.invalidateQueries({ queryKey: [...CERTIFICATES_QUERY_KEY, 'list'] });
    },
  });
}
