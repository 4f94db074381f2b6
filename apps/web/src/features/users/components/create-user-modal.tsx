import type { UserView } from '@ocop/contracts/identity';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@ocop/domain/identity';
import type { Role } from '@ocop/domain/shared';
import { Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { showErrorOnFields } from '../../../lib/form-errors';
import { useI18n } from '../../../lib/i18n';
import { useCreateUser } from '../api/create-user';
import { type CommuneOption, grantFromRow, type RoleGrantRow, roleFieldForError } from './role-grant-form';
import { RoleGrantsFields } from './role-grants-fields';
import { contactFieldForError, UserContactFields } from './user-contact-fields';
import { FormFooter } from './user-form-parts';

type CreateUserValues = {
  fullName: string;
  email?: string;
  phone?: string;
  password: string;
  roles: RoleGrantRow[];
};

const FIELDS = ['fullName', 'email', 'phone', 'password', 'roles'] as const;

/** Which field a server error on user creation belongs to; the rest goes to the Alert. */
export function createUserFieldForError(
  code: string,
  details: Readonly<Record<string, unknown>>,
  values: Partial<CreateUserValues>,
): string | (string | number)[] | null {
  const contact = contactFieldForError(code, values);
  if (contact) return contact;
  if (code.startsWith('user.password_')) return 'password';
  return roleFieldForError(code, details, values.roles ?? []);
}

function CreateUserForm({
  provinceCode,
  provinceName,
  roles,
  communes,
  communesLoading,
  onCreated,
  onCancel,
}: {
  provinceCode: string;
  provinceName: string;
  roles: readonly Role[];
  communes: readonly CommuneOption[];
  communesLoading: boolean;
  onCreated: (user: UserView) => void;
  onCancel: () => void;
}) {
  const { t, describeError } = useI18n();
  const [form] = Form.useForm<CreateUserValues>();
  const createUser = useCreateUser();
  const [formError, setFormError] = useState<unknown>(null);

  const submit = (values: CreateUserValues) => {
    setFormError(null);
    const email = values.email?.trim();
    const phone = values.phone?.trim();
    createUser.mutate(
      {
        fullName: values.fullName.trim(),
        email: email || null,
        phone: phone || null,
        password: values.password,
        // A system administrator belongs to no province; everyone else to the one administered here.
        provinceCode: values.roles.every((row) => row.role === 'system_admin') ? null : provinceCode,
        roles: values.roles.map((row) => grantFromRow(row, provinceCode)),
      },
      {
        onSuccess: onCreated,
        onError: (error) => {
          const placed = showErrorOnFields(
            form,
            error,
            (code, details) => createUserFieldForError(code, details, form.getFieldsValue(true)),
            describeError,
            FIELDS,
          );
          if (!placed) setFormError(error);
        },
      },
    );
  };

  return (
    <Form<CreateUserValues>
      noValidate
      form={form}
      layout="vertical"
      onFinish={submit}
      initialValues={{ roles: [{ role: 'commune_officer' }] }}
      disabled={createUser.isPending}
      onValuesChange={() => setFormError(null)}
      autoComplete="off"
    >
      <UserContactFields />
      <Form.Item
        name="password"
        label={t('users.field.password')}
        extra={t('users.field.passwordHint')}
        rules={[
          { required: true, message: t('users.field.passwordRequired') },
          { min: PASSWORD_MIN_LENGTH, message: t('password.tooShort', { min: PASSWORD_MIN_LENGTH }) },
          { max: PASSWORD_MAX_LENGTH, message: t('password.tooLong', { max: PASSWORD_MAX_LENGTH }) },
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item label={t('users.field.roles')} required style={{ marginBottom: 16 }}>
        <RoleGrantsFields
          roles={roles}
          communes={communes}
          communesLoading={communesLoading}
          provinceCode={provinceCode}
          provinceName={provinceName}
        />
      </Form.Item>
      <FormFooter error={formError} submitting={createUser.isPending} submitLabel={t('common.save')} onCancel={onCancel} />
    </Form>
  );
}

export function CreateUserModal({
  open,
  onClose,
  onCreated,
  ...formProps
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (user: UserView) => void;
  provinceCode: string;
  provinceName: string;
  roles: readonly Role[];
  communes: readonly CommuneOption[];
  communesLoading: boolean;
}) {
  const { t } = useI18n();
  return (
    <Modal
      open={open}
      title={t('users.createTitle')}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      width={680}
      mask={{ closable: false }}
    >
      <CreateUserForm {...formProps} onCancel={onClose} onCreated={onCreated} />
    </Modal>
  );
}
