import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { AuthLayout } from '../../components/layouts/auth-layout';
import { LoginForm } from '../../features/auth/components/login-form';
import { takeSessionEndReason } from '../../lib/auth';
import { useErrorMessage } from '../../lib/error-texts';
import { useI18n } from '../../lib/i18n';
import type { LoginRedirectState } from '../guards';

export function LoginPage() {
  const { language } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const [endReason] = useState(takeSessionEndReason);
  const notice = useErrorMessage(endReason, language);
  const from = (location.state as LoginRedirectState | null)?.from;

  return (
    <AuthLayout>
      <LoginForm notice={notice} onLoggedIn={() => void navigate(from?.startsWith('/') ? from : '/', { replace: true })} />
    </AuthLayout>
  );
}
