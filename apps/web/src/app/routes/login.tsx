import { errorMessage } from '@ocop/contracts/errors';
import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { AuthLayout } from '../../components/layouts/auth-layout';
import { LoginForm } from '../../features/auth/components/login-form';
import { takeSessionEndReason } from '../../lib/auth';
import { useI18n } from '../../lib/i18n';
import type { LoginRedirectState } from '../guards';

export function LoginPage() {
  const { language } = useI18n();
  const navigate = useNavigate();
  const location = useLocation();
  const [endReason] = useState(takeSessionEndReason);
  const from = (location.state as LoginRedirectState | null)?.from;

  return (
    <AuthLayout>
      <LoginForm
        notice={endReason ? errorMessage(endReason, language) : null}
        onLoggedIn={() => void navigate(from?.startsWith('/') ? from : '/', { replace: true })}
      />
    </AuthLayout>
  );
}
