import type { ReactNode } from 'react';
import { isApiError } from '../../lib/api-client';
import { useI18n } from '../../lib/i18n';
import { LazyAlert as Alert } from './lazy-alert';

/** A failed request in the user's language, with the request id support staff ask for. */
export function ErrorAlert({ error, action, title }: { error: unknown; action?: ReactNode; title?: ReactNode }) {
  const { t, describeError } = useI18n();
  const requestId = isApiError(error) ? error.requestId : undefined;
  const text = describeError(error);
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={title ?? text}
      description={
        title || requestId ? (
          <>
            {title ? <div>{text}</div> : null}
            {requestId ? <div style={{ fontSize: 12, opacity: 0.75 }}>{t('error.requestId', { id: requestId })}</div> : null}
          </>
        ) : undefined
      }
      action={action}
    />
  );
}
