import type { CertificationSettingsView } from '@ocop/contracts/certification';
import { errorMessage } from '@ocop/contracts/errors';
import { patternProblem } from '@ocop/domain/certification';
import { Alert, Button, Form, Input, InputNumber } from 'antd';
import { useEffect, useState } from 'react';
import { useFeedback } from '../../../components/feedback/feedback';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { FieldList, Panel } from '../../../components/ui/panel';
import { isApiError } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n';
import { useSaveCertificationSettings } from '../api/certificate-writes';

type Values = { numberPattern: string; expiringWindowDays: number };

const PLACEHOLDER_KEYS = [
  'certSettings.placeholder.seq',
  'certSettings.placeholder.seq3',
  'certSettings.placeholder.province',
  'certSettings.placeholder.year',
  'certSettings.placeholder.stars',
] as const;

/**
 * The province's numbering pattern and expiring window, saved over the revision read. A pattern
 * the server would refuse is caught as it is typed (the same rule from @ocop/domain); a 409 reloads
 * the settings and says someone else changed them.
 */
export function SettingsForm({
  provinceCode,
  provinceName,
  settings,
  reload,
}: {
  provinceCode: string;
  provinceName: string;
  settings: CertificationSettingsView;
  reload: () => Promise<unknown>;
}) {
  const { t, language, describeError } = useI18n();
  const { message } = useFeedback();
  const [form] = Form.useForm<Values>();
  const save = useSaveCertificationSettings(provinceCode);
  const [error, setError] = useState<unknown>(null);
  const [conflict, setConflict] = useState(false);

  useEffect(() => {
    form.setFieldsValue({ numberPattern: settings.numberPattern, expiringWindowDays: settings.expiringWindowDays });
  }, [form, settings.numberPattern, settings.expiringWindowDays]);

  const submit = (values: Values) => {
    setError(null);
    setConflict(false);
    save.mutate(
      { numberPattern: values.numberPattern.trim(), expiringWindowDays: values.expiringWindowDays, revision: settings.revision },
      {
        onSuccess: (saved) => message.success(t('certSettings.saved', { example: saved.example })),
        onError: (failure) => {
          if (isApiError(failure) && failure.status === 409) {
            setConflict(true);
            void reload();
          } else if (isApiError(failure) && failure.code === 'certificate.pattern_invalid') {
            form.setFields([{ name: 'numberPattern', errors: [describeError(failure)] }]);
          } else setError(failure);
        },
      },
    );
  };

  return (
    <Panel title={provinceName} testId="certificate-settings">
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ numberPattern: settings.numberPattern, expiringWindowDays: settings.expiringWindowDays }}
        onFinish={submit}
        style={{ maxWidth: 560 }}
      >
        <Form.Item
          name="numberPattern"
          label={t('certSettings.pattern')}
          required
          rules={[
            {
              validator: (_rule, value: string | undefined) => {
                const problem = patternProblem((value ?? '').trim());
                return problem === null
                  ? Promise.resolve()
                  : Promise.reject(new Error(errorMessage('certificate.pattern_invalid', language, { problem })));
              },
            },
          ]}
        >
          <Input maxLength={48} style={{ fontFamily: 'monospace' }} data-testid="settings-pattern" />
        </Form.Item>
        <Form.Item
          name="expiringWindowDays"
          label={t('certSettings.window')}
          extra={t('certSettings.windowHelp')}
          rules={[{ required: true }]}
        >
          <InputNumber min={30} max={365} precision={0} style={{ width: 160 }} data-testid="settings-window" />
        </Form.Item>
        <FieldList
          items={[
            {
              key: 'example',
              label: t('certSettings.example'),
              children: (
                <span>
                  <strong style={{ fontFamily: 'monospace', fontSize: 16 }} data-testid="settings-example">
                    {settings.example}
                  </strong>
                  <div className="ocop-text-secondary" style={{ fontSize: 12 }}>
                    {t('certSettings.exampleNote')}
                  </div>
                </span>
              ),
            },
          ]}
        />
        {conflict ? (
          <Alert type="warning" showIcon title={t('certSettings.conflict')} style={{ marginTop: 12 }} data-testid="settings-conflict" />
        ) : null}
        {error ? (
          <div style={{ marginTop: 12 }}>
            <ErrorAlert error={error} />
          </div>
        ) : null}
        <Button type="primary" htmlType="submit" loading={save.isPending} style={{ marginTop: 16 }} data-testid="settings-save">
          {t('common.save')}
        </Button>
      </Form>
    </Panel>
  );
}

/** What each placeholder of a pattern stands for. */
export function PlaceholderHelp() {
  const { t } = useI18n();
  return (
    <Panel title={t('certSettings.placeholders')} testId="placeholder-help">
      <ul style={{ margin: 0, paddingInlineStart: 20, display: 'flex', flexDirection: 'column', gap: 6 }}>
        {PLACEHOLDER_KEYS.map((key) => (
          <li key={key}>
            <PlaceholderLine text={t(key)} />
          </li>
        ))}
      </ul>
    </Panel>
  );
}

/** "{seq}: …" with the leading placeholder in code type. */
function PlaceholderLine({ text }: { text: string }) {
  const match = /^(\{[^}]+\})(.*)$/s.exec(text);
  if (!match) return <>{text}</>;
  return (
    <>
      <code>{match[1]}</code>
      {match[2]}
    </>
  );
}
