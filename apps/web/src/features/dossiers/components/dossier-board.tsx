import type { DossierBrief, RoundView } from '@ocop/contracts/dossiers';
import { DOSSIER_STATES, type DossierState } from '@ocop/domain/evaluation';
import { Flex, Input, Select, Table, type TableColumnsType, Tag } from 'antd';
import type { HTMLAttributes } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../../lib/i18n';
import { useMediaQuery } from '../../../lib/use-media-query';
import type { DossierPage } from '../api/dossier-queries';
import { CommuneClockTag, DossierStateTag, kindKey, stateKey } from './dossier-labels';

export type BoardFilter = {
  roundId?: string | undefined;
  state?: DossierState | undefined;
  kind?: DossierBrief['kind'] | undefined;
  communeCode?: string | undefined;
  q?: string | undefined;
  page: number;
};

/** 'all' for every round; otherwise a round id. */
export type BoardChange = Partial<Record<'round' | 'state' | 'kind' | 'commune' | 'q' | 'page', string | number | null>>;

function Points({ dossier }: { dossier: DossierBrief }) {
  const { t } = useI18n();
  if (dossier.resultTotal !== null)
    return <span>{t('dossier.list.resultPoints', { points: dossier.resultTotal, stars: dossier.resultStars ?? '—' })}</span>;
  if (dossier.selfAssessmentTotal !== null)
    return <span className="ocop-text-secondary">{t('dossier.list.selfPoints', { points: dossier.selfAssessmentTotal })}</span>;
  return <span>—</span>;
}

/** The clock only matters while the commune holds the dossier. */
const clockOf = (dossier: DossierBrief) => (dossier.state === 'submitted' ? dossier.communeClock : null);

/**
 * The list of dossiers for every reader: the producer's own, the commune's queue with its 15-day
 * clock, the province's board with counts per state (clickable) and filters.
 */
export function DossierBoard({
  page,
  loading,
  filter,
  rounds,
  roundValue,
  communes,
  showFilters,
  showClock,
  onChange,
}: {
  page: DossierPage | undefined;
  loading: boolean;
  filter: BoardFilter;
  rounds: readonly RoundView[];
  roundValue: string;
  communes: readonly { value: string; label: string }[];
  showFilters: boolean;
  showClock: boolean;
  onChange: (change: BoardChange) => void;
}) {
  const { t } = useI18n();
  const wide = useMediaQuery('(min-width: 768px)');
  const counts = page?.counts ?? {};
  const all = Object.values(counts).reduce((sum, count) => sum + count, 0);
  const states = DOSSIER_STATES.filter((state) => (counts[state] ?? 0) > 0 || state === filter.state);

  const columns: TableColumnsType<DossierBrief> = wide
    ? [
        {
          title: t('dossier.list.col.product'),
          key: 'product',
          render: (_, dossier) => (
            <Flex vertical gap={2}>
              <Link to={`/dossiers/${dossier.id}`} data-testid="dossier-link">
                {dossier.product.name}
              </Link>
              <span className="ocop-text-secondary" style={{ fontSize: 12 }}>
                {dossier.producer.name}
              </span>
            </Flex>
          ),
        },
        { title: t('dossier.list.col.commune'), key: 'commune', render: (_, dossier) => dossier.communeName ?? dossier.communeCode },
        {
          title: t('dossier.list.kind'),
          key: 'kind',
          responsive: ['lg'],
          render: (_, dossier) => (
            <Flex vertical gap={2}>
              <span>{t(kindKey(dossier.kind))}</span>
              <span className="ocop-text-secondary" style={{ fontSize: 12 }}>
                {dossier.roundName}
              </span>
            </Flex>
          ),
        },
        {
          title: t('dossier.list.col.state'),
          key: 'state',
          render: (_, dossier) => (
            <Flex gap={4} wrap>
              <DossierStateTag state={dossier.state} />
              {dossier.lateFiling ? <Tag color="red">{t('dossier.lateFiling')}</Tag> : null}
            </Flex>
          ),
        },
        {
          title: t('dossier.list.col.clock'),
          key: 'clock',
          hidden: !showClock,
          render: (_, dossier) => {
            const clock = clockOf(dossier);
            return clock ? <CommuneClockTag clock={clock} withDue /> : '—';
          },
        },
        { title: t('dossier.list.col.points'), key: 'points', render: (_, dossier) => <Points dossier={dossier} /> },
      ]
    : [
        {
          title: t('dossier.list.col.product'),
          key: 'card',
          render: (_, dossier) => {
            const clock = clockOf(dossier);
            return (
              <Flex vertical gap={4}>
                <Link to={`/dossiers/${dossier.id}`} data-testid="dossier-link" style={{ fontWeight: 600, fontSize: 15 }}>
                  {dossier.product.name}
                </Link>
                <span className="ocop-text-secondary" style={{ fontSize: 12 }}>
                  {dossier.producer.name} · {dossier.communeName ?? dossier.communeCode}
                </span>
                {showClock && clock ? <CommuneClockTag clock={clock} withDue /> : null}
                <Flex gap={4} wrap align="center">
                  <DossierStateTag state={dossier.state} />
                  <Tag>{t(kindKey(dossier.kind))}</Tag>
                  {dossier.lateFiling ? <Tag color="red">{t('dossier.lateFiling')}</Tag> : null}
                  <Points dossier={dossier} />
                </Flex>
              </Flex>
            );
          },
        },
      ];

  return (
    <Flex vertical gap={12}>
      {showFilters ? (
        <Flex gap={8} wrap data-testid="board-filters">
          <Select
            aria-label={t('dossier.list.round')}
            value={roundValue}
            style={{ minWidth: 220, flex: wide ? '0 1 300px' : '1 1 100%' }}
            onChange={(value) => onChange({ round: value })}
            options={[
              { value: 'all', label: t('dossier.list.allRounds') },
              ...rounds
                .filter((round) => round.level === 'province')
                .map((round) => ({ value: round.id, label: `${round.name} (${round.year})` })),
            ]}
            data-testid="filter-round"
          />
          <Select
            aria-label={t('dossier.list.kind')}
            placeholder={t('dossier.list.kind')}
            allowClear
            value={filter.kind ?? null}
            style={{ minWidth: 160, flex: wide ? '0 1 180px' : '1 1 45%' }}
            onChange={(value) => onChange({ kind: value ?? null })}
            options={(['first', 'upgrade', 're_evaluation'] as const).map((kind) => ({ value: kind, label: t(kindKey(kind)) }))}
            data-testid="filter-kind"
          />
          {communes.length > 0 ? (
            <Select
              aria-label={t('dossier.list.commune')}
              placeholder={t('dossier.list.commune')}
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              value={filter.communeCode ?? null}
              style={{ minWidth: 160, flex: wide ? '0 1 220px' : '1 1 45%' }}
              onChange={(value) => onChange({ commune: value ?? null })}
              options={[...communes]}
              data-testid="filter-commune"
            />
          ) : null}
          <Input.Search
            allowClear
            placeholder={t('dossier.list.search')}
            defaultValue={filter.q}
            onSearch={(value) => onChange({ q: value.trim() || null })}
            style={{ flex: '1 1 220px' }}
            data-testid="filter-q"
          />
        </Flex>
      ) : null}
      <Flex gap={6} wrap data-testid="state-counts">
        <Tag.CheckableTag checked={!filter.state} onChange={() => onChange({ state: null })} data-testid="count-all">
          {t('dossier.list.allStates')} ({all})
        </Tag.CheckableTag>
        {states.map((state) => (
          <Tag.CheckableTag
            key={state}
            checked={filter.state === state}
            onChange={(checked) => onChange({ state: checked ? state : null })}
            data-testid={`count-${state}`}
            style={filter.state === state ? undefined : { borderColor: 'rgba(0,0,0,0.12)' }}
          >
            {t(stateKey(state))} ({counts[state] ?? 0})
          </Tag.CheckableTag>
        ))}
      </Flex>
      <Table<DossierBrief>
        rowKey="id"
        size={wide ? 'middle' : 'small'}
        loading={loading}
        columns={columns}
        dataSource={page?.items ?? []}
        locale={{ emptyText: t('dossier.list.empty') }}
        onRow={(dossier) => ({ 'data-testid': `dossier-row-${dossier.id}` }) as HTMLAttributes<HTMLElement>}
        pagination={{
          current: filter.page,
          pageSize: page?.pageSize ?? 20,
          total: page?.total ?? 0,
          showSizeChanger: false,
          hideOnSinglePage: true,
          onChange: (next) => onChange({ page: next }),
        }}
      />
    </Flex>
  );
}
