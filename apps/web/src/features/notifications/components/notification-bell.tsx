import { BellOutlined } from '@ant-design/icons';
import { Badge } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../../lib/i18n';
import { useUnreadNotificationCount } from '../api/list-notifications';

/**
 * The header's bell: the unread count, linking to the inbox. The layout loads it after its first
 * paint (it is not part of the first-load budget); a failed count shows the bell without a number.
 */
export function NotificationBell() {
  const { t } = useI18n();
  const unread = useUnreadNotificationCount();
  const count = unread.data ?? 0;
  return (
    <Link
      to="/notifications"
      aria-label={t('notifications.bell', { count })}
      title={t('notifications.bell', { count })}
      data-testid="notification-bell"
      style={{ display: 'inline-flex', alignItems: 'center', paddingInline: 4, color: '#fff' }}
    >
      <Badge count={count} size="small" overflowCount={99} offset={[2, -2]}>
        <BellOutlined style={{ color: '#fff', fontSize: 18 }} />
      </Badge>
    </Link>
  );
}
