import type { ProducerView } from '@ocop/contracts/registry';
import { type ProducerStatus, producerStatusMoves } from '@ocop/domain/registry';
import { Alert, Button, Flex, Form, Input, Modal, Select, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../lib/i18n';
import { PRODUCER_STATUS_KEYS } from '../../../lib/registry';
import { useChangeProducerStatus } from '../api/change-producer-status';

type StatusValues = { status?: ProducerStatus; reason?: string };

function ChangeStatusForm({
  producer,
  onDone,
  onCancel,
}: {
  producer: ProducerView;
  onDone: (producer: ProducerView) => void;
  onCancel: () => void;
}) {
  const { t, describeError } = useI18n();
  const [form] = Form.useForm<StatusValues>();
  const change = useChangeProducerStatus();
  const [error, setError] = useState<unknown>(null);
  const moves = producerStatusMoves(producer.status);
  const chosen = Form.useWatch('status', form);

  if (moves.length === 0) return <Typography.Paragraph>{t('producerStatus.none')}</Typography.Paragraph>;

  return (
    <Form<StatusValues>
      form={form}
      layout="vertical"
      disabled={change.isPending}
      onFinish={(values) => {
        setError(null);
        change.mutate(
          {
            producerId: producer.id,
            body: { status: values.status as ProducerStatus, reason: values.reason?.trim() || null, version: producer.version },
          },
          { onSuccess: onDone, onError: setError },
        );
      }}
    >
      <Form.Item
        name="status"
        label={t('producerStatus.newStatus')}
        rules={[{ required: true, message: t('producerStatus.newStatusRequired') }]}
      >
        <Select<ProducerStatus> options={moves.map((value) => ({ value, label: t(PRODUCER_STATUS_KEYS[value]) }))} />
      </Form.Item>
      <Form.Item name="reason" label={t('producerStatus.reason')} extra={t('producerStatus.reasonHint')}>
        <Input.TextArea rows={3} maxLength={1000} />
      </Form.Item>
      {chosen === 'dissolved' ? (
        <Alert type="warning" showIcon title={t('producerStatus.dissolveWarning')} style={{ marginBottom: 16 }} />
      ) : null}
      {error ? <Alert type="error" showIcon role="alert" title={describeError(error)} style={{ marginBottom: 16 }} /> : null}
      <Flex justify="flex-end" gap={8}>
        <Button onClick={onCancel} disabled={change.isPending}>
          {t('common.cancel')}
        </Button>
        <Button type="primary" danger={chosen === 'dissolved'} htmlType="submit" loading={change.isPending}>
          {t('common.save')}
        </Button>
      </Flex>
    </Form>
  );
}

/** Suspend, re-activate or dissolve a producer, with the reason (provincial staff). */
export function ChangeStatusModal({
  producer,
  open,
  onClose,
  onDone,
}: {
  producer: ProducerView;
  open: boolean;
  onClose: () => void;
  onDone: (producer: ProducerView) => void;
}) {
  const { t } = useI18n();
  return (
    <Modal open={open} title={t('producerStatus.title')} onCancel={onClose} footer={null} destroyOnHidden mask={{ closable: false }}>
      <ChangeStatusForm producer={producer} onDone={onDone} onCancel={onClose} />
    </Modal>
  );
}
