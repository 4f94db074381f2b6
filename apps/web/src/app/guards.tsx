import { Button, Result } from 'antd';
import type { UserView } from '@ocop/contracts/identity';
import type { ReactNode } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import { ErrorAlert } from '../components/ui/error-alert';
import { PageLoading } from '../components/ui/page-loading';
import { canAdministerUsers, useMe } from '../lib/auth';
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

/** The page a user reaches without the role it needs (the server would refuse its calls anyway). */
export function ForbiddenResult({ text }: { text?: string }) {
  const { t } = useI18n();
  return (
    <Result
      status="403"
      title={t('forbidden.title')}
      subTitle={text ?? t('forbidden.textRole')}
      extra={
        <Link to="/">
          <Button type="primary">{t('error.goHome')}</Button>
        </Link>
      }
    />
  );
}

/** Pages for province and system administrators only. */
export function RequireAdministrator({ children }: { children: ReactNode }) {
  const me = useMe();
  const { t } = useI18n();
  if (!me.data || !canAdministerUsers(me.data.user)) return <ForbiddenResult text={t('forbidden.text')} />;
  return children;
}

/** Pages for the roles `allows` accepts (e.g. registry readers, importers). */
export function RequireRole({ allows, children }: { allows: (user: Pick<UserView, 'roles'>) => boolean; children: ReactNode }) {
  const me = useMe();
  if (!me.data || !allows(me.data.user)) return <ForbiddenResult />;
  return children;
}
