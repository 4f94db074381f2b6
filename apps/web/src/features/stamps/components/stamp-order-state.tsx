import type { StampOrderView } from '@ocop/contracts/stamps';
import { Progress, Tag } from 'antd';
import type { StampTranslate } from '../stamp-texts';

const STATE_COLOURS: Record<StampOrderView['state'], string> = { issuing: 'processing', issued: 'green', failed: 'red' };

export function StampOrderStateTag({ order, t }: { order: StampOrderView; t: StampTranslate }) {
  return (
    <Tag color={STATE_COLOURS[order.state]} data-testid="stamp-order-state" data-state={order.state}>
      {t(`stamps.state.${order.state}`)}
    </Tag>
  );
}

/** Issued so far over ordered: whole percent, never 100 % before the last stamp exists. */
export function issuedPercent(order: Pick<StampOrderView, 'issuedCount' | 'quantity'>): number {
  if (order.quantity <= 0) return 0;
  const percent = Math.floor((order.issuedCount / order.quantity) * 100);
  return order.issuedCount < order.quantity ? Math.min(percent, 99) : 100;
}

export function IssuingProgress({ order, t, size }: { order: StampOrderView; t: StampTranslate; size?: 'small' }) {
  return (
    <Progress
      percent={issuedPercent(order)}
      status={order.state === 'failed' ? 'exception' : order.state === 'issuing' ? 'active' : 'success'}
      size={size}
      aria-label={t('stampOrder.progressText', { issued: order.issuedCount, quantity: order.quantity })}
    />
  );
}

/** Stamps of an issued order that are neither activated nor void. */
export const notActivatedCount = (order: Pick<StampOrderView, 'issuedCount' | 'activatedCount' | 'voidCount'>) =>
  Math.max(0, order.issuedCount - order.activatedCount - order.voidCount);
