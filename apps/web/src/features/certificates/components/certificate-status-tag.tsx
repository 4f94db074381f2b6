import { CERTIFICATE_STATUS_LABELS, type CertificateView } from '@ocop/contracts/certification';
import type { CertificateStatus } from '@ocop/domain/certification';
import { Tag } from 'antd';
import { useI18n } from '../../../lib/i18n';

/**
 * One colour per meaning: green while the mark may be shown as usual, amber when it soon may not
 * (or only until the re-evaluation result), red once it may not, grey when a newer one replaced it.
 */
export const CERTIFICATE_STATUS_COLORS: Record<CertificateStatus, 'green' | 'gold' | 'red' | 'default'> = {
  valid: 'green',
  in_re_evaluation: 'green',
  expiring: 'gold',
  extended: 'gold',
  expired: 'red',
  revoked: 'red',
  superseded: 'default',
};

/** The statuses whose days left are worth saying next to the label. */
const COUNTING: readonly CertificateStatus[] = ['expiring', 'extended'];

/** A certificate's status, coloured, with "còn N ngày" while it is expiring. */
export function CertificateStatusTag({ status, daysLeft = null }: { status: CertificateStatus; daysLeft?: number | null }) {
  const { t, language } = useI18n();
  const days =
    daysLeft !== null && COUNTING.includes(status)
      ? daysLeft === 0
        ? t('certificates.lastDay')
        : t('certificates.daysLeft', { days: daysLeft })
      : null;
  return (
    <Tag color={CERTIFICATE_STATUS_COLORS[status]} data-testid="certificate-status" data-status={status} style={{ whiteSpace: 'normal' }}>
      {CERTIFICATE_STATUS_LABELS[status][language]}
      {days ? ` · ${days}` : ''}
    </Tag>
  );
}

/** "★★★★" with its number for screen readers. */
export function Stars({ stars }: { stars: number }) {
  const { t } = useI18n();
  return (
    <span
      role="img"
      aria-label={t('certificates.starsLabel', { stars })}
      title={t('certificates.starsLabel', { stars })}
      style={{ color: '#d97706', whiteSpace: 'nowrap' }}
    >
      {'★'.repeat(stars)}
    </span>
  );
}

/** What the list calls "valid until": the last day the mark may be shown, else the printed expiry. */
export const validUntilOf = (view: Pick<CertificateView, 'validUntil' | 'expiresOn'>) => view.validUntil ?? view.expiresOn;
