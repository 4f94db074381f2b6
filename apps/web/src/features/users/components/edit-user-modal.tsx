import type { UserView } from '@ocop/contracts/identity';
import { Form, Modal } from 'antd';
import { useState } from 'react';
import { showErrorOnFields } from '../../../lib/form-errors';
import { useI18n } from '../../../lib/i18n';
import { useUpdateUser } from '../api/update-user';
import { contactFieldForError, UserContactFields } from './user-contact-fields';
import { FormFooter } from './user-form-parts';

type EditUserValues = { fullName: string; email?: string; phone?: string };

const FIELDS = ['fullName', 'email', 'phone'] as const;

function EditUserForm({ user, onSaved, onCancel }: { user: UserView; onSaved: (user: UserView) => void; onCancel: () => void }) {
  const { t, describeError } = useI18n();
  const [form] = Form.useForm<EditUserValues>();
  const updateUser = useUpdateUser();
  const [formError, setFormError] = useState<unknown>(null);

  const submit = (values: EditUserValues) => {
    setFormError(null);
    updateUser.mutate(
      {
        userId: user.id,
        // An emptied box clears that login; the server keeps at least one of the two.
        changes: { fullName: values.fullName.trim(), email: values.email?.trim() || null, phone: values.phone?.trim() || null },
      },
      {
        onSuccess: onSaved,
        onError: (error) => {
          const placed = showErrorOnFields(
            form,
            error,
            (code) => contactFieldForError(code, form.getFieldsValue(true) as EditUserValues),
            describeError,
            FIELDS,
          );
          if (!placed) setFormError(error);
        },
      },
    );
  };

  return (
    <Form<EditUserValues>
      noValidate
      form={form}
      layout="vertical"
      onFinish={submit}
      initialValues={{ fullName: user.fullName, email: user.email ?? '', phone: user.phone ?? '' }}
      disabled={updateUser.isPending}
      onValuesChange={() => setFormError(null)}
      autoComplete="off"
    >
      <UserContactFields />
      <FormFooter error={formError} submitting={updateUser.isPending} submitLabel={t('common.save')} onCancel={onCancel} />
    </Form>
  );
}

/** Corrects a user's name and logins (a new email or phone is what they log in with next time). */
export function EditUserModal({
  user,
  onClose,
  onSaved,
}: {
  user: UserView | null;
  onClose: () => void;
  onSaved: (user: UserView) => void;
}) {
  const { t } = useI18n();
  return (
    <Modal
      open={user !== null}
      title={user ? t('users.editTitle', { name: user.fullName }) : ''}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      width={680}
      mask={{ closable: false }}
    >
      {user ? <EditUserForm user={user} onCancel={onClose} onSaved={onSaved} /> : null}
    </Modal>
  );
}
