import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export type SnapshotsView = { snapshots: string[] };

export function listAdminUnitSnapshots(): Promise<SnapshotsView> {
  return api.get<SnapshotsView>('/api/admin-units/snapshots');
}

export const adminUnitSnapshotsQueryOptions = queryOptions({
  queryKey: ['admin-units', 'snapshots'],
  queryFn: listAdminUnitSnapshots,
  staleTime: Number.POSITIVE_INFINITY,
});

export function useAdminUnitSnapshots() {
  return useQuery(adminUnitSnapshotsQueryOptions);
}
