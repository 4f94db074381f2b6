import type { NotificationPage } from '@ocop/contracts/notifications';
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export type NotificationFilter = { unread: boolean; page: number; pageSize: number };

/** Every notification query starts with this key, so a change refreshes the bell and the inbox alike. */
export const NOTIFICATIONS_QUERY_KEY = ['notifications'] as const;

/** How often the bell asks for the unread count while the app is open. */
const UNREAD_POLL_MS = 60_000;

export function listNotifications(filter: NotificationFilter): Promise<NotificationPage> {
  return api.get<NotificationPage>('/api/notifications', {
    query: { unread: filter.unread ? 'true' : undefined, page: filter.page, pageSize: filter.pageSize },
  });
}

export function notificationsQueryOptions(filter: NotificationFilter) {
  return queryOptions({ queryKey: [...NOTIFICATIONS_QUERY_KEY, 'list', filter], queryFn: () => listNotifications(filter) });
}

export function useNotifications(filter: NotificationFilter) {
  return useQuery({ ...notificationsQueryOptions(filter), placeholderData: keepPreviousData });
}

/** The signed-in user's unread count, for the bell; re-read every minute. */
export function useUnreadNotificationCount() {
  return useQuery({
    queryKey: [...NOTIFICATIONS_QUERY_KEY, 'unread-count'],
    queryFn: () => listNotifications({ unread: true, page: 1, pageSize: 1 }),
    select: (page) => page.unreadCount,
    refetchInterval: UNREAD_POLL_MS,
    staleTime: UNREAD_POLL_MS / 2,
  });
}
