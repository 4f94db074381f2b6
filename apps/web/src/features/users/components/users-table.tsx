import type { UserView } from '@ocop/contracts/identity';
import { MoreOutlined } from '@ant-design/icons';
import { Button, Dropdown, Flex, Popconfirm, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { RoleGrantTags } from '../../../components/role-grants';
import { formatDateTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import type { UnitNames } from '../../../lib/roles';
import { useMediaQuery } from '../../../lib/use-media-query';
import { useDisableUser } from '../api/disable-user';
import { useEnableUser } from '../api/enable-user';
import type { UserPage } from '../api/list-users';
import { useFeedback } from '../../../components/feedback/feedback';

export function UserStatusTags({ user }: { user: Pick<UserView, 'disabled' | 'mustChangePassword'> }) {
  const { t } = useI18n();
  return (
    <Flex gap={4} wrap>
      {user.disabled ? <Tag color="red">{t('users.status.disabled')}</Tag> : <Tag color="green">{t('users.status.active')}</Tag>}
      {user.mustChangePassword ? <Tag color="orange">{t('users.mustChangePassword')}</Tag> : null}
    </Flex>
  );
}

export function UsersTable({
  page,
  loading,
  names,
  currentUserId,
  onPageChange,
  onEdit,
  onEditRoles,
  onResetPassword,
}: {
  page: UserPage | undefined;
  loading: boolean;
  names: UnitNames;
  currentUserId: string;
  onPageChange: (page: number, pageSize: number) => void;
  onEdit: (user: UserView) => void;
  onEditRoles: (user: UserView) => void;
  onResetPassword: (user: UserView) => void;
}) {
  const { t, describeError } = useI18n();
  const { message, modal } = useFeedback();
  // On a phone the login and status fold under the name and the actions into a menu.
  const wide = useMediaQuery('(min-width: 768px)');
  const disableUser = useDisableUser();
  const enableUser = useEnableUser();

  // Resolves when the server has answered, so the confirm button spins exactly that long
  // (not until the toast fades: antd's message promise resolves on close).
  const toggle = async (user: UserView): Promise<void> => {
    const mutation = user.disabled ? enableUser : disableUser;
    try {
      await mutation.mutateAsync(user.id);
      void message.success(t(user.disabled ? 'users.enabled' : 'users.disabled', { name: user.fullName }));
    } catch (error) {
      void message.error(describeError(error));
    }
  };

  const confirmText = (user: UserView) => t(user.disabled ? 'users.confirmEnable' : 'users.confirmDisable', { name: user.fullName });

  const columns: TableColumnsType<UserView> = [
    {
      title: t('users.col.name'),
      dataIndex: 'fullName',
      render: (name: string, user) =>
        wide ? (
          <Typography.Text strong>{name}</Typography.Text>
        ) : (
          <Flex vertical gap={4}>
            <Typography.Text strong>{name}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12, wordBreak: 'break-all' }}>
              {[user.email, user.phone].filter(Boolean).join(' · ')}
            </Typography.Text>
            <UserStatusTags user={user} />
          </Flex>
        ),
    },
    {
      title: t('users.col.login'),
      key: 'login',
      hidden: !wide,
      render: (_, user) => (
        <Flex vertical>
          {user.email ? <span>{user.email}</span> : null}
          {user.phone ? <span>{user.phone}</span> : null}
        </Flex>
      ),
    },
    {
      title: t('users.col.roles'),
      key: 'roles',
      render: (_, user) => <RoleGrantTags grants={user.roles} names={names} />,
    },
    {
      title: t('users.col.status'),
      key: 'status',
      width: 170,
      hidden: !wide,
      render: (_, user) => <UserStatusTags user={user} />,
    },
    {
      title: t('users.col.lastLogin'),
      dataIndex: 'lastLoginAt',
      width: 150,
      responsive: ['xl'],
      render: (at: string | null) => (at ? formatDateTime(at) : <Typography.Text type="secondary">—</Typography.Text>),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: wide ? 170 : 56,
      render: (_, user) =>
        wide ? (
          <Flex vertical align="flex-start" gap={0}>
            <Button type="link" size="small" onClick={() => onEdit(user)} style={{ paddingInline: 0 }}>
              {t('users.action.edit')}
            </Button>
            <Button type="link" size="small" onClick={() => onEditRoles(user)} style={{ paddingInline: 0 }}>
              {t('users.action.editRoles')}
            </Button>
            <Button type="link" size="small" onClick={() => onResetPassword(user)} style={{ paddingInline: 0 }}>
              {t('users.action.resetPassword')}
            </Button>
            {user.id === currentUserId ? null : (
              <Popconfirm
                title={confirmText(user)}
                okText={t('common.confirm')}
                cancelText={t('common.cancel')}
                okButtonProps={{ danger: !user.disabled }}
                onConfirm={() => toggle(user)}
              >
                <Button type="link" size="small" danger={!user.disabled} style={{ paddingInline: 0 }}>
                  {user.disabled ? t('users.action.enable') : t('users.action.disable')}
                </Button>
              </Popconfirm>
            )}
          </Flex>
        ) : (
          <Dropdown
            trigger={['click']}
            menu={{
              items: [
                { key: 'edit', label: t('users.action.edit') },
                { key: 'roles', label: t('users.action.editRoles') },
                { key: 'reset', label: t('users.action.resetPassword') },
                ...(user.id === currentUserId
                  ? []
                  : [
                      {
                        key: 'toggle',
                        danger: !user.disabled,
                        label: user.disabled ? t('users.action.enable') : t('users.action.disable'),
                      },
                    ]),
              ],
              onClick: ({ key }) => {
                if (key === 'edit') onEdit(user);
                if (key === 'roles') onEditRoles(user);
                if (key === 'reset') onResetPassword(user);
                if (key === 'toggle') {
                  void modal.confirm({
                    title: confirmText(user),
                    okText: t('common.confirm'),
                    cancelText: t('common.cancel'),
                    okButtonProps: { danger: !user.disabled },
                    onOk: () => toggle(user),
                  });
                }
              },
            }}
          >
            <Button type="text" icon={<MoreOutlined />} aria-label={t('common.actions')} />
          </Dropdown>
        ),
    },
  ];

  return (
    <Table<UserView>
      rowKey="id"
      size="middle"
      loading={loading}
      columns={columns}
      dataSource={page?.items ?? []}
      scroll={wide ? { x: 860 } : undefined}
      locale={{ emptyText: t('common.empty') }}
      pagination={{
        current: page?.page ?? 1,
        pageSize: page?.pageSize ?? 20,
        total: page?.total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: [10, 20, 50, 100],
        showTotal: (total) => t('common.total', { total }),
        onChange: onPageChange,
      }}
    />
  );
}
