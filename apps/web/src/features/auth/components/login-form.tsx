import { LockOutlined, UserOutlined } from '@ant-design/icons';
import type { LoginBody } from '@ocop/contracts/identity';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useLogIn } from '../../../lib/auth';
import { useI18n } from '../../../lib/i18n';

/** Email-or-phone and password; errors (wrong password, throttled, disabled) in an Alert above the button. */
export function LoginForm({ onLoggedIn, notice }: { onLoggedIn: () => void; notice?: string | null }) {
  const { t, describeError } = useI18n();
  const logIn = useLogIn();
  const [form] = Form.useForm<LoginBody>();

  const submit = (values: LoginBody) => {
    logIn.mutate({ login: values.login.trim(), password: values.password }, { onSuccess: onLoggedIn });
  };

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('login.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('login.subtitle')}</Typography.Paragraph>
      {notice && !logIn.error ? <Alert type="info" showIcon title={notice} style={{ marginBottom: 16 }} /> : null}
      <Form<LoginBody>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={submit}
        onValuesChange={() => {
          if (logIn.error) logIn.reset();
        }}
        disabled={logIn.isPending}
      >
        <Form.Item label={t('login.login')} name="login" rules={[{ required: true, whitespace: true, message: t('login.loginRequired') }]}>
          <Input
            id="login"
            name="login"
            size="large"
            autoComplete="username"
            autoFocus
            prefix={<UserOutlined />}
            placeholder={t('login.loginPlaceholder')}
          />
        </Form.Item>
        <Form.Item label={t('login.password')} name="password" rules={[{ required: true, message: t('login.passwordRequired') }]}>
          <Input.Password id="password" name="password" size="large" autoComplete="current-password" prefix={<LockOutlined />} />
        </Form.Item>
        {logIn.error ? <Alert type="error" showIcon role="alert" title={describeError(logIn.error)} style={{ marginBottom: 16 }} /> : null}
        <Button type="primary" htmlType="submit" size="large" block loading={logIn.isPending}>
          {t('login.submit')}
        </Button>
      </Form>
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, fontSize: 13 }}>
        {t('login.help')}
      </Typography.Paragraph>
    </>
  );
}
