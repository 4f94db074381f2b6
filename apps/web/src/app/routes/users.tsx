import { PlusOutlined } from '@ant-design/icons';
import type { UserView } from '@ocop/contracts/identity';
import { administeredProvinces } from '@ocop/domain/identity';
import { Button, Card, Flex, Input, Select } from 'antd';
import { useMemo, useState } from 'react';
import { ErrorAlert } from '../../components/ui/error-alert';
import { PageHeader } from '../../components/ui/page-header';
import { useProvinceUnits } from '../../features/admin-units/api/get-province-units';
import { useServedProvinces } from '../../features/admin-units/api/list-served-provinces';
import { useUsers } from '../../features/users/api/list-users';
import { CreateUserModal } from '../../features/users/components/create-user-modal';
import { EditUserModal } from '../../features/users/components/edit-user-modal';
import { EditRolesModal } from '../../features/users/components/edit-roles-modal';
import { ResetPasswordModal } from '../../features/users/components/reset-password-modal';
import { communeOptions, grantableRoles } from '../../features/users/components/role-grant-form';
import { UsersTable } from '../../features/users/components/users-table';
import { homeProvinceCode, reachesEveryProvince, useCurrentUser } from '../../lib/auth';
import { useI18n } from '../../lib/i18n';
import { unitNamesFrom } from '../../lib/roles';
import { useProducerNames } from '../../features/producers/api/use-producer-names';
import { useFeedback } from '../../components/feedback/feedback';

/** New grants name communes of today's map. */
const CURRENT_SNAPSHOT = '2025-07-01';

export function UsersPage() {
  const { t } = useI18n();
  const { message } = useFeedback();
  const { user: me } = useCurrentUser();
  const systemAdmin = reachesEveryProvince(me, 'users.manage');
  const served = useServedProvinces();

  const provinceChoices = useMemo(() => {
    const administered = administeredProvinces(me.roles);
    const servedList = served.data ?? [];
    if (administered === 'all') return servedList.map((p) => p.code);
    return administered;
  }, [me.roles, served.data]);

  const [provinceCode, setProvinceCode] = useState(() => homeProvinceCode(me));
  const [searchText, setSearchText] = useState('');
  const [filter, setFilter] = useState({ q: '', page: 1, pageSize: 20 });
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<UserView | null>(null);
  const [correcting, setCorrecting] = useState<UserView | null>(null);
  const [resetting, setResetting] = useState<UserView | null>(null);

  const users = useUsers({ provinceCode, q: filter.q || undefined, page: filter.page, pageSize: filter.pageSize });
  const units = useProvinceUnits(provinceCode, CURRENT_SNAPSHOT);
  const producerIds = (users.data?.items ?? []).flatMap((user) =>
    user.roles.flatMap((grant) => (grant.producerId ? [grant.producerId] : [])),
  );
  const producerName = useProducerNames(producerIds);
  const names = { ...unitNamesFrom([units.data]), producer: producerName };
  const communes = useMemo(() => communeOptions(units.data?.communes ?? []), [units.data]);
  const provinceName = units.data?.province.name ?? served.data?.find((p) => p.code === provinceCode)?.name ?? provinceCode;
  const roles = grantableRoles(systemAdmin);
  const formProps = { provinceCode, provinceName, roles, communes, communesLoading: units.isPending };

  return (
    <>
      <PageHeader
        title={t('users.title')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('users.add')}
          </Button>
        }
      />
      <Card>
        <Flex gap={12} wrap style={{ marginBottom: 16 }}>
          {provinceChoices.length > 1 ? (
            <Select
              aria-label={t('users.province')}
              value={provinceCode}
              onChange={(code: string) => {
                setProvinceCode(code);
                setFilter((current) => ({ ...current, page: 1 }));
              }}
              options={provinceChoices.map((code) => ({
                value: code,
                label: served.data?.find((p) => p.code === code)?.name ?? code,
              }))}
              style={{ minWidth: 200 }}
            />
          ) : null}
          <Input.Search
            allowClear
            placeholder={t('users.searchPlaceholder')}
            aria-label={t('users.searchPlaceholder')}
            value={searchText}
            onChange={(event) => {
              setSearchText(event.target.value);
              if (event.target.value === '') setFilter((current) => ({ ...current, q: '', page: 1 }));
            }}
            onSearch={(value) => setFilter((current) => ({ ...current, q: value.trim(), page: 1 }))}
            enterButton={t('common.search')}
            style={{ flex: '1 1 280px', maxWidth: 480 }}
          />
        </Flex>
        {users.isError ? (
          <div style={{ marginBottom: 16 }}>
            <ErrorAlert error={users.error} />
          </div>
        ) : null}
        <UsersTable
          page={users.data}
          loading={users.isFetching}
          names={names}
          currentUserId={me.id}
          onPageChange={(page, pageSize) => setFilter((current) => ({ ...current, page, pageSize }))}
          onEdit={setCorrecting}
          onEditRoles={setEditing}
          onResetPassword={setResetting}
        />
      </Card>
      <CreateUserModal
        {...formProps}
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(user) => {
          setCreating(false);
          void message.success(t('users.created', { name: user.fullName }));
        }}
      />
      <EditUserModal
        user={correcting}
        onClose={() => setCorrecting(null)}
        onSaved={(user) => {
          setCorrecting(null);
          void message.success(t('users.saved', { name: user.fullName }));
        }}
      />
      <EditRolesModal
        {...formProps}
        user={editing}
        onClose={() => setEditing(null)}
        onSaved={(user) => {
          setEditing(null);
          void message.success(t('users.rolesSaved', { name: user.fullName }));
        }}
      />
      <ResetPasswordModal
        user={resetting}
        onClose={() => setResetting(null)}
        onDone={(user) => {
          setResetting(null);
          void message.success(t('users.passwordReset', { name: user.fullName }));
        }}
      />
    </>
  );
}
