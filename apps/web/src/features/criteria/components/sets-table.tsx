import type { CriteriaVersionSummaryView } from '@ocop/contracts/evaluation';
import { Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { HTMLAttributes } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../../lib/i18n';
import { PartTotals } from './part-totals';
import { sourceLabel, STATUS_COLORS, STATUS_KEYS } from './criteria-format';

/** The sets of one regime: each published version and any draft beside it, the link opening the sheet. */
export function SetsTable({ items, loading }: { items: readonly CriteriaVersionSummaryView[]; loading: boolean }) {
  const { t } = useI18n();
  const columns: ColumnsType<CriteriaVersionSummaryView> = [
    {
      key: 'code',
      title: t('criteria.sets.code'),
      dataIndex: 'productSetCode',
      width: 90,
      render: (code: string, row) => (
        <Link to={`/criteria/versions/${row.id}`} data-testid="set-link">
          {code}
        </Link>
      ),
    },
    {
      key: 'name',
      title: t('criteria.sets.name'),
      dataIndex: 'name',
      render: (name: string, row) => (
        <>
          <Link to={`/criteria/versions/${row.id}`}>{name}</Link>
          <div style={{ marginTop: 4 }}>
            <Tag color={STATUS_COLORS[row.status]}>{t(STATUS_KEYS[row.status])}</Tag>
            <span style={{ fontSize: 12, opacity: 0.75 }}>
              {t('criteria.sets.version')} {row.version} · {sourceLabel(row.source, t)}
            </span>
          </div>
          <div style={{ marginTop: 4 }}>
            <PartTotals totals={row.partTotals} />
          </div>
        </>
      ),
    },
  ];
  return (
    <Table<CriteriaVersionSummaryView>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={[...items]}
      loading={loading}
      pagination={false}
      locale={{ emptyText: t('criteria.sets.empty') }}
      onRow={() => ({ 'data-testid': 'set-row' }) as HTMLAttributes<HTMLElement>}
    />
  );
}
