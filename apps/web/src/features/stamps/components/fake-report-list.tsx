import type { FakeReportView } from '@ocop/contracts/stamp-scans';
import { List, Typography } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { formatDateTime } from '../../../lib/format';
import { useFakeReports } from '../api/scan-analytics';
import { useStampTexts } from '../stamp-texts';

const PAGE_SIZE = 10;

/**
 * The fake reports buyers sent from scan pages, newest first, as an inbox: what they wrote is
 * shown as text (React escapes it), never as markup.
 */
export function FakeReportList({ productId }: { productId?: string }) {
  const t = useStampTexts();
  const [page, setPage] = useState(1);
  const reports = useFakeReports(page, PAGE_SIZE, productId);
  if (reports.isError) return <ErrorAlert error={reports.error} />;
  return (
    <List<FakeReportView>
      loading={reports.isPending}
      dataSource={reports.data?.items ?? []}
      locale={{ emptyText: t('scans.reportsNone') }}
      pagination={
        (reports.data?.total ?? 0) > PAGE_SIZE
          ? { current: page, pageSize: PAGE_SIZE, total: reports.data?.total ?? 0, onChange: setPage, size: 'small' }
          : false
      }
      renderItem={(report) => (
        <List.Item key={report.id} data-testid="fake-report">
          <div style={{ minWidth: 0, width: '100%' }}>
            <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, flexWrap: 'wrap' }}>
              <strong style={{ fontFamily: 'monospace', overflowWrap: 'anywhere' }}>{report.serial}</strong>
              <Typography.Text type="secondary">{formatDateTime(report.reportedAt)}</Typography.Text>
            </div>
            <div>{[report.productName, report.lotCode].filter(Boolean).join(' · ')}</div>
            <p style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: '4px 0' }}>{report.message}</p>
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {[
                report.contact ? t('scans.report.contact', { contact: report.contact }) : t('scans.report.noContact'),
                report.place ? t('scans.report.place', { place: report.place }) : null,
                t(`scans.agent.${report.agentClass}`),
              ]
                .filter(Boolean)
                .join(' · ')}
            </Typography.Text>
          </div>
        </List.Item>
      )}
    />
  );
}
