import { Button, Result, Typography } from 'antd';
import { Link } from 'react-router';
import { isApiError } from '../lib/api-client';
import { useI18n } from '../lib/i18n';

/** What a route that failed to render shows, with a way to reload and a way home. */
export function RouteErrorPage({ error }: { error: unknown }) {
  const { t, describeError } = useI18n();

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
