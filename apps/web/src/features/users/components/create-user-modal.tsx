import { errorMessage } from '@ocop/contracts/errors';
import type { UserView } from '@ocop/contracts/identity';
import { normalizeLogin, normalizePhone, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@ocop/domain/identity';
import type { Role } from '@ocop/domain/shared';
import { Col, Form, Input, Modal, Row } from 'antd';
import { useState } from 'react';
import { showErrorOnFields } from '../../../lib/form-errors';
import { useI18n } from '../../../lib/i18n';
import { useCreateUser } from '../api/create-user';
import { type CommuneOption, grantFromRow, type RoleGrantRow, roleFieldForError } from './role-grant-form';
import { RoleGrantsFields } from './role-grants-fields';
import { FormFooter } from './user-form-parts';

// Client-side checks use the same rules (@ocop/domain) and texts (@ocop/contracts) as the server.
type CreateUserValues = {
  fullName: string;
  email?: string;
  phone?: string;
  password: string;
  roles: RoleGrantRow[];
};

const FIELDS = ['fullName', 'email', 'phone', 'password', 'roles'] as const;

export function isValidEmail(value: string): boolean {
  if (!value.includes('@')) return false;
  try {
    normalizeLogin(value);
    return true;
  } catch {
    return false;
  }
}

export function isValidPhone(value: string): boolean {
  try {
    normalizePhone(value);
    return true;
  } catch {
    return false;
  }
}

/** Which field a server error on user creation belongs to; the rest goes to the Alert. */
export function createUserFieldForError(
  code: string,
  details: Readonly<Record<string, unknown>>,
  values: Partial<CreateUserValues>,
): string | (string | number)[] | null {
  if (code === 'user.invalid_phone') return 'phone';
  if (code === 'user.invalid_email' || code === 'user.login_required') return 'email';
  if (code === 'user.login_taken') return values.email?.trim() || !values.phone?.trim() ? 'email' : 'phone';
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
  const { t, language, describeError } = useI18n();
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
      <Form.Item
        name="fullName"
        label={t('users.field.fullName')}
        rules={[{ required: true, whitespace: true, message: t('users.field.fullNameRequired') }, { max: 200 }]}
      >
        <Input autoComplete="off" />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item
            name="email"
            label={t('users.field.email')}
            dependencies={['phone']}
            rules={[
              ({ getFieldValue }) => ({
                validator: async (_, value: string | undefined) => {
                  const email = value?.trim() ?? '';
                  const phone = (getFieldValue('phone') as string | undefined)?.trim() ?? '';
                  if (!email && !phone) throw new Error(errorMessage('user.login_required', language));
                  if (email && !isValidEmail(email)) throw new Error(errorMessage('user.invalid_email', language));
                },
              }),
            ]}
          >
            <Input type="email" inputMode="email" autoComplete="off" placeholder="ten@sonla.gov.vn" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            name="phone"
            label={t('users.field.phone')}
            rules={[
              {
                validator: async (_, value: string | undefined) => {
                  const phone = value?.trim() ?? '';
                  if (phone && !isValidPhone(phone)) throw new Error(errorMessage('user.invalid_phone', language));
                },
              },
            ]}
          >
            <Input inputMode="tel" autoComplete="off" placeholder="0912 345 678" />
          </Form.Item>
        </Col>
      </Row>
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
