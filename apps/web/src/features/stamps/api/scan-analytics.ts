import type { FakeReportPage, ScanAnalyticsQuery, ScanAnalyticsView } from '@ocop/contracts/stamp-scans';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

const SCANS_QUERY_KEY = ['stamp-scans'] as const;

/** The scans of the reader's stamps in a period (the server's default: the last 30 days), by day, product, lot, commune and app. */
export function useScanAnalytics(query: ScanAnalyticsQuery) {
  return useQuery({
    queryKey: [...SCANS_QUERY_KEY, 'analytics', query],
    queryFn: () => api.get<ScanAnalyticsView>('/api/traceability/scan-analytics', { query }),
    placeholderData: keepPreviousData,
  });
}

/** The fake reports about the reader's stamps, newest first. */
export function useFakeReports(page: number, pageSize: number, productId?: string) {
  return useQuery({
    queryKey: [...SCANS_QUERY_KEY, 'reports', page, pageSize, productId],
    queryFn: () => api.get<FakeReportPage>('/api/traceability/fake-reports', { query: { page, pageSize, productId } }),
    placeholderData: keepPreviousData,
  });
}
