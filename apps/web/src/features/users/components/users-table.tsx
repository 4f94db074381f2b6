import type { UserView } from '@ocop/contracts/identity';
import { App, Button, Flex, Popconfirm, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { RoleGrantTags } from '../../../components/role-grants';
import { formatDateTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import type { UnitNames } from '../../../lib/roles';
import { useDisableUser } from '../api/disable-user';
import { useEnableUser } from '../api/enable-user';
import type { UserPage } from '../api/list-users';

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
  onEditRoles,
  onResetPassword,
}: {
  page: UserPage | undefined;
  loading: boolean;
  names: UnitNames;
  currentUserId: string;
  onPageChange: (page: number, pageSize: number) => void;
  onEditRoles: (user: UserView) => void;
  onResetPassword: (user: UserView) => void;
}) {
  const { t, describeError } = useI18n();
  const { message } = App.useApp();
  const disableUser = useDisableUser();
  const enableUser = useEnableUser();

  const toggle = (user: UserView) => {
    const mutation = user.disabled ? enableUser : disableUser;
    return mutation
      .mutateAsync(user.id)
      .then(() => message.success(t(user.disabled ? 'users.enabled' : 'users.disabled', { name: user.fullName })))
      .catch((error: unknown) => message.error(describeError(error)));
  };

  const columns: TableColumnsType<UserView> = [
    {
      title: t('users.col.name'),
      dataIndex: 'fullName',
      render: (name: string) => <Typography.Text strong>{name}</Typography.Text>,
    },
    {
      title: t('users.col.login'),
      key: 'login',
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
      width: 170,
      render: (_, user) => (
        <Flex vertical align="flex-start" gap={0}>
          <Button type="link" size="small" onClick={() => onEditRoles(user)} style={{ paddingInline: 0 }}>
            {t('users.action.editRoles')}
          </Button>
          <Button type="link" size="small" onClick={() => onResetPassword(user)} style={{ paddingInline: 0 }}>
            {t('users.action.resetPassword')}
          </Button>
          {user.id === currentUserId ? null : (
            <Popconfirm
              title={t(user.disabled ? 'users.confirmEnable' : 'users.confirmDisable', { name: user.fullName })}
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
      scroll={{ x: 860 }}
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
