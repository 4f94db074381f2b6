import { errorMessage } from '@ocop/contracts/errors';
import { normalizeLogin, normalizePhone } from '@ocop/domain/identity';
import { Col, Form, Input, Row } from 'antd';
import { useI18n } from '../../../lib/i18n';

// Client-side checks use the same rules (@ocop/domain) and texts (@ocop/contracts) as the server.

export function isValidEmail(value: string): boolean {
  if (!value.includes('@')) return false;
  try {
    normalizeLogin(value);
    return true;
  } catch {
    return false;
  }
}

export function isValidPhone(value: string): boolean {
  try {
    normalizePhone(value);
    return true;
  } catch {
    return false;
  }
}

/** Which contact field a server error belongs to (the login taken is the one typed, email first). */
export function contactFieldForError(code: string, values: { email?: string; phone?: string }): 'email' | 'phone' | null {
  if (code === 'user.invalid_phone') return 'phone';
  if (code === 'user.invalid_email' || code === 'user.login_required') return 'email';
  if (code === 'user.login_taken') return values.email?.trim() || !values.phone?.trim() ? 'email' : 'phone';
  return null;
}

/** Full name, email and phone, as created and as corrected: one of email or phone is the login. */
export function UserContactFields() {
  const { t, language } = useI18n();
  return (
    <>
      <Form.Item
        name="fullName"
        label={t('users.field.fullName')}
        rules={[{ required: true, whitespace: true, message: t('users.field.fullNameRequired') }, { max: 200 }]}
      >
        <Input autoComplete="off" />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item
            name="email"
            label={t('users.field.email')}
            dependencies={['phone']}
            rules={[
              ({ getFieldValue }) => ({
                validator: async (_, value: string | undefined) => {
                  const email = value?.trim() ?? '';
                  const phone = (getFieldValue('phone') as string | undefined)?.trim() ?? '';
                  if (!email && !phone) throw new Error(errorMessage('user.login_required', language));
                  if (email && !isValidEmail(email)) throw new Error(errorMessage('user.invalid_email', language));
                },
              }),
            ]}
          >
            <Input type="email" inputMode="email" autoComplete="off" placeholder="ten@sonla.gov.vn" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item
            name="phone"
            label={t('users.field.phone')}
            rules={[
              {
                validator: async (_, value: string | undefined) => {
                  const phone = value?.trim() ?? '';
                  if (phone && !isValidPhone(phone)) throw new Error(errorMessage('user.invalid_phone', language));
                },
              },
            ]}
          >
            <Input inputMode="tel" autoComplete="off" placeholder="0912 345 678" />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
