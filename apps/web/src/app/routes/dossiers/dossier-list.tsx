import { CalendarOutlined, FileDoneOutlined, PlusOutlined } from '@ant-design/icons';
import type { RoundView } from '@ocop/contracts/dossiers';
import { DOSSIER_STATES, type DossierState } from '@ocop/domain/evaluation';
import { vietnamDate } from '@ocop/domain/registry';
import { can } from '@ocop/domain/shared';
import { Button } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { PageHeader } from '../../../components/ui/page-header';
import { useProvinceUnits } from '../../../features/admin-units/api/get-province-units';
import { useDossiers, useRounds } from '../../../features/dossiers/api/dossier-queries';
import { CreateDossierModal, isFilingOpen } from '../../../features/dossiers/components/create-dossier-modal';
import { type BoardChange, type BoardFilter, DossierBoard } from '../../../features/dossiers/components/dossier-board';
import { DecisionDialog } from '../../../features/dossiers/components/decision-dialog';
import { useProducts } from '../../../features/products/api/list-products';
import { homeProvinceCode, useCurrentUser } from '../../../lib/auth';
import { CURRENT_MAP, currentCommuneOptions } from '../../../lib/communes';
import { useI18n } from '../../../lib/i18n';
import { intParam, useUrlFilters } from '../../../lib/use-url-filters';

const KEYS = ['round', 'state', 'kind', 'commune', 'q', 'page'] as const;
const PAGE_SIZE = 20;
const KINDS = ['first', 'upgrade', 're_evaluation'] as const;

/** The board's default round: the open province round due last (the one being worked on now). */
export function defaultRound(rounds: readonly RoundView[]): RoundView | undefined {
  return rounds
    .filter((round) => round.level === 'province' && round.status === 'open')
    .sort((a, b) => (a.proposalsBy < b.proposalsBy ? 1 : -1))[0];
}

/** "Hồ sơ đánh giá": the producer's dossiers, the commune's queue, the province's board. */
export function DossierListPage() {
  const { t } = useI18n();
  const { user } = useCurrentUser();
  const provinceCode = homeProvinceCode(user);
  const isOffice = can(user.roles, 'dossiers.manage');
  const isCommune = can(user.roles, 'dossiers.assess');
  const mayFile = can(user.roles, 'dossiers.file');
  const [values, update] = useUrlFilters(KEYS);
  const [creating, setCreating] = useState(false);
  const [deciding, setDeciding] = useState(false);
  const rounds = useRounds(provinceCode);
  const roundList = rounds.data ?? [];
  const fallback = defaultRound(roundList);
  // The office starts on the round at work; producers and communes see every round by default.
  const roundValue = values.round ?? (isOffice && fallback ? fallback.id : 'all');
  const round = roundList.find((candidate) => candidate.id === roundValue);
  const filter: BoardFilter = {
    roundId: roundValue === 'all' ? undefined : roundValue,
    state: DOSSIER_STATES.includes(values.state as DossierState) ? (values.state as DossierState) : undefined,
    kind: KINDS.find((kind) => kind === values.kind),
    communeCode: values.commune,
    q: values.q,
    page: intParam(values.page, 1),
  };
  const waitForRound = isOffice && values.round === undefined && rounds.isPending;
  const list = useDossiers({ ...filter, pageSize: PAGE_SIZE }, { enabled: !waitForRound });
  const units = useProvinceUnits(isOffice ? provinceCode : null, CURRENT_MAP);
  const communes = useMemo(() => currentCommuneOptions(units.data), [units.data]);
  const producerId = user.roles.find((grant) => grant.role === 'producer_member')?.producerId ?? undefined;
  const products = useProducts({ producerId, page: 1, pageSize: 100 }, { enabled: mayFile && creating });
  const today = vietnamDate(new Date());

  const onChange = (change: BoardChange) =>
    update({
      ...('round' in change ? { round: change.round } : {}),
      ...('state' in change ? { state: change.state } : {}),
      ...('kind' in change ? { kind: change.kind } : {}),
      ...('commune' in change ? { commune: change.commune } : {}),
      ...('q' in change ? { q: change.q } : {}),
      ...('page' in change ? { page: change.page } : {}),
    });

  const hint = isOffice ? t('dossier.list.officeHint') : isCommune ? t('dossier.list.communeHint') : t('dossier.list.producerHint');
  return (
    <>
      <PageHeader
        title={t('dossier.list.title')}
        description={hint}
        extra={
          <>
            {mayFile ? (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setCreating(true)}
                disabled={rounds.isSuccess && !roundList.some((candidate) => isFilingOpen(candidate, today))}
                data-testid="dossier-create"
              >
                {t('dossier.list.create')}
              </Button>
            ) : null}
            {isOffice && round ? (
              <Button icon={<FileDoneOutlined />} onClick={() => setDeciding(true)} data-testid="decision-open">
                {t('dossier.list.decide')}
              </Button>
            ) : null}
            {can(user.roles, 'rounds.manage') ? (
              <Link to="/rounds">
                <Button icon={<CalendarOutlined />}>{t('dossier.list.rounds')}</Button>
              </Link>
            ) : null}
          </>
        }
      />
      {list.isError ? <ErrorAlert error={list.error} /> : null}
      <DossierBoard
        page={list.data}
        loading={list.isFetching || waitForRound}
        filter={filter}
        rounds={roundList}
        roundValue={roundValue}
        communes={communes}
        showFilters={isOffice || isCommune}
        showClock={isOffice || isCommune}
        onChange={onChange}
      />
      {mayFile ? (
        <CreateDossierModal
          open={creating}
          onClose={() => setCreating(false)}
          rounds={roundList}
          today={today}
          products={(products.data?.items ?? []).map((product) => ({ value: product.id, label: product.nameVi }))}
        />
      ) : null}
      {isOffice && round ? <DecisionDialog open={deciding} onClose={() => setDeciding(false)} round={round} /> : null}
    </>
  );
}
