import type { DossierBrief } from '@ocop/contracts/dossiers';
import { Flex, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link } from 'react-router';
import { useI18n } from '../../../lib/i18n';
import { formatPoints } from '../../self-assessment/components/points';
import { StarIcons } from '../../self-assessment/components/star-icons';
import { useScores } from '../api/scoring';

export type RoundRow = { id: string; state: string; brief: DossierBrief | undefined };

/** Submitted sheets against the quorum. */
function ProgressCell({ dossierId }: { dossierId: string }) {
  const { t } = useI18n();
  const scores = useScores(dossierId);
  if (scores.isPending) return <Typography.Text type="secondary">…</Typography.Text>;
  if (scores.isError) return <Typography.Text type="secondary">—</Typography.Text>;
  const { submittedSheets, quorumReached, council } = scores.data;
  return (
    <Tag color={quorumReached ? 'green' : 'default'} data-testid={`progress-${dossierId}`}>
      {t('scoreResults.progress', { submitted: submittedSheets, quorum: council.quorum })}
    </Tag>
  );
}

function AverageCell({ dossierId }: { dossierId: string }) {
  const { t, language } = useI18n();
  const scores = useScores(dossierId);
  const average = scores.data?.average;
  if (!average) return <Typography.Text type="secondary">—</Typography.Text>;
  const outliers = scores.data?.sheets.filter((sheet) => sheet.outlier) ?? [];
  return (
    <Flex vertical gap={2}>
      <Flex gap={6} align="center">
        <Typography.Text strong data-testid={`average-${dossierId}`}>
          {formatPoints(average.total, language)}
        </Typography.Text>
        <StarIcons stars={average.stars} size={13} />
      </Flex>
      {outliers.length > 0 ? (
        <Tag color="red" style={{ whiteSpace: 'normal' }}>
          {t('councils.outliers', { names: outliers.map((sheet) => sheet.fullName).join(', ') })}
        </Tag>
      ) : null}
    </Flex>
  );
}

function MissingCell({ dossierId }: { dossierId: string }) {
  const { t } = useI18n();
  const scores = useScores(dossierId);
  if (!scores.data) return null;
  const { notSubmitted, conflicts } = scores.data;
  return (
    <Flex vertical gap={2}>
      {notSubmitted.length > 0 ? (
        <Typography.Text style={{ fontSize: 13 }}>{notSubmitted.map((member) => member.fullName).join(', ')}</Typography.Text>
      ) : (
        <Typography.Text type="success" style={{ fontSize: 13 }}>
          {t('scoreResults.everyoneSubmitted')}
        </Typography.Text>
      )}
      {conflicts.length > 0 ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('councils.conflictsCount', { count: conflicts.length })}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}

/**
 * Every dossier of a council with its scoring progress, average, stars, outliers and who has not
 * submitted: the secretariat's and the chair's view of the round.
 */
export function CouncilRoundTable({ rows }: { rows: RoundRow[] }) {
  const { t } = useI18n();
  const columns: ColumnsType<RoundRow> = [
    {
      key: 'product',
      title: t('councils.dossier'),
      render: (_, row) => (
        <Flex vertical gap={0}>
          <Typography.Text strong>{row.brief?.product.name ?? row.id.slice(0, 8)}</Typography.Text>
          {row.brief ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {row.brief.producer.name}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    { key: 'state', title: t('councils.state'), render: (_, row) => <Tag>{t(stateLabel(row.state))}</Tag> },
    { key: 'progress', title: t('councils.progress'), render: (_, row) => <ProgressCell dossierId={row.id} /> },
    { key: 'average', title: t('councils.average'), render: (_, row) => <AverageCell dossierId={row.id} /> },
    { key: 'missing', title: t('councils.missing'), render: (_, row) => <MissingCell dossierId={row.id} /> },
    {
      key: 'results',
      title: '',
      render: (_, row) => (
        <Link to={`/scoring/${row.id}/results`} data-testid={`results-link-${row.id}`}>
          {t('councils.results')}
        </Link>
      ),
    },
  ];
  return (
    <Table<RoundRow>
      data-testid="council-dossiers"
      size="small"
      rowKey="id"
      pagination={false}
      scroll={{ x: 'max-content' }}
      columns={columns}
      dataSource={rows}
      locale={{ emptyText: t('councils.noDossiers') }}
    />
  );
}

const STATE_LABELS = {
  received: 'councils.dossierState.received',
  advisory_review: 'councils.dossierState.advisory_review',
  council_scoring: 'councils.dossierState.council_scoring',
} as const;

export function stateLabel(state: string) {
  return STATE_LABELS[state as keyof typeof STATE_LABELS] ?? 'councils.dossierState.other';
}
