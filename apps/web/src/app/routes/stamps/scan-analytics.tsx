import { SCAN_ANALYTICS_TOP, type ScanAnalyticsView } from '@ocop/contracts/stamp-scans';
import { Card, Col, DatePicker, Flex, Row, Select, Table, type TableColumnsType, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { PageHeader } from '../../../components/ui/page-header';
import { PageLoading } from '../../../components/ui/page-loading';
import { useScanAnalytics } from '../../../features/stamps/api/scan-analytics';
import { BarList, DayChart } from '../../../features/stamps/components/charts';
import { FakeReportList } from '../../../features/stamps/components/fake-report-list';
import { type StampTranslate, useStampTexts } from '../../../features/stamps/stamp-texts';
import { DATE_FORMAT, formatDateTime, formatIsoDate } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { selectOptionMatches } from '../../../lib/search';
import { useMediaQuery } from '../../../lib/use-media-query';
import { useUrlFilters } from '../../../lib/use-url-filters';
import { PHONE_QUERY } from '../../registry-filters';
import { useLotProductChoices } from '../lots/lot-choices';

const KEYS = ['from', 'to', 'productId', 'lotId'] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

type Suspicious = ScanAnalyticsView['suspicious'][number];

function Totals({ view, t, number }: { view: ScanAnalyticsView; t: StampTranslate; number: (n: number) => string }) {
  const totals = [
    { key: 'scans', label: t('scans.totals.scans'), value: view.totals.scans, colour: '#15803d' },
    { key: 'stamps', label: t('scans.totals.stamps'), value: view.totals.stamps, colour: '#1d4ed8' },
    { key: 'suspicious', label: t('scans.totals.suspicious'), value: view.totals.suspicious, colour: '#b45309' },
    { key: 'reports', label: t('scans.totals.reports'), value: view.totals.reports, colour: '#b91c1c' },
  ];
  return (
    <Row gutter={[12, 12]}>
      {totals.map((total) => (
        <Col xs={12} md={6} key={total.key}>
          <Card size="small" data-testid={`scan-total-${total.key}`}>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {total.label}
            </Typography.Text>
            <div style={{ fontSize: 26, fontWeight: 600, color: total.colour }}>{number(total.value)}</div>
          </Card>
        </Col>
      ))}
    </Row>
  );
}

function SuspiciousTable({ rows, t, number }: { rows: Suspicious[]; t: StampTranslate; number: (n: number) => string }) {
  const wide = useMediaQuery('(min-width: 768px)');
  const serial = (row: Suspicious) => <span style={{ fontFamily: 'monospace', overflowWrap: 'anywhere' }}>{row.serial}</span>;
  const columns: TableColumnsType<Suspicious> = wide
    ? [
        { title: t('scans.col.serial'), key: 'serial', render: (_, row) => serial(row) },
        { title: t('scans.col.product'), dataIndex: 'productName' },
        { title: t('scans.col.lot'), key: 'lot', render: (_, row) => row.lotCode ?? '—' },
        { title: t('scans.col.scans'), key: 'scans', align: 'right', render: (_, row) => number(row.scans) },
        { title: t('scans.col.reason'), key: 'reason', render: (_, row) => t(`scans.reason.${row.reason}`) },
        { title: t('scans.col.markedAt'), key: 'markedAt', render: (_, row) => formatDateTime(row.markedAt) },
      ]
    : [
        {
          key: 'card',
          render: (_, row) => (
            <Flex vertical gap={2} style={{ minWidth: 0 }}>
              {serial(row)}
              <span>{[row.productName, row.lotCode].filter(Boolean).join(' · ')}</span>
              <span style={{ color: '#b45309' }}>
                {t(`scans.reason.${row.reason}`)} · {number(row.scans)} {t('scans.totals.scans').toLowerCase()}
              </span>
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {formatDateTime(row.markedAt)}
              </Typography.Text>
            </Flex>
          ),
        },
      ];
  return (
    <Table<Suspicious>
      rowKey="serial"
      size="small"
      columns={columns}
      dataSource={rows}
      showHeader={wide}
      pagination={false}
      onRow={() => ({ 'data-testid': 'suspicious-row' }) as React.HTMLAttributes<HTMLElement>}
      locale={{ emptyText: t('scans.suspiciousNone') }}
    />
  );
}

function Charts({ view, t, number }: { view: ScanAnalyticsView; t: StampTranslate; number: (n: number) => string }) {
  // On a phone the card's title needs the whole width; the bound is said once, under the charts.
  const wide = useMediaQuery('(min-width: 768px)');
  const shortDay = (day: string) => dayjs(day).format('DD/MM');
  const max = Math.max(0, ...view.byDay.map((point) => point.scans));
  const top = t('scans.top', { top: SCAN_ANALYTICS_TOP });
  const ranking = (title: string, rows: Parameters<typeof BarList>[0]['rows'], colour?: string) => (
    <Col xs={24} lg={12}>
      <Card title={title} size="small" extra={wide ? <Typography.Text type="secondary">{top}</Typography.Text> : null}>
        <BarList rows={rows} label={title} formatValue={number} empty={t('scans.none')} colour={colour} />
      </Card>
    </Col>
  );
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24}>
        <Card title={t('scans.byDay')} size="small">
          <DayChart
            points={view.byDay.map((point) => ({ day: point.day, value: point.scans }))}
            label={t('scans.byDayLabel', {
              from: formatIsoDate(view.from),
              to: formatIsoDate(view.to),
              total: number(view.totals.scans),
              max: number(max),
            })}
            formatDay={shortDay}
            formatValue={number}
            tooltip={(point) => t('scans.dayTooltip', { day: formatIsoDate(point.day), scans: number(point.value) })}
          />
        </Card>
      </Col>
      {ranking(
        t('scans.byProduct'),
        view.byProduct.map((row) => ({ key: row.productId, label: row.productName, value: row.scans })),
      )}
      {ranking(
        t('scans.byLot'),
        view.byLot.map((row) => ({
          key: row.lotId,
          label: <span style={{ fontFamily: 'monospace' }}>{row.lotCode}</span>,
          sub: row.productName,
          value: row.scans,
        })),
        '#1d4ed8',
      )}
      {ranking(
        t('scans.byCommune'),
        view.byCommune.map((row) => ({ key: row.communeCode, label: row.communeName, value: row.scans })),
        '#7c3aed',
      )}
      {ranking(
        t('scans.byAgent'),
        view.byAgent.map((row) => ({ key: row.agentClass, label: t(`scans.agent.${row.agentClass}`), value: row.scans })),
        '#0e7490',
      )}
    </Row>
  );
}

/**
 * "Thống kê quét tem": the scans of the reader's stamps (a producer's own, a commune's producers,
 * the province's) in a period, as charts (per day; per product, lot, commune and app), the
 * suspicious serials, and the fake reports. The period and product are in the address.
 */
export function ScanAnalyticsPage() {
  const t = useStampTexts();
  const { language } = useI18n();
  const phone = useMediaQuery(PHONE_QUERY);
  const [params, setParams] = useUrlFilters(KEYS);
  const [productSearch, setProductSearch] = useState('');
  const products = useLotProductChoices(productSearch);
  const query = {
    from: params.from && ISO_DATE.test(params.from) ? params.from : undefined,
    to: params.to && ISO_DATE.test(params.to) ? params.to : undefined,
    productId: params.productId && UUID.test(params.productId) ? params.productId : undefined,
    lotId: params.lotId && UUID.test(params.lotId) ? params.lotId : undefined,
  };
  const analytics = useScanAnalytics(query);
  const number = (n: number) => n.toLocaleString(language === 'vi' ? 'vi-VN' : 'en-GB');
  const view = analytics.data;
  const shown: [Dayjs, Dayjs] | null = view ? [dayjs(view.from), dayjs(view.to)] : null;

  return (
    <>
      <PageHeader title={t('scans.title')} description={t('scans.intro')} />
      <Flex gap={8} wrap style={{ marginBottom: 16 }}>
        <DatePicker.RangePicker
          value={shown}
          format={DATE_FORMAT}
          allowClear={false}
          aria-label={t('scans.period')}
          onChange={(range) => {
            const [from, to] = range ?? [];
            if (from && to) setParams({ from: from.format('YYYY-MM-DD'), to: to.format('YYYY-MM-DD') });
          }}
          style={{ flex: phone ? '1 1 100%' : '0 0 auto' }}
          data-testid="scan-period"
        />
        <Select<string>
          allowClear
          value={query.productId}
          placeholder={t('scans.allProducts')}
          aria-label={t('scans.product')}
          showSearch={products.serverSearch ? { filterOption: false, onSearch: setProductSearch } : { filterOption: selectOptionMatches }}
          options={products.options}
          loading={products.loading}
          onChange={(productId) => setParams({ productId: productId ?? null, lotId: null })}
          popupMatchSelectWidth={false}
          style={{ flex: '1 1 240px', minWidth: 0, maxWidth: phone ? undefined : 360 }}
        />
      </Flex>
      {analytics.isError ? (
        <div style={{ marginBottom: 16 }}>
          <ErrorAlert error={analytics.error} />
        </div>
      ) : null}
      {analytics.isPending ? <PageLoading /> : null}
      {view ? (
        <Flex vertical gap={16} data-testid="scan-analytics">
          <Typography.Text type="secondary">
            {t('scans.periodShown', { from: formatIsoDate(view.from), to: formatIsoDate(view.to) })}
          </Typography.Text>
          <Totals view={view} t={t} number={number} />
          <Charts view={view} t={t} number={number} />
          <Card title={t('scans.suspicious')} size="small">
            <Typography.Paragraph type="secondary">{t('scans.suspiciousIntro')}</Typography.Paragraph>
            <SuspiciousTable rows={view.suspicious} t={t} number={number} />
          </Card>
          <Card title={t('scans.reports')} size="small">
            <Typography.Paragraph type="secondary">{t('scans.reportsIntro')}</Typography.Paragraph>
            <FakeReportList productId={query.productId} />
          </Card>
        </Flex>
      ) : null}
    </>
  );
}
