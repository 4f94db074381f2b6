import { Card, Col, Row, Typography } from 'antd';
import dayjs from 'dayjs';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { PageHeader } from '../../../components/ui/page-header';
import { PageLoading } from '../../../components/ui/page-loading';
import { useRegimeSets, useRegimes } from '../../../features/criteria/api/criteria-queries';
import { regimeState } from '../../../features/criteria/components/criteria-format';
import { RegimeCard } from '../../../features/criteria/components/regime-card';
import { SetsTable } from '../../../features/criteria/components/sets-table';
import { useI18n } from '../../../lib/i18n';
import { useUrlFilters } from '../../../lib/use-url-filters';

const FILTER_KEYS = ['regime'] as const;
const SETS_ANCHOR = 'regime-sets';

/** The regimes with their numbers, and the score sheets of the one picked (the one in force at first). */
export function CriteriaListPage() {
  const { t } = useI18n();
  const [params, setParams] = useUrlFilters(FILTER_KEYS);
  const regimes = useRegimes();
  const chosen =
    regimes.data?.find((regime) => regime.code === params.regime) ?? regimes.data?.find((regime) => regime.inForce) ?? regimes.data?.[0];
  const sets = useRegimeSets(chosen?.code ?? null);
  const today = dayjs().format('YYYY-MM-DD');

  if (regimes.isPending) return <PageLoading />;
  if (regimes.isError) return <ErrorAlert error={regimes.error} />;

  return (
    <>
      <PageHeader title={t('criteria.title')} description={t('criteria.intro')} />
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        {regimes.data.map((regime) => (
          <Col key={regime.code} xs={24} md={12} xl={8}>
            <RegimeCard
              regime={regime}
              state={regimeState(regime, today)}
              selected={regime.code === chosen?.code}
              onOpen={() => {
                setParams({ regime: regime.code });
                // On a phone the sets sit below all the cards: bring them into view.
                requestAnimationFrame(() => document.getElementById(SETS_ANCHOR)?.scrollIntoView?.({ behavior: 'smooth', block: 'start' }));
              }}
            />
          </Col>
        ))}
      </Row>
      {chosen ? (
        <Card
          title={
            <Typography.Text strong style={{ whiteSpace: 'normal' }}>
              {t('criteria.sets.title', { regime: chosen.name })}
            </Typography.Text>
          }
          styles={{ body: { padding: 12 } }}
          data-testid="regime-sets"
          id={SETS_ANCHOR}
        >
          {sets.isError ? <ErrorAlert error={sets.error} /> : null}
          <SetsTable items={sets.data?.items ?? []} loading={sets.isPending} />
        </Card>
      ) : null}
    </>
  );
}
