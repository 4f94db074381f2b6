import type { ProductStatus } from '@ocop/domain/registry';
import { Tag } from 'antd';
import { useI18n } from '../../../lib/i18n';
import { PRODUCT_STATUS_COLORS, PRODUCT_STATUS_KEYS } from '../../../lib/registry';

export function ProductStatusTag({ status }: { status: ProductStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={PRODUCT_STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }}>
      {t(PRODUCT_STATUS_KEYS[status])}
    </Tag>
  );
}
