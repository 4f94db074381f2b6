import { Alert, Button, Flex } from 'antd';
import { useI18n } from '../../../lib/i18n';

/** The bottom of every user form in a modal: the error no field could take, then the buttons. */
export function FormFooter({
  error,
  submitting,
  submitLabel,
  onCancel,
}: {
  error: unknown;
  submitting: boolean;
  submitLabel: string;
  onCancel: () => void;
}) {
  const { t, describeError } = useI18n();
  return (
    <>
      {error ? <Alert type="error" showIcon role="alert" title={describeError(error)} style={{ marginBottom: 16 }} /> : null}
      <Flex justify="flex-end" gap={8}>
        <Button onClick={onCancel} disabled={submitting}>
          {t('common.cancel')}
        </Button>
        <Button type="primary" htmlType="submit" loading={submitting}>
          {submitLabel}
        </Button>
      </Flex>
    </>
  );
}
