import type { CouncilView } from '@ocop/contracts/councils';
import type { UserView } from '@ocop/contracts/identity';
import { can } from '@ocop/domain/shared';
import { Alert, Button, Flex, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { useCurrentUser } from '../../../lib/auth';
import { useI18n } from '../../../lib/i18n';
import { useAddMember, useUserSearch } from '../api/councils';
import { type CouncilDepartment, type CouncilPosition, DEPARTMENT_LABELS, DEPARTMENTS, POSITION_LABELS, POSITIONS } from './labels';

type MemberForm = { userId: string; position: CouncilPosition; department: CouncilDepartment; title?: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Users who may sit: council members (chair, member) and province officers (secretary, advisory). */
function seatable(user: UserView) {
  return !user.disabled && user.roles.some((grant) => grant.role === 'council_member' || grant.role === 'province_officer');
}

function UserPicker({
  id,
  value,
  onChange,
  exclude,
}: {
  id?: string;
  value?: string;
  onChange?: (id: string) => void;
  exclude: Set<string>;
}) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const users = useUserSearch(q, true);
  return (
    <Select
      id={id}
      showSearch={{ filterOption: false, onSearch: setQ }}
      data-testid="member-user"
      value={value}
      onChange={onChange}
      loading={users.isFetching}
      placeholder={t('councils.member.userPlaceholder')}
      notFoundContent={t('councils.member.noUsers')}
      options={(users.data?.items ?? [])
        .filter((user) => seatable(user) && !exclude.has(user.id))
        .map((user) => ({ value: user.id, label: `${user.fullName}${user.email ? ` — ${user.email}` : ''}` }))}
    />
  );
}

/**
 * Seats a user on the council. Province administrators pick from the province's users; officers,
 * who may not list users, enter the user's id (a server route for the candidates is pending).
 */
export function AddMemberForm({ council }: { council: CouncilView }) {
  const { t } = useI18n();
  const me = useCurrentUser();
  const canList = can(me.user.roles, 'users.manage');
  const add = useAddMember(council.id);
  const [form] = Form.useForm<MemberForm>();
  const seated = new Set(council.members.map((member) => member.userId).filter((id): id is string => id !== null));
  return (
    <Form<MemberForm>
      form={form}
      layout="vertical"
      data-testid="add-member-form"
      initialValues={{ position: 'member' }}
      onFinish={(values) =>
        add.mutate(
          { userId: values.userId.trim(), position: values.position, department: values.department, title: values.title?.trim() || null },
          { onSuccess: () => form.resetFields() },
        )
      }
    >
      {canList ? null : <Alert type="info" showIcon title={t('councils.member.idOnly')} style={{ marginBottom: 12 }} />}
      {add.isError ? <ErrorAlert error={add.error} /> : null}
      <Flex gap="0 12px" wrap align="flex-end">
        <Form.Item
          name="userId"
          label={t('councils.member.user')}
          style={{ flex: '2 1 260px' }}
          rules={[
            { required: true, message: t('councils.member.userRequired') },
            ...(canList ? [] : [{ pattern: UUID, message: t('councils.member.userIdInvalid') }]),
          ]}
        >
          {canList ? <UserPicker exclude={seated} /> : <Input data-testid="member-user-id" placeholder="xxxxxxxx-xxxx-…" />}
        </Form.Item>
        <Form.Item name="position" label={t('councils.member.position')} style={{ flex: '1 1 150px' }} rules={[{ required: true }]}>
          <Select
            data-testid="member-position"
            options={POSITIONS.map((position) => ({ value: position, label: t(POSITION_LABELS[position]) }))}
          />
        </Form.Item>
        <Form.Item
          name="department"
          label={t('councils.member.department')}
          style={{ flex: '2 1 260px' }}
          rules={[{ required: true, message: t('councils.member.departmentRequired') }]}
        >
          <Select
            data-testid="member-department"
            placeholder={t('councils.member.departmentPlaceholder')}
            options={DEPARTMENTS.map((department) => ({ value: department, label: t(DEPARTMENT_LABELS[department]) }))}
          />
        </Form.Item>
        <Form.Item name="title" label={t('councils.member.title')} style={{ flex: '2 1 220px' }}>
          <Input maxLength={200} placeholder={t('councils.member.titlePlaceholder')} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={add.isPending} data-testid="add-member">
            {t('councils.member.add')}
          </Button>
        </Form.Item>
      </Flex>
    </Form>
  );
}
