import type { AdminUnitView, ProvinceUnitsView } from '@ocop/contracts/geography';
import { foldVietnamese } from '@ocop/domain/shared';
import { Input, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { type Key, useMemo, useState } from 'react';
import { useI18n } from '../../../lib/i18n';

type UnitRow = AdminUnitView & { children?: UnitRow[] };

function matches(unit: AdminUnitView, foldedFilter: string): boolean {
  return foldVietnamese(unit.name).includes(foldedFilter) || unit.code.includes(foldedFilter);
}

/** Districts and their communes (before the reform) or the communes alone (after it), built for the table. */
export function buildUnitRows(view: ProvinceUnitsView, filter: string): UnitRow[] {
  const folded = foldVietnamese(filter);
  if (view.districts.length === 0) {
    return folded ? view.communes.filter((commune) => matches(commune, folded)) : view.communes;
  }
  const byDistrict = new Map<string, AdminUnitView[]>();
  for (const commune of view.communes) {
    const list = byDistrict.get(commune.parentCode ?? '') ?? [];
    list.push(commune);
    byDistrict.set(commune.parentCode ?? '', list);
  }
  const rows: UnitRow[] = [];
  for (const district of view.districts) {
    const communes = byDistrict.get(district.code) ?? [];
    const districtMatches = folded !== '' && matches(district, folded);
    const shown = folded && !districtMatches ? communes.filter((commune) => matches(commune, folded)) : communes;
    if (folded && !districtMatches && shown.length === 0) continue;
    rows.push({ ...district, children: shown });
  }
  return rows;
}

export function UnitTable({
  view,
  selectedCode,
  onSelect,
  loading,
}: {
  view: ProvinceUnitsView | undefined;
  selectedCode: string | null;
  onSelect: (unit: AdminUnitView) => void;
  loading: boolean;
}) {
  const { t } = useI18n();
  const [filter, setFilter] = useState('');
  const [expanded, setExpanded] = useState<readonly Key[]>([]);
  // A commune chosen elsewhere (search, the mapping panel) opens its district once the map is here.
  const selectedParent = view?.communes.find((commune) => commune.code === selectedCode)?.parentCode ?? null;
  const [openedFor, setOpenedFor] = useState<string | null>(null);
  if (selectedParent && view && view.districts.length > 0 && openedFor !== selectedCode) {
    setOpenedFor(selectedCode);
    if (!expanded.includes(selectedParent)) setExpanded([...expanded, selectedParent]);
  }
  const rows = useMemo(() => (view ? buildUnitRows(view, filter) : []), [view, filter]);
  const grouped = (view?.districts.length ?? 0) > 0;
  const expandedKeys = grouped && filter.trim() ? rows.map((row) => row.code) : expanded;

  const columns: TableColumnsType<UnitRow> = [
    {
      title: t('common.name'),
      dataIndex: 'name',
      render: (name: string, unit) =>
        unit.level === 'commune' ? (
          <Typography.Link onClick={() => onSelect(unit)}>{name}</Typography.Link>
        ) : (
          <Typography.Text strong>
            {name}{' '}
            <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
              ({t('units.communeCount', { count: unit.children?.length ?? 0 })})
            </Typography.Text>
          </Typography.Text>
        ),
    },
    {
      title: t('common.type'),
      dataIndex: 'type',
      width: 120,
      responsive: ['sm'],
      render: (type: string | null, unit) => type ?? t(`units.level.${unit.level}`),
    },
    {
      title: t('common.code'),
      dataIndex: 'code',
      width: 90,
      render: (code: string) => <Tag style={{ fontFamily: 'monospace' }}>{code}</Tag>,
    },
  ];

  return (
    <>
      <Input
        allowClear
        placeholder={t('units.filterPlaceholder')}
        value={filter}
        onChange={(event) => setFilter(event.target.value)}
        style={{ marginBottom: 12 }}
        aria-label={t('units.filterPlaceholder')}
      />
      <Typography.Text type="secondary" style={{ display: 'block', marginBottom: 8 }}>
        {grouped
          ? `${t('units.districts', { count: view?.districts.length ?? 0 })} · ${t('units.communes', { count: view?.communes.length ?? 0 })}`
          : t('units.communesCurrent', { count: view?.communes.length ?? 0 })}
      </Typography.Text>
      <Table<UnitRow>
        size="small"
        rowKey="code"
        loading={loading}
        columns={columns}
        dataSource={rows}
        pagination={grouped ? false : { pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
        expandable={grouped ? { expandedRowKeys: expandedKeys, onExpandedRowsChange: setExpanded } : undefined}
        rowClassName={(unit) =>
          unit.level === 'commune' ? (unit.code === selectedCode ? 'ocop-row-selected ocop-clickable-row' : 'ocop-clickable-row') : ''
        }
        onRow={(unit) => ({
          onClick: () => {
            if (unit.level === 'commune') onSelect(unit);
          },
        })}
        scroll={grouped ? { y: 560 } : undefined}
        locale={{ emptyText: t('common.empty') }}
      />
    </>
  );
}
