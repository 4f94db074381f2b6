import type { ReadAllView } from '@ocop/contracts/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ApiError, api } from '../../../lib/api-client';
import { NOTIFICATIONS_QUERY_KEY } from './list-notifications';

export function markAllNotificationsRead(): Promise<ReadAllView> {
  return api.post<ReadAllView>('/api/notifications/read-all');
}

export function useMarkAllNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation<ReadAllView, ApiError, void>({
    mutationFn: markAllNotificationsRead,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_QUERY_KEY }),
  });
}
