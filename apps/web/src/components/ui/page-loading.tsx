import { useI18n } from '../../lib/i18n';

/**
 * What shows while a page's code or data arrives. A CSS ring rather than antd's Spin: it is the
 * fallback of every lazy route, so it is part of the first load.
 */
export function PageLoading({ fullScreen = false }: { fullScreen?: boolean }) {
  const { t } = useI18n();
  return (
    <div className="ocop-loading" role="status" aria-live="polite" style={{ minHeight: fullScreen ? '100vh' : 240 }}>
      <span className="ocop-loading-ring" aria-hidden="true" />
      <span>{t('common.loading')}</span>
    </div>
  );
}
