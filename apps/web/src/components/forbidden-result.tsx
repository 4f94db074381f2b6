import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../lib/i18n';

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
