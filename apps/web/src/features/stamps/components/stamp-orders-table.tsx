import type { StampOrderPage, StampOrderView } from '@ocop/contracts/stamps';
import { Flex, Table, type TableColumnsType, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { Link, useNavigate } from 'react-router';
import { formatDateTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { useMediaQuery } from '../../../lib/use-media-query';
import { useStampTexts } from '../stamp-texts';
import { IssuingProgress, StampOrderStateTag } from './stamp-order-state';

export const stampOrderPagePath = (orderId: string) => `/stamps/${orderId}`;

/** Stamp orders a page at a time, each with its state and issuing progress; a row opens the order. On a phone each row is a card. */
export function StampOrdersTable({
  page,
  loading,
  productName,
  onPageChange,
}: {
  page: StampOrderPage | undefined;
  loading: boolean;
  productName: (productId: string) => string | undefined;
  onPageChange: (page: number, pageSize: number) => void;
}) {
  const t = useStampTexts();
  const { language } = useI18n();
  const navigate = useNavigate();
  const wide = useMediaQuery('(min-width: 768px)');
  const number = (n: number) => n.toLocaleString(language === 'vi' ? 'vi-VN' : 'en-GB');
  const lotOf = (order: StampOrderView) =>
    order.lotCode ? <span style={{ fontFamily: 'monospace', overflowWrap: 'anywhere' }}>{order.lotCode}</span> : t('stamps.noLot');
  const open = (order: StampOrderView) => (
    <Link to={stampOrderPagePath(order.id)} onClick={(event) => event.stopPropagation()} style={{ fontWeight: 600 }}>
      {t('stamps.count', { count: number(order.quantity) })}
    </Link>
  );

  const columns: TableColumnsType<StampOrderView> = wide
    ? [
        { title: t('stamps.col.createdAt'), key: 'createdAt', width: 150, render: (_, order) => formatDateTime(order.createdAt) },
        { title: t('stamps.col.product'), key: 'product', render: (_, order) => productName(order.productId) ?? '…' },
        { title: t('stamps.col.lot'), key: 'lot', width: 150, render: (_, order) => lotOf(order) },
        { title: t('stamps.col.quantity'), key: 'quantity', width: 130, align: 'right', render: (_, order) => open(order) },
        { title: t('stamps.col.state'), key: 'state', width: 140, render: (_, order) => <StampOrderStateTag order={order} t={t} /> },
        {
          title: t('stamps.col.progress'),
          key: 'progress',
          width: 180,
          render: (_, order) => <IssuingProgress order={order} t={t} size="small" />,
        },
        {
          title: t('stamps.col.activated'),
          key: 'activated',
          width: 120,
          align: 'right',
          render: (_, order) => number(order.activatedCount),
        },
      ]
    : [
        {
          key: 'card',
          render: (_, order) => (
            <Flex vertical gap={4} style={{ minWidth: 0 }}>
              <Flex justify="space-between" gap={8} wrap>
                {open(order)}
                <StampOrderStateTag order={order} t={t} />
              </Flex>
              <span>
                {productName(order.productId) ?? '…'} · {lotOf(order)}
              </span>
              {order.state === 'issuing' ? <IssuingProgress order={order} t={t} size="small" /> : null}
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {formatDateTime(order.createdAt)} · {t('stamps.col.activated')}: {number(order.activatedCount)}
              </Typography.Text>
            </Flex>
          ),
        },
      ];

  return (
    <Table<StampOrderView>
      rowKey="id"
      size="middle"
      loading={loading}
      columns={columns}
      dataSource={page?.items ?? []}
      showHeader={wide}
      rowClassName="ocop-clickable-row"
      onRow={(order) =>
        ({ 'data-testid': 'stamp-order-row', onClick: () => void navigate(stampOrderPagePath(order.id)) }) as HTMLAttributes<HTMLElement>
      }
      locale={{ emptyText: t('stamps.empty') }}
      pagination={{
        current: page?.page ?? 1,
        pageSize: page?.pageSize ?? 20,
        total: page?.total ?? 0,
        showSizeChanger: wide,
        pageSizeOptions: [10, 20, 50, 100],
        showTotal: (total) => t('common.total', { total }),
        onChange: onPageChange,
        hideOnSinglePage: !wide,
      }}
    />
  );
}
