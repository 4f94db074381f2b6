import { Button, Result, Typography } from 'antd';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { isApiError } from '../lib/api-client';
import { useI18n } from '../lib/i18n';

/**
 * The `errorElement` of every route: a page that throws while rendering shows this instead of a
 * blank screen, and the layout around it (header, menu) keeps working.
 */
export function RouteErrorPage() {
  const error = useRouteError();
  const { t, describeError } = useI18n();

  if (isRouteErrorResponse(error) && error.status === 404) {
    return (
      <Result
        status="404"
        title={t('notFound.title')}
        subTitle={t('notFound.text')}
        extra={
          <Link to="/">
            <Button type="primary">{t('error.goHome')}</Button>
          </Link>
        }
      />
    );
  }

  const detail = isApiError(error) ? describeError(error) : error instanceof Error ? error.message : null;
  return (
    <Result
      status="error"
      title={t('error.pageCrashed')}
      subTitle={t('error.pageCrashedHint')}
      extra={[
        <Button key="reload" type="primary" onClick={() => window.location.reload()}>
          {t('error.reload')}
        </Button>,
        <Link key="home" to="/">
          <Button>{t('error.goHome')}</Button>
        </Link>,
      ]}
    >
      {detail ? (
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center', margin: 0 }}>
          <Typography.Text code>{detail}</Typography.Text>
        </Typography.Paragraph>
      ) : null}
    </Result>
  );
}
