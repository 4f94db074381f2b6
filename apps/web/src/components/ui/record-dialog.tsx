import { Form, Modal } from 'antd';
import { type ReactNode, useState } from 'react';
import { fieldFromDetails, showErrorOnFields } from '../../lib/form-errors';
import { useI18n } from '../../lib/i18n';
import { ErrorAlert } from './error-alert';

/**
 * A dialog that adds or corrects one record: a vertical form in a modal with Save and Cancel, the
 * fields locked while it saves, the server's refusal shown under the field it names (or in the
 * dialog when it names none), and the error cleared as soon as the user changes something.
 * `save` does the request and any success message; the dialog closes when it resolves.
 */
export function RecordDialog<Values extends object>({
  title,
  testId,
  fields,
  fieldOf,
  initialValues,
  pending,
  save,
  onClose,
  children,
}: {
  title: string;
  /** `<testId>-form` on the form, `<testId>-save` on the Save button (the browser journeys use them). */
  testId: string;
  /** The form's field names a server error may name. */
  fields: readonly string[];
  /** Where an error's details point when the server's field name is not the form's (one field shown as two). */
  fieldOf?: (details: Readonly<Record<string, unknown>>) => string | null;
  initialValues: Partial<Values>;
  pending: boolean;
  save: (values: Values) => Promise<void>;
  onClose: () => void;
  children: ReactNode;
}) {
  const { t, describeError } = useI18n();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);

  const submit = async (values: Values) => {
    setError(null);
    try {
      await save(values);
      onClose();
    } catch (failure) {
      const placeOf = fieldOf ?? ((details: Readonly<Record<string, unknown>>) => fieldFromDetails(details, fields));
      const placed = showErrorOnFields(form, failure, (_code, details) => placeOf(details), describeError, fields);
      if (!placed) setError(failure);
    }
  };

  return (
    <Modal
      open
      title={title}
      okText={t('common.save')}
      okButtonProps={{ loading: pending, size: 'large', ...{ 'data-testid': `${testId}-save` } }}
      cancelButtonProps={{ size: 'large' }}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        size="large"
        disabled={pending}
        initialValues={initialValues}
        onValuesChange={() => setError(null)}
        onFinish={(values) => void submit(values)}
        data-testid={`${testId}-form`}
      >
        {children}
      </Form>
      {error ? <ErrorAlert error={error} /> : null}
    </Modal>
  );
}
