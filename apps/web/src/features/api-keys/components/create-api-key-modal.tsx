import type { CreatedApiKeyView } from '@ocop/contracts/api-keys';
import { useApiKeyTexts } from '../api-key-texts';
import { vietnamDate } from '@ocop/domain/registry';
import { API_KEY_EXPIRY_MAX_YEARS, API_KEY_NAME_MAX_LENGTH, API_KEY_SCOPES, type ApiKeyScope } from '@ocop/domain/traceability';
import { Alert, Button, Checkbox, DatePicker, Form, Input, Modal, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useFeedback } from '../../../components/feedback/feedback';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { DATE_FORMAT } from '../../../lib/format';
import { useCreateApiKey } from '../api/api-keys';

type Values = { name: string; scopes: ApiKeyScope[]; expiresOn?: Dayjs | null };

const iso = (value: Dayjs) => value.format('YYYY-MM-DD');

/**
 * Issuing a key: its name, its scopes and an optional last day. Once created, the dialog shows the
 * token (the only time it is ever shown) with a copy button and says it will not be shown again.
 */
export function CreateApiKeyModal({ producerId, open, onClose }: { producerId: string; open: boolean; onClose: () => void }) {
  const t = useApiKeyTexts();
  const [form] = Form.useForm<Values>();
  const create = useCreateApiKey();
  const [error, setError] = useState<unknown>(null);
  const [created, setCreated] = useState<CreatedApiKeyView | null>(null);
  const today = vietnamDate(new Date());
  const latest = `${Number(today.slice(0, 4)) + API_KEY_EXPIRY_MAX_YEARS}${today.slice(4)}`;

  const close = () => {
    // The token leaves memory with the dialog: nothing keeps it once it is closed.
    setCreated(null);
    setError(null);
    create.reset();
    onClose();
  };

  const submit = (values: Values) =>
    create
      .mutateAsync({
        producerId,
        name: values.name.trim(),
        scopes: values.scopes,
        expiresOn: values.expiresOn ? iso(values.expiresOn) : null,
      })
      .then(setCreated, (failure: unknown) => setError(failure));

  if (created) return <TokenModal created={created} onClose={close} />;
  return (
    <Modal
      open={open}
      title={t('apiKeys.form.title')}
      okText={t('apiKeys.form.submit')}
      okButtonProps={{ loading: create.isPending, ...{ 'data-testid': 'api-key-submit' } }}
      cancelText={t('common.cancel')}
      onCancel={close}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ scopes: ['epcis:capture'] }}
        onValuesChange={() => setError(null)}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item
          name="name"
          label={t('apiKeys.form.name')}
          extra={t('apiKeys.form.nameHelp')}
          rules={[{ required: true, whitespace: true, message: t('apiKeys.form.nameRequired') }]}
        >
          <Input maxLength={API_KEY_NAME_MAX_LENGTH} data-testid="api-key-name" />
        </Form.Item>
        <Form.Item name="scopes" label={t('apiKeys.form.scopes')} rules={[{ required: true, message: t('apiKeys.form.scopesRequired') }]}>
          <Checkbox.Group data-testid="api-key-scopes">
            <Space orientation="vertical">
              {API_KEY_SCOPES.map((scope) => (
                <Checkbox key={scope} value={scope} data-testid={`api-key-scope-${scope}`}>
                  {t(`apiKeys.scope.${scope}`)}
                </Checkbox>
              ))}
            </Space>
          </Checkbox.Group>
        </Form.Item>
        <Form.Item name="expiresOn" label={t('apiKeys.form.expiresOn')} extra={t('apiKeys.form.expiresOnHelp')}>
          <DatePicker
            format={DATE_FORMAT}
            style={{ width: '100%' }}
            disabledDate={(value) => iso(value) <= today || iso(value) > latest}
            data-testid="api-key-expires"
          />
        </Form.Item>
      </Form>
      {error ? <ErrorAlert error={error} /> : null}
    </Modal>
  );
}

function TokenModal({ created, onClose }: { created: CreatedApiKeyView; onClose: () => void }) {
  const t = useApiKeyTexts();
  const { message } = useFeedback();
  const copy = () =>
    navigator.clipboard.writeText(created.token).then(
      () => message.success(t('apiKeys.token.copied')),
      () => message.error(t('apiKeys.token.copyFailed')),
    );
  return (
    <Modal
      open
      title={t('apiKeys.token.title', { name: created.name })}
      closable={false}
      maskClosable={false}
      keyboard={false}
      footer={
        <Button type="primary" onClick={onClose} data-testid="api-key-token-done">
          {t('apiKeys.token.done')}
        </Button>
      }
    >
      <Alert type="warning" showIcon message={t('apiKeys.token.warning')} style={{ marginBottom: 12 }} />
      <Input.TextArea
        readOnly
        value={created.token}
        autoSize
        onFocus={(event) => event.currentTarget.select()}
        style={{ fontFamily: 'monospace', wordBreak: 'break-all' }}
        data-testid="api-key-token"
      />
      <Button onClick={() => void copy()} style={{ marginTop: 8 }} block data-testid="api-key-copy">
        {t('apiKeys.token.copy')}
      </Button>
      <p style={{ marginTop: 12, marginBottom: 0, color: 'rgba(0,0,0,0.65)', fontSize: 13 }}>{t('apiKeys.token.usage')}</p>
    </Modal>
  );
}
