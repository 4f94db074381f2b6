import type { NotificationPage, NotificationView } from '@ocop/contracts/notifications';
import { Badge, Button, Table, type TableColumnsType, Typography } from 'antd';
import { formatDateTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';

type Props = {
  page: NotificationPage | undefined;
  loading: boolean;
  onOpen: (notification: NotificationView) => void;
  onMarkRead: (notification: NotificationView) => void;
  marking: string | null;
  onPage: (page: number, pageSize: number) => void;
};

/** The inbox: unread ones marked; a click on a message opens what it is about (and marks it read). */
export function NotificationList({ page, loading, onOpen, onMarkRead, marking, onPage }: Props) {
  const { t } = useI18n();
  const columns: TableColumnsType<NotificationView> = [
    {
      title: t('notifications.col.message'),
      key: 'message',
      render: (_: unknown, item) => (
        <div style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }}>
          <Badge status={item.readAt ? 'default' : 'processing'} style={{ marginTop: 4 }} />
          <div style={{ minWidth: 0 }}>
            <Typography.Link
              strong={!item.readAt}
              onClick={() => onOpen(item)}
              data-testid="notification-subject"
              style={item.readAt ? { color: 'inherit' } : undefined}
            >
              {item.subject}
            </Typography.Link>
            <Typography.Paragraph type="secondary" style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
              {item.body}
            </Typography.Paragraph>
          </div>
        </div>
      ),
    },
    { title: t('notifications.col.at'), dataIndex: 'createdAt', width: 150, render: (at: string) => formatDateTime(at) },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 170,
      render: (_: unknown, item) =>
        item.readAt ? (
          <Typography.Text type="secondary">{t('notifications.read')}</Typography.Text>
        ) : (
          <Button size="small" onClick={() => onMarkRead(item)} loading={marking === item.id}>
            {t('notifications.markRead')}
          </Button>
        ),
    },
  ];
  return (
    <Table<NotificationView>
      rowKey="id"
      loading={loading}
      columns={columns}
      dataSource={page?.items ?? []}
      locale={{ emptyText: t('notifications.empty') }}
      scroll={{ x: 640 }}
      pagination={{
        current: page?.page ?? 1,
        pageSize: page?.pageSize ?? 20,
        total: page?.total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: [20, 50, 100],
        onChange: onPage,
      }}
    />
  );
}
