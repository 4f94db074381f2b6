import { Alert, Card } from 'antd';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../components/ui/page-header';
import { ChangePasswordForm } from '../../features/auth/components/change-password-form';
import { useCurrentUser } from '../../lib/auth';
import { useI18n } from '../../lib/i18n';
import { useFeedback } from '../../components/feedback/feedback';

/** Reached from the user menu, and the only page a user sees while `mustChangePassword` is set. */
export function ChangePasswordPage() {
  const { t } = useI18n();
  const { user } = useCurrentUser();
  const { message } = useFeedback();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader title={t('password.title')} />
      <Card style={{ maxWidth: 560 }}>
        {user.mustChangePassword ? <Alert type="warning" showIcon title={t('password.forcedNotice')} style={{ marginBottom: 20 }} /> : null}
        <ChangePasswordForm
          onChanged={() => {
            void message.success(t('password.changed'));
            void navigate('/', { replace: true });
          }}
        />
      </Card>
    </>
  );
}
