import { Button } from 'antd';
import { type Capability, can } from '@ocop/domain/shared';
import { lazy, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ErrorAlert } from '../components/ui/error-alert';
import { PageLoading } from '../components/ui/page-loading';
import { useMe } from '../lib/auth';
import { useI18n } from '../lib/i18n';

export const CHANGE_PASSWORD_PATH = '/change-password';

export type LoginRedirectState = { from?: string };

/**
 * Lets only a logged-in user through. A user who must change their password is held on that
 * page: every other API call would answer 403 `auth.password_change_required` anyway.
 */
export function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  const { t } = useI18n();

  if (me.isPending) return <PageLoading fullScreen />;
  if (me.isError) {
    return (
      <div style={{ maxWidth: 560, margin: '80px auto', padding: 16 }}>
        <ErrorAlert
          error={me.error}
          action={
            <Button size="small" onClick={() => void me.refetch()}>
              {t('common.retry')}
            </Button>
          }
        />
      </div>
    );
  }
  if (!me.data) {
    const from = `${location.pathname}${location.search}`;
    const state: LoginRedirectState = { from: from === '/' ? undefined : from };
    return <Navigate to="/login" replace state={state} />;
  }
  if (me.data.user.mustChangePassword && location.pathname !== CHANGE_PASSWORD_PATH) {
    return <Navigate to={CHANGE_PASSWORD_PATH} replace />;
  }
  return children;
}

/** The login page is for visitors; a logged-in user goes where they were heading. */
export function RedirectIfLoggedIn({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <PageLoading fullScreen />;
  if (me.data) {
    const from = (location.state as LoginRedirectState | null)?.from;
    return <Navigate to={from?.startsWith('/') ? from : '/'} replace />;
  }
  return children;
}

// The 403 page is rare; its antd Result stays out of the first load.
const ForbiddenResult = lazy(() => import('../components/forbidden-result').then((m) => ({ default: m.ForbiddenResult })));

/**
 * Pages for the holders of a capability of the table in `@ocop/domain` (in any scope: the server
 * filters what they see). Administration pages say so in their refusal.
 */
export function RequireCapability({
  capability,
  administration = false,
  children,
}: {
  capability: Capability;
  administration?: boolean;
  children: ReactNode;
}) {
  const me = useMe();
  const { t } = useI18n();
  if (!me.data || !can(me.data.user.roles, capability))
    return <ForbiddenResult {...(administration ? { text: t('forbidden.text') } : {})} />;
  return children;
}
