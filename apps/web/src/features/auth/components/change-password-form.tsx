import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@ocop/domain/identity';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../lib/i18n';
import { showErrorOnFields } from '../../../lib/form-errors';
import { useChangePassword } from '../api/change-password';

type ChangePasswordValues = { currentPassword: string; newPassword: string; confirmPassword: string };

const FIELDS = ['currentPassword', 'newPassword'] as const;

function fieldForCode(code: string) {
  if (code === 'auth.wrong_current_password') return 'currentPassword';
  if (code.startsWith('user.password_')) return 'newPassword';
  return null;
}

export function ChangePasswordForm({ onChanged }: { onChanged: () => void }) {
  const { t, describeError } = useI18n();
  const [form] = Form.useForm<ChangePasswordValues>();
  const changePassword = useChangePassword();
  const [formError, setFormError] = useState<unknown>(null);

  const submit = (values: ChangePasswordValues) => {
    setFormError(null);
    changePassword.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          form.resetFields();
          onChanged();
        },
        onError: (error) => {
          if (!showErrorOnFields(form, error, fieldForCode, describeError, FIELDS)) setFormError(error);
        },
      },
    );
  };

  return (
    <Form<ChangePasswordValues>
      noValidate
      form={form}
      layout="vertical"
      onFinish={submit}
      disabled={changePassword.isPending}
      style={{ maxWidth: 440 }}
    >
      <Form.Item label={t('password.current')} name="currentPassword" rules={[{ required: true, message: t('password.currentRequired') }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Form.Item
        label={t('password.new')}
        name="newPassword"
        extra={t('password.hint', { min: PASSWORD_MIN_LENGTH })}
        dependencies={['currentPassword']}
        rules={[
          { required: true, message: t('password.newRequired') },
          { min: PASSWORD_MIN_LENGTH, message: t('password.tooShort', { min: PASSWORD_MIN_LENGTH }) },
          { max: PASSWORD_MAX_LENGTH, message: t('password.tooLong', { max: PASSWORD_MAX_LENGTH }) },
          ({ getFieldValue }) => ({
            validator: (_, value: string | undefined) =>
              value && value === getFieldValue('currentPassword')
                ? Promise.reject(new Error(t('password.sameAsCurrent')))
                : Promise.resolve(),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        label={t('password.confirm')}
        name="confirmPassword"
        dependencies={['newPassword']}
        rules={[
          { required: true, message: t('password.confirmRequired') },
          ({ getFieldValue }) => ({
            validator: (_, value: string | undefined) =>
              !value || value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      {formError ? <Alert type="error" showIcon role="alert" title={describeError(formError)} style={{ marginBottom: 16 }} /> : null}
      <Button type="primary" htmlType="submit" loading={changePassword.isPending}>
        {t('password.submit')}
      </Button>
    </Form>
  );
}
