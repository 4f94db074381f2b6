import type { NotificationView } from '@ocop/contracts/notifications';
import { Button, Card, Segmented } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useFeedback } from '../../components/feedback/feedback';
import { ErrorAlert } from '../../components/ui/error-alert';
import { PageHeader } from '../../components/ui/page-header';
import { type NotificationFilter, useNotifications } from '../../features/notifications/api/list-notifications';
import { useMarkAllNotificationsRead } from '../../features/notifications/api/mark-all-notifications-read';
import { useMarkNotificationRead } from '../../features/notifications/api/mark-notification-read';
import { NotificationList } from '../../features/notifications/components/notification-list';
import { useI18n } from '../../lib/i18n';

/** The signed-in user's inbox: what others need them to do, newest first. */
export function NotificationsPage() {
  const { t, describeError } = useI18n();
  const navigate = useNavigate();
  const { message } = useFeedback();
  const [filter, setFilter] = useState<NotificationFilter>({ unread: false, page: 1, pageSize: 20 });
  const list = useNotifications(filter);
  const markRead = useMarkNotificationRead();
  const markAll = useMarkAllNotificationsRead();
  const unreadCount = list.data?.unreadCount ?? 0;

  const fail = (error: unknown) => message.error(describeError(error));

  const open = (item: NotificationView) => {
    if (!item.readAt) markRead.mutate(item.id, { onError: fail });
    if (item.link) void navigate(item.link);
  };

  return (
    <>
      <PageHeader
        title={t('notifications.title')}
        description={t('notifications.intro')}
        extra={
          <Button
            onClick={() =>
              markAll.mutate(undefined, {
                onSuccess: (result) => message.success(t('notifications.allRead', { count: result.marked })),
                onError: fail,
              })
            }
            loading={markAll.isPending}
            disabled={unreadCount === 0}
          >
            {t('notifications.markAllRead')}
          </Button>
        }
      />
      <Card>
        <Segmented<'all' | 'unread'>
          value={filter.unread ? 'unread' : 'all'}
          onChange={(value) => setFilter((current) => ({ ...current, unread: value === 'unread', page: 1 }))}
          options={[
            { value: 'all', label: t('notifications.filter.all') },
            { value: 'unread', label: t('notifications.filter.unread', { count: unreadCount }) },
          ]}
          style={{ marginBottom: 16 }}
        />
        {list.isError ? (
          <ErrorAlert error={list.error} />
        ) : (
          <NotificationList
            page={list.data}
            loading={list.isFetching && !list.data}
            onOpen={open}
            onMarkRead={(item) => markRead.mutate(item.id, { onError: fail })}
            marking={markRead.isPending ? (markRead.variables ?? null) : null}
            onPage={(page, pageSize) => setFilter((current) => ({ ...current, page, pageSize }))}
          />
        )}
      </Card>
    </>
  );
}
