import { documentExpiry } from '@ocop/domain/registry';
import { Tag } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../../lib/i18n';

/** Today on the user's calendar (yyyy-mm-dd), the day a validity is compared with. */
export function todayIso(): string {
  return dayjs().format('YYYY-MM-DD');
}

/**
 * "Expired" once a document's last valid day has passed, "expires soon" within 60 days; nothing
 * otherwise. `subject` says whose documents: one document's tag, or a producer's in a list.
 */
export function DocumentExpiryTag({ validTo, subject = 'document' }: { validTo: string | null; subject?: 'document' | 'producer' }) {
  const { t } = useI18n();
  const state = documentExpiry(validTo, todayIso());
  if (state === null) return null;
  const key =
    subject === 'producer'
      ? state === 'expired'
        ? 'documents.producerExpired'
        : 'documents.producerExpiring'
      : state === 'expired'
        ? 'documents.expired'
        : 'documents.expiringSoon';
  return (
    <Tag color={state === 'expired' ? 'red' : 'orange'} data-testid="document-expiry">
      {t(key)}
    </Tag>
  );
}
