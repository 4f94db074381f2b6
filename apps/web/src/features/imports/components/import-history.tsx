import type { ImportJobView } from '@ocop/contracts/registry-files';
import { Card, Flex, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { formatDateTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import type { MessageKey } from '../../../messages/vi';
import { useMediaQuery } from '../../../lib/use-media-query';
import { useImports } from '../api/list-imports';

const STATUS: Record<ImportJobView['status'], { key: MessageKey; color: string }> = {
  queued: { key: 'imports.status.queued', color: 'default' },
  running: { key: 'imports.status.running', color: 'processing' },
  completed: { key: 'imports.status.completed', color: 'green' },
  rejected: { key: 'imports.status.rejected', color: 'orange' },
  failed: { key: 'imports.status.failed', color: 'red' },
};

/** Where to see what an import wrote: the records it created or updated, and its entry in the audit log. */
function ImportLinks({ job }: { job: ImportJobView }) {
  const { t } = useI18n();
  const summary = job.summary;
  const wrote = job.mode === 'commit' && job.status === 'completed' && summary !== null && summary.created + summary.updated > 0;
  return (
    <Flex vertical align="flex-start" gap={2}>
      {wrote ? (
        <Link to={`/${job.kind}?importId=${job.id}`} data-testid="import-records-link">
          {t(job.kind === 'products' ? 'imports.history.changedProducts' : 'imports.history.changedProducers', {
            count: summary.created + summary.updated,
          })}
        </Link>
      ) : null}
      {wrote ? <Link to={`/audit?entityType=import&entityId=${job.id}`}>{t('imports.history.auditEntry')}</Link> : null}
      {job.reportUrl && (summary?.problemCount ?? 0) > 0 ? <a href={job.reportUrl}>{t('imports.report')}</a> : null}
    </Flex>
  );
}

function ImportResult({ job }: { job: ImportJobView }) {
  const { t } = useI18n();
  const summary = job.summary;
  if (job.status === 'failed') return <Typography.Text type="danger">{job.failure?.message ?? t('imports.failed')}</Typography.Text>;
  if (!summary) return <Typography.Text type="secondary">—</Typography.Text>;
  if (summary.problemCount > 0)
    return (
      <Typography.Text type="warning">
        {t('imports.history.problems', { problems: summary.problemCount, rows: summary.rowsWithProblems })}
      </Typography.Text>
    );
  return (
    <span>
      {t('imports.history.counts', {
        rows: summary.dataRows,
        created: summary.created,
        updated: summary.updated,
        unchanged: summary.unchanged,
      })}
    </span>
  );
}

/** The province's latest imports and dry runs, newest first, with what each did. */
export function ImportHistory({ provinceCode }: { provinceCode: string | undefined }) {
  const { t } = useI18n();
  const wide = useMediaQuery('(min-width: 768px)');
  const imports = useImports(provinceCode);

  const what = (job: ImportJobView) => (
    <Flex vertical gap={2}>
      <Typography.Text strong style={{ wordBreak: 'break-all' }}>
        {job.fileName}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t(job.kind === 'products' ? 'imports.kind.products' : 'imports.kind.producers')} ·{' '}
        {t(job.mode === 'commit' ? 'imports.history.commit' : 'imports.history.dryRun')}
      </Typography.Text>
    </Flex>
  );
  const status = (job: ImportJobView) => <Tag color={STATUS[job.status].color}>{t(STATUS[job.status].key)}</Tag>;

  const columns: TableColumnsType<ImportJobView> = wide
    ? [
        { title: t('imports.history.when'), dataIndex: 'createdAt', width: 150, render: (at: string) => formatDateTime(at) },
        { title: t('imports.history.file'), key: 'file', render: (_, job) => what(job) },
        { title: t('imports.history.status'), key: 'status', width: 130, render: (_, job) => status(job) },
        { title: t('imports.history.result'), key: 'result', render: (_, job) => <ImportResult job={job} /> },
        { title: t('imports.history.records'), key: 'links', width: 220, render: (_, job) => <ImportLinks job={job} /> },
      ]
    : [
        {
          title: t('imports.history.file'),
          key: 'all',
          render: (_, job) => (
            <Flex vertical gap={4}>
              {what(job)}
              <Flex gap={8} align="center" wrap>
                {status(job)}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(job.createdAt)}
                </Typography.Text>
              </Flex>
              <ImportResult job={job} />
              <ImportLinks job={job} />
            </Flex>
          ),
        },
      ];

  return (
    <Card title={t('imports.history.title')} style={{ marginTop: 16 }} data-testid="import-history">
      {imports.isError ? <ErrorAlert error={imports.error} /> : null}
      <Table<ImportJobView>
        rowKey="id"
        size="middle"
        loading={imports.isFetching}
        columns={columns}
        dataSource={imports.data ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: t('imports.history.empty') }}
      />
    </Card>
  );
}
