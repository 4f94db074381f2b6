import type { UserView } from '@ocop/contracts/identity';
import type { Role } from '@ocop/domain/shared';
import { Form, Modal } from 'antd';
import { useState } from 'react';
import { showErrorOnFields } from '../../../lib/form-errors';
import { useI18n } from '../../../lib/i18n';
import { useUpdateUserRoles } from '../api/update-user-roles';
import { type CommuneOption, grantFromRow, type RoleGrantRow, roleFieldForError, rowFromGrant } from './role-grant-form';
import { RoleGrantsFields } from './role-grants-fields';
import { FormFooter } from './user-form-parts';

type EditRolesValues = { roles: RoleGrantRow[] };

function EditRolesForm({
  user,
  provinceCode,
  provinceName,
  roles,
  communes,
  communesLoading,
  onSaved,
  onCancel,
}: {
  user: UserView;
  provinceCode: string;
  provinceName: string;
  roles: readonly Role[];
  communes: readonly CommuneOption[];
  communesLoading: boolean;
  onSaved: (user: UserView) => void;
  onCancel: () => void;
}) {
  const { t, describeError } = useI18n();
  const [form] = Form.useForm<EditRolesValues>();
  const updateRoles = useUpdateUserRoles();
  const [formError, setFormError] = useState<unknown>(null);

  const submit = () => {
    setFormError(null);
    // Read the whole rows: `provinceCode` has no input of its own but must survive the edit.
    const rows = (form.getFieldValue('roles') as RoleGrantRow[] | undefined) ?? [];
    updateRoles.mutate(
      { userId: user.id, roles: rows.map((row) => grantFromRow(row, provinceCode)) },
      {
        onSuccess: onSaved,
        onError: (error) => {
          const placed = showErrorOnFields(form, error, (code, details) => roleFieldForError(code, details, rows), describeError, [
            'roles',
          ]);
          if (!placed) setFormError(error);
        },
      },
    );
  };

  return (
    <Form<EditRolesValues>
      noValidate
      form={form}
      layout="vertical"
      onFinish={submit}
      initialValues={{ roles: user.roles.length > 0 ? user.roles.map(rowFromGrant) : [{}] }}
      disabled={updateRoles.isPending}
      onValuesChange={() => setFormError(null)}
    >
      <div style={{ marginBottom: 16 }}>
        <RoleGrantsFields
          roles={roles}
          communes={communes}
          communesLoading={communesLoading}
          provinceCode={provinceCode}
          provinceName={provinceName}
        />
      </div>
      <FormFooter error={formError} submitting={updateRoles.isPending} submitLabel={t('common.save')} onCancel={onCancel} />
    </Form>
  );
}

export function EditRolesModal({
  user,
  onClose,
  onSaved,
  ...formProps
}: {
  user: UserView | null;
  onClose: () => void;
  onSaved: (user: UserView) => void;
  provinceCode: string;
  provinceName: string;
  roles: readonly Role[];
  communes: readonly CommuneOption[];
  communesLoading: boolean;
}) {
  const { t } = useI18n();
  return (
    <Modal
      open={user !== null}
      title={user ? t('users.editRolesTitle', { name: user.fullName }) : ''}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      width={680}
      mask={{ closable: false }}
    >
      {user ? <EditRolesForm {...formProps} user={user} onCancel={onClose} onSaved={onSaved} /> : null}
    </Modal>
  );
}
