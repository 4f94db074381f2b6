import type { LotPage, LotView } from '@ocop/contracts/traceability';
import { LOT_UNITS } from '@ocop/domain/traceability';
import { Flex, Table, type TableColumnsType, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { Link, useNavigate } from 'react-router';
import { formatIsoDate } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { useMediaQuery } from '../../../lib/use-media-query';
import { useTraceabilityTexts } from '../traceability-texts';

export const lotDetailPath = (lotId: string) => `/lots/${lotId}`;

/** "12,5 kg" in Vietnamese, "12.5 kg" in English. */
export function useFormatQuantity() {
  const { language } = useI18n();
  return (quantity: number, unit: LotView['unit']) =>
    `${quantity.toLocaleString(language === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 3 })} ${LOT_UNITS[unit][language]}`;
}

function LotCodeLink({ lot }: { lot: LotView }) {
  return (
    <Link
      to={lotDetailPath(lot.id)}
      onClick={(event) => event.stopPropagation()}
      style={{ fontWeight: 600, fontFamily: 'monospace', overflowWrap: 'anywhere' }}
    >
      {lot.lotCode}
    </Link>
  );
}

const endDateOf = (lot: LotView) => lot.expiresOn ?? lot.bestBefore;

/** Lots a page at a time, a row opens the lot; on a phone each row is a card. */
export function LotsTable({
  page,
  loading,
  productName,
  onPageChange,
}: {
  page: LotPage | undefined;
  loading: boolean;
  productName: (productId: string) => string | undefined;
  onPageChange: (page: number, pageSize: number) => void;
}) {
  const t = useTraceabilityTexts();
  const navigate = useNavigate();
  const quantity = useFormatQuantity();
  const wide = useMediaQuery('(min-width: 768px)');
  const columns: TableColumnsType<LotView> = wide
    ? [
        { title: t('lots.col.lotCode'), key: 'lotCode', width: 180, render: (_, lot) => <LotCodeLink lot={lot} /> },
        { title: t('lots.col.product'), key: 'product', render: (_, lot) => productName(lot.productId) ?? '…' },
        { title: t('lots.col.producedOn'), key: 'producedOn', width: 130, render: (_, lot) => formatIsoDate(lot.producedOn) },
        {
          title: t('lots.col.endDate'),
          key: 'endDate',
          width: 130,
          render: (_, lot) => {
            const end = endDateOf(lot);
            return end ? formatIsoDate(end) : '—';
          },
        },
        {
          title: t('lots.col.quantity'),
          key: 'quantity',
          width: 140,
          align: 'right',
          render: (_, lot) => quantity(lot.quantity, lot.unit),
        },
      ]
    : [
        {
          title: t('lots.col.lotCode'),
          key: 'card',
          render: (_, lot) => (
            <Flex vertical gap={2} style={{ minWidth: 0 }}>
              <Flex justify="space-between" gap={8} wrap>
                <LotCodeLink lot={lot} />
                <span>{quantity(lot.quantity, lot.unit)}</span>
              </Flex>
              <span>{productName(lot.productId) ?? '…'}</span>
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {t('lots.col.producedOn')}: {formatIsoDate(lot.producedOn)}
              </Typography.Text>
            </Flex>
          ),
        },
      ];

  return (
    <Table<LotView>
      rowKey="id"
      size="middle"
      loading={loading}
      columns={columns}
      dataSource={page?.items ?? []}
      showHeader={wide}
      rowClassName="ocop-clickable-row"
      onRow={(lot) => ({ 'data-testid': 'lot-row', onClick: () => void navigate(lotDetailPath(lot.id)) }) as HTMLAttributes<HTMLElement>}
      locale={{ emptyText: t('lots.empty') }}
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
