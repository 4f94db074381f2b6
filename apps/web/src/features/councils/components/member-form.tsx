import type { CouncilView } from '@ocop/contracts/councils';
import { Button, Flex, Form, Input, Select } from 'antd';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { useI18n } from '../../../lib/i18n';
import { type CouncilCandidate, useAddMember, useCouncilCandidates } from '../api/councils';
import { type CouncilDepartment, type CouncilPosition, DEPARTMENT_LABELS, DEPARTMENTS, POSITION_LABELS, POSITIONS } from './labels';

type MemberForm = { userId: string; position: CouncilPosition; department: CouncilDepartment; title?: string };

/** The province's candidates: council members for the chair and member seats, province staff for the secretary and advisory team. */
function UserPicker({
  id,
  value,
  onChange,
  exclude,
  provinceCode,
}: {
  id?: string;
  value?: string;
  onChange?: (id: string) => void;
  exclude: Set<string>;
  provinceCode: string;
}) {
  const { t } = useI18n();
  const candidates = useCouncilCandidates(provinceCode);
  const option = (user: CouncilCandidate) => ({ value: user.id, label: `${user.fullName}${user.email ? ` — ${user.email}` : ''}` });
  const keep = (list: CouncilCandidate[] | undefined) => (list ?? []).filter((user) => !exclude.has(user.id)).map(option);
  return (
    <Select
      id={id}
      showSearch={{ optionFilterProp: 'label' }}
      data-testid="member-user"
      value={value}
      onChange={onChange}
      loading={candidates.isFetching}
      placeholder={t('councils.member.userPlaceholder')}
      notFoundContent={t('councils.member.noUsers')}
      options={[
        { label: t('councils.member.candidatesMembers'), options: keep(candidates.data?.members) },
        { label: t('councils.member.candidatesStaff'), options: keep(candidates.data?.staff) },
      ]}
    />
  );
}

/** Seats one of the province's candidates on the council, with a position and the department they come from. */
export function AddMemberForm({ council }: { council: CouncilView }) {
  const { t } = useI18n();
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
      {add.isError ? <ErrorAlert error={add.error} /> : null}
      <Flex gap="0 12px" wrap align="flex-end">
        <Form.Item
          name="userId"
          label={t('councils.member.user')}
          style={{ flex: '2 1 260px' }}
          rules={[{ required: true, message: t('councils.member.userRequired') }]}
        >
          <UserPicker exclude={seated} provinceCode={council.provinceCode} />
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
