import type { ProducerStatus, ProducerType } from '@ocop/domain/registry';
import { Tag } from 'antd';
import { useI18n } from '../../../lib/i18n';
import { PRODUCER_STATUS_COLORS, PRODUCER_STATUS_KEYS, PRODUCER_TYPE_KEYS } from '../../../lib/registry';

const TYPE_COLORS: Record<ProducerType, string> = {
  enterprise: 'geekblue',
  cooperative: 'cyan',
  cooperative_group: 'gold',
  household_business: 'lime',
};

export function ProducerTypeTag({ type }: { type: ProducerType }) {
  const { t } = useI18n();
  return (
    <Tag color={TYPE_COLORS[type]} style={{ marginInlineEnd: 0 }}>
      {t(PRODUCER_TYPE_KEYS[type])}
    </Tag>
  );
}

export function ProducerStatusTag({ status }: { status: ProducerStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={PRODUCER_STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }}>
      {t(PRODUCER_STATUS_KEYS[status])}
    </Tag>
  );
}
