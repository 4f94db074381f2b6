import { type CertificateView, REVOCATION_GROUND_LABELS, type SupervisionList } from '@ocop/contracts/certification';
import { GROUND_LETTER } from '@ocop/domain/certification';
import { Table, type TableColumnsType, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { formatIsoDate } from '../../../lib/format';
import { type Translate, useI18n } from '../../../lib/i18n';
import { useMediaQuery } from '../../../lib/use-media-query';
import { CertificateCard, dateColumn, leadingColumns, ROOMY_QUERY, statusColumn } from './certificate-columns';
import { validUntilOf } from './certificate-status-tag';

function ReEvaluation({ view }: { view: CertificateView }) {
  const { t } = useI18n();
  return view.pendingReEvaluation ? (
    <span style={{ color: '#15803d' }}>
      {t('supervision.reEvaluationFiled', { date: formatIsoDate(view.pendingReEvaluation.filedOn) })}
    </span>
  ) : (
    <span style={{ color: '#b45309' }}>{t('supervision.reEvaluationNone')}</span>
  );
}

function Effective({ view }: { view: CertificateView }) {
  const { t } = useI18n();
  if (!view.revocation) return null;
  return (
    <span>
      {formatIsoDate(view.revocation.effectiveOn)}
      {view.status !== 'revoked' ? <div className="ocop-text-secondary">{t('supervision.notYetEffective')}</div> : null}
    </span>
  );
}

/** "Điểm d" with the ground in full on hover (the full texts are a paragraph long). */
function Ground({ view }: { view: CertificateView }) {
  const { t, language } = useI18n();
  if (!view.revocation) return null;
  return (
    <Tooltip title={REVOCATION_GROUND_LABELS[view.revocation.ground][language]}>
      <span style={{ borderBottom: '1px dotted currentColor', cursor: 'help' }}>
        {t('supervision.groundLetter', { letter: GROUND_LETTER[view.revocation.ground] })}
      </span>
    </Tooltip>
  );
}

/** The columns after the common ones, by list: the re-evaluation for expiring lists, the revocation for the revoked. */
function listColumns(list: SupervisionList, t: Translate): TableColumnsType<CertificateView> {
  if (list === 'revoked')
    return [
      { title: t('supervision.col.ground'), key: 'ground', width: 110, render: (_, view) => <Ground view={view} /> },
      { title: t('supervision.col.revocationDecision'), key: 'decision', render: (_, view) => view.revocation?.decisionNumber },
      { title: t('supervision.col.effectiveOn'), key: 'effective', width: 140, render: (_, view) => <Effective view={view} /> },
      statusColumn(t),
    ];
  if (list === 'expired_not_renewed')
    return [dateColumn(t('supervision.col.expired'), 'expires', (view) => view.expiresOn), statusColumn(t)];
  return [
    dateColumn(t('certificates.col.validUntil'), 'validUntil', validUntilOf),
    statusColumn(t),
    { title: t('supervision.col.reEvaluation'), key: 'reEvaluation', width: 160, render: (_, view) => <ReEvaluation view={view} /> },
  ];
}

function phoneExtra(list: SupervisionList, view: CertificateView, t: Translate): ReactNode {
  if (list === 'revoked' && view.revocation)
    return (
      <span style={{ fontSize: 12 }}>
        {t('supervision.revocationLine', {
          number: view.revocation.decisionNumber,
          letter: GROUND_LETTER[view.revocation.ground],
          date: formatIsoDate(view.revocation.effectiveOn),
        })}
        {view.status !== 'revoked' ? ` (${t('supervision.notYetEffective')})` : ''}
      </span>
    );
  if (list === 'expired_not_renewed') return null;
  return (
    <span style={{ fontSize: 12 }}>
      {t('supervision.col.reEvaluation')}: <ReEvaluation view={view} />
    </span>
  );
}

/** One supervision list; on a phone each row is a card with the list's own fact. */
export function SupervisionTable({ list, items, loading }: { list: SupervisionList; items: CertificateView[]; loading: boolean }) {
  const { t } = useI18n();
  const wide = useMediaQuery('(min-width: 768px)');
  const roomy = useMediaQuery(ROOMY_QUERY);
  const columns: TableColumnsType<CertificateView> = wide
    ? [...leadingColumns(t, roomy), ...listColumns(list, t)]
    : [
        {
          title: t('certificates.col.number'),
          key: 'card',
          render: (_, view) => <CertificateCard view={view} extra={phoneExtra(list, view, t)} />,
        },
      ];
  return (
    <Table<CertificateView>
      rowKey="id"
      size="middle"
      loading={loading}
      columns={columns}
      dataSource={items}
      showHeader={wide}
      scroll={wide ? { x: 960 } : undefined}
      locale={{ emptyText: t('supervision.empty') }}
      pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true, showTotal: (total) => t('common.total', { total }) }}
      data-testid={`supervision-table-${list}`}
    />
  );
}
