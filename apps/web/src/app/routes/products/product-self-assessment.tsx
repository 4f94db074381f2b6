import { ArrowLeftOutlined } from '@ant-design/icons';
import type { SelfAssessmentView } from '@ocop/contracts/evaluation';
import { Alert, Button, Col, Flex, Row, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { PageHeader } from '../../../components/ui/page-header';
import { PageLoading } from '../../../components/ui/page-loading';
import { useSelfAssessment } from '../../../features/self-assessment/api/self-assessment';
import { useAutosave } from '../../../features/self-assessment/api/use-autosave';
import { AssessmentSummary } from '../../../features/self-assessment/components/assessment-summary';
import { CriteriaSheet } from '../../../features/self-assessment/components/criteria-sheet';
import { StarPlanCard } from '../../../features/self-assessment/components/star-plan-card';
import { unmetMarks } from '../../../features/self-assessment/components/unmet-minima';
import { useI18n } from '../../../lib/i18n';

function readTarget(value: string | null): number | undefined {
  const stars = Number(value);
  return Number.isInteger(stars) && stars >= 1 && stars <= 5 ? stars : undefined;
}

function Notices({ view, saveState }: { view: SelfAssessmentView; saveState: ReturnType<typeof useAutosave>['state'] }) {
  const { t } = useI18n();
  return (
    <>
      {view.canEdit ? null : <Alert type="info" showIcon title={t('selfAssessment.readOnly')} data-testid="sa-read-only" />}
      {view.answersFromOtherVersion ? <Alert type="warning" showIcon title={t('selfAssessment.otherVersion')} /> : null}
      {saveState.kind === 'reloaded' ? (
        <Alert type="warning" showIcon title={t('selfAssessment.reloaded')} data-testid="sa-reloaded" />
      ) : null}
      {saveState.kind === 'failed' ? <ErrorAlert error={saveState.error} title={t('selfAssessment.saveFailed')} /> : null}
    </>
  );
}

function SelfAssessmentEditor({
  view,
  target,
  onTarget,
}: {
  view: SelfAssessmentView;
  target: number | undefined;
  onTarget: (stars: number) => void;
}) {
  const { t } = useI18n();
  const { answers, state, change } = useAutosave(view, target);
  const marks = useMemo(() => unmetMarks(view.score), [view.score]);
  const applyPlan = () => {
    if (!view.plan) return;
    const next = { ...answers };
    for (const step of view.plan.steps) next[step.criterionCode] = step.neededOptionId;
    change(next);
  };
  return (
    <>
      <PageHeader
        title={t('selfAssessment.title')}
        description={
          <Flex vertical gap={2} component="span">
            <Link to={`/products/${view.product.id}`}>{view.product.name}</Link>
            <span>
              {t('selfAssessment.sheetOf', {
                set: `${view.product.productSet.code} ${view.product.productSet.name}`,
                doc: view.regime.docNo,
                version: view.version.version,
              })}
            </span>
          </Flex>
        }
        extra={
          <Link to={`/products/${view.product.id}`}>
            <Button icon={<ArrowLeftOutlined />}>{t('selfAssessment.backToProduct')}</Button>
          </Link>
        }
      />
      <AssessmentSummary score={view.score} saveState={state} />
      <Flex vertical gap={12} style={{ marginBottom: 16 }}>
        <Notices view={view} saveState={state} />
      </Flex>
      <Row gutter={[16, 16]}>
        <Col xs={{ span: 24, order: 2 }} xl={{ span: 14, order: 1 }}>
          <CriteriaSheet
            view={view}
            answers={answers}
            marks={marks}
            disabled={!view.canEdit}
            onAnswer={(code, optionId) => change({ ...answers, [code]: optionId })}
          />
        </Col>
        <Col xs={{ span: 24, order: 1 }} xl={{ span: 10, order: 2 }}>
          <StarPlanCard view={view} canApply={view.canEdit} onApply={applyPlan} onTarget={onTarget} />
        </Col>
      </Row>
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, fontSize: 12 }}>
        {t('selfAssessment.disclaimer')}
      </Typography.Paragraph>
    </>
  );
}

/** A product's self-assessment (Mẫu 02, phần III): the producer answers, officers of its scope read. */
export function ProductSelfAssessmentPage() {
  const { productId = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const target = readTarget(search.get('target'));
  const query = useSelfAssessment(productId, target);
  if (query.isPending) return <PageLoading />;
  if (query.isError) return <ErrorAlert error={query.error} />;
  const onTarget = (stars: number) =>
    setSearch(
      (previous) => {
        const next = new URLSearchParams(previous);
        next.set('target', String(stars));
        return next;
      },
      { replace: true },
    );
  return <SelfAssessmentEditor key={query.data.version.id} view={query.data} target={target} onTarget={onTarget} />;
}
