import { LockOutlined, UserOutlined } from '@ant-design/icons';
import type { LoginBody } from '@ocop/contracts/identity';
import { Button, Form, theme } from 'antd';
// The two fields by their own modules: antd's `Input` carries TextArea, Search and OTP with it.
import Input from 'antd/es/input/Input';
import Password from 'antd/es/input/Password';
import { LazyAlert as Alert } from '../../../components/ui/lazy-alert';
import { useLogIn } from '../../../lib/auth';
import { useI18n } from '../../../lib/i18n';

/** Email-or-phone and password; errors (wrong password, throttled, disabled) in an Alert above the button. */
export function LoginForm({ onLoggedIn, notice }: { onLoggedIn: () => void; notice?: string | null }) {
  const { t, describeError } = useI18n();
  const logIn = useLogIn();
  const [form] = Form.useForm<LoginBody>();
  const { token } = theme.useToken();

  const submit = (values: LoginBody) => {
    logIn.mutate({ login: values.login.trim(), password: values.password }, { onSuccess: onLoggedIn });
  };

  return (
    <>
      {/* Plain headings rather than antd's Typography, which would add its tooltip code to the first load. */}
      <h3 style={{ marginTop: 0, marginBottom: 8, fontSize: 24, lineHeight: 1.35, fontWeight: 600, color: token.colorTextHeading }}>
        {t('login.title')}
      </h3>
      <p style={{ color: token.colorTextSecondary, marginTop: 0, marginBottom: 16 }}>{t('login.subtitle')}</p>
      {notice && !logIn.error ? <Alert type="info" showIcon title={notice} style={{ marginBottom: 16 }} /> : null}
      <Form<LoginBody>
        noValidate
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
          <Password id="password" name="password" size="large" autoComplete="current-password" prefix={<LockOutlined />} />
        </Form.Item>
        {logIn.error ? <Alert type="error" showIcon role="alert" title={describeError(logIn.error)} style={{ marginBottom: 16 }} /> : null}
        <Button type="primary" htmlType="submit" size="large" block loading={logIn.isPending}>
          {t('login.submit')}
        </Button>
      </Form>
      <p style={{ color: token.colorTextSecondary, marginTop: 16, marginBottom: 0, fontSize: 13 }}>{t('login.help')}</p>
    </>
  );
}
