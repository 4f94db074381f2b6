import type { MySheetView } from '@ocop/contracts/councils';
import type { DossierBrief } from '@ocop/contracts/dossiers';
import { useQueries } from '@tanstack/react-query';
import { Button, Card, Flex, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { PageHeader } from '../../../components/ui/page-header';
import { PageLoading } from '../../../components/ui/page-loading';
import { useDossiers } from '../../../features/councils/api/councils';
import { mySheetQueryOptions } from '../../../features/councils/api/scoring';
import { CouncilRoundTable } from '../../../features/councils/components/council-round-table';
import { isApiError } from '../../../lib/api-client';
import { formatDateTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';

type Row = { brief: DossierBrief; sheet: MySheetView | undefined; error: unknown; pending: boolean };

function SheetStatus({ row }: { row: Row }) {
  const { t } = useI18n();
  if (row.pending) return <Typography.Text type="secondary">…</Typography.Text>;
  if (isApiError(row.error) && row.error.code === 'scoring.position_does_not_score') return <Tag>{t('myScoring.doesNotScore')}</Tag>;
  const sheet = row.sheet;
  if (!sheet) return <Typography.Text type="secondary">—</Typography.Text>;
  if (sheet.conflict?.hasConflict) return <Tag color="orange">{t('myScoring.status.conflict')}</Tag>;
  if (sheet.status === 'submitted')
    return (
      <Flex vertical gap={0}>
        <Tag color="green">{t('myScoring.status.submitted')}</Tag>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {formatDateTime(sheet.submittedAt)}
        </Typography.Text>
      </Flex>
    );
  if (sheet.status === 'draft') return <Tag color="blue">{t('myScoring.status.draft', { left: sheet.unanswered.length })}</Tag>;
  return <Tag>{t('myScoring.status.none')}</Tag>;
}

/** A council member's home: the dossiers of their councils being scored, and their sheet on each. */
export function MyScoringPage() {
  const { t } = useI18n();
  const list = useDossiers({ state: 'council_scoring' });
  const items = list.data?.items ?? [];
  const sheets = useQueries({ queries: items.map((brief) => ({ ...mySheetQueryOptions(brief.id), retry: false })) });
  if (list.isPending) return <PageLoading />;
  if (list.isError) return <ErrorAlert error={list.error} />;
  const rows: Row[] = items.map((brief, index) => ({
    brief,
    sheet: sheets[index]?.data,
    error: sheets[index]?.error,
    pending: sheets[index]?.isPending ?? true,
  }));
  const columns: ColumnsType<Row> = [
    {
      key: 'product',
      title: t('councils.dossier'),
      render: (_, row) => (
        <Flex vertical gap={0}>
          <Typography.Text strong>{row.brief.product.name}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {row.brief.producer.name}
            {row.brief.communeName ? ` · ${row.brief.communeName}` : ''}
          </Typography.Text>
        </Flex>
      ),
    },
    { key: 'round', title: t('councils.round'), render: (_, row) => row.brief.roundName, responsive: ['md'] },
    { key: 'council', title: t('myScoring.council'), render: (_, row) => row.sheet?.council.name ?? '—', responsive: ['lg'] },
    { key: 'status', title: t('myScoring.status'), render: (_, row) => <SheetStatus row={row} /> },
    {
      key: 'action',
      title: '',
      render: (_, row) => (
        <Flex gap={8} wrap>
          {row.sheet ? (
            <Link to={`/scoring/${row.brief.id}`} data-testid={`open-sheet-${row.brief.id}`}>
              <Button type={row.sheet.canEdit && !row.sheet.conflict?.hasConflict ? 'primary' : 'default'} size="small">
                {row.sheet.canEdit && !row.sheet.conflict?.hasConflict ? t('myScoring.score') : t('myScoring.view')}
              </Button>
            </Link>
          ) : null}
          {row.sheet?.member.position === 'chair' ? (
            <Link to={`/scoring/${row.brief.id}/results`}>
              <Button size="small">{t('councils.results')}</Button>
            </Link>
          ) : null}
        </Flex>
      ),
    },
  ];
  const chaired = rows.filter((row) => row.sheet?.member.position === 'chair');
  return (
    <>
      <PageHeader title={t('myScoring.title')} description={t('myScoring.description')} />
      <Table<Row>
        data-testid="my-scoring"
        rowKey={(row) => row.brief.id}
        size="middle"
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={columns}
        dataSource={rows}
        locale={{ emptyText: t('myScoring.empty') }}
      />
      {chaired.length > 0 ? (
        <Card size="small" title={t('myScoring.chairTitle')} style={{ marginTop: 16 }} data-testid="chair-view">
          <CouncilRoundTable rows={chaired.map((row) => ({ id: row.brief.id, state: row.brief.state, brief: row.brief }))} />
        </Card>
      ) : null}
    </>
  );
}
