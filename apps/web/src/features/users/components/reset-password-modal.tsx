import type { UserView } from '@ocop/contracts/identity';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@ocop/domain/identity';
import { Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { showErrorOnFields } from '../../../lib/form-errors';
import { useI18n } from '../../../lib/i18n';
import { useResetUserPassword } from '../api/reset-user-password';
import { FormFooter } from './user-form-parts';

type ResetValues = { temporaryPassword: string };

function ResetPasswordForm({ user, onDone, onCancel }: { user: UserView; onDone: (user: UserView) => void; onCancel: () => void }) {
  const { t, describeError } = useI18n();
  const [form] = Form.useForm<ResetValues>();
  const reset = useResetUserPassword();
  const [formError, setFormError] = useState<unknown>(null);

  const submit = (values: ResetValues) => {
    setFormError(null);
    reset.mutate(
      { userId: user.id, temporaryPassword: values.temporaryPassword },
      {
        onSuccess: onDone,
        onError: (error) => {
          const placed = showErrorOnFields(
            form,
            error,
            (code) => (code.startsWith('user.password_') ? 'temporaryPassword' : null),
            describeError,
            ['temporaryPassword'],
          );
          if (!placed) setFormError(error);
        },
      },
    );
  };

  return (
    <Form<ResetValues> noValidate form={form} layout="vertical" onFinish={submit} disabled={reset.isPending} autoComplete="off">
      <Typography.Paragraph type="secondary">{t('users.resetIntro')}</Typography.Paragraph>
      <Form.Item
        name="temporaryPassword"
        label={t('users.field.temporaryPassword')}
        rules={[
          { required: true, message: t('users.field.passwordRequired') },
          { min: PASSWORD_MIN_LENGTH, message: t('password.tooShort', { min: PASSWORD_MIN_LENGTH }) },
          { max: PASSWORD_MAX_LENGTH, message: t('password.tooLong', { max: PASSWORD_MAX_LENGTH }) },
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <FormFooter error={formError} submitting={reset.isPending} submitLabel={t('users.action.resetPassword')} onCancel={onCancel} />
    </Form>
  );
}

export function ResetPasswordModal({
  user,
  onClose,
  onDone,
}: {
  user: UserView | null;
  onClose: () => void;
  onDone: (user: UserView) => void;
}) {
  const { t } = useI18n();
  return (
    <Modal
      open={user !== null}
      title={user ? t('users.resetTitle', { name: user.fullName }) : ''}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      mask={{ closable: false }}
    >
      {user ? <ResetPasswordForm user={user} onCancel={onClose} onDone={onDone} /> : null}
    </Modal>
  );
}
