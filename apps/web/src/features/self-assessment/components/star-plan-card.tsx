import { CheckOutlined, FilePdfOutlined } from '@ant-design/icons';
import type { PlanStepView, SelfAssessmentView } from '@ocop/contracts/evaluation';
import { Button, Card, Flex, Segmented, Tag, Typography } from 'antd';
import { useI18n } from '../../../lib/i18n';
import { useMediaQuery } from '../../../lib/use-media-query';
import { selfAssessmentPdfUrl } from '../api/self-assessment';
import { formatPoints } from './points';

const TARGETS = [3, 4, 5];
/** antd's `xl` breakpoint, where the plan sits beside the sheet. */
const XL_QUERY = '(min-width: 1200px)';

function PlanStep({ step, target, evidenceOpen }: { step: PlanStepView; target: number; evidenceOpen: boolean }) {
  const { t, language } = useI18n();
  const points = (value: number) => formatPoints(value, language);
  return (
    <li data-testid={`plan-step-${step.criterionCode}`} style={{ padding: '10px 0', borderBottom: '1px solid #f0f0f0' }}>
      <Flex justify="space-between" gap={8} align="flex-start">
        <Typography.Text strong style={{ minWidth: 0 }}>
          <a
            href={`#criterion-${step.criterionCode}`}
            onClick={(event) => {
              event.preventDefault();
              document.getElementById(`criterion-${step.criterionCode}`)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
            }}
          >
            {step.criterionCode}
          </a>{' '}
          {step.label}
        </Typography.Text>
        <Tag color="green" style={{ marginInlineEnd: 0 }}>
          +{points(step.pointsGained)}
        </Tag>
      </Flex>
      <Typography.Paragraph style={{ margin: '4px 0 0' }}>
        {t('selfAssessment.plan.from', {
          option: step.currentLabel ?? t('selfAssessment.plan.unanswered'),
          points: points(step.currentPoints),
        })}
        <br />
        <Typography.Text strong>
          {t('selfAssessment.plan.to', { option: step.neededLabel, points: points(step.neededPoints) })}
        </Typography.Text>
      </Typography.Paragraph>
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
        {step.reason === 'minimum'
          ? t('selfAssessment.plan.whyMinimum', { stars: target })
          : t('selfAssessment.plan.whyBand', { stars: target })}
      </Typography.Text>
      {step.evidence.length > 0 ? (
        <details open={evidenceOpen} style={{ marginTop: 4, fontSize: 13 }}>
          <summary style={{ cursor: 'pointer' }}>
            <Typography.Text type="secondary">{t('selfAssessment.plan.evidence', { count: step.evidence.length })}</Typography.Text>
          </summary>
          <ul style={{ margin: '2px 0 0', paddingLeft: 18 }}>
            {step.evidence.map((item) => (
              <li key={item.id}>
                <Typography.Text strong>{item.label}</Typography.Text>
                {item.requirement ? `: ${item.requirement}` : ''}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </li>
  );
}

function PlanBody({ view, canApply, onApply }: { view: SelfAssessmentView; canApply: boolean; onApply: () => void }) {
  const { t, language } = useI18n();
  // Beside the sheet there is room for the evidence lists; above it on a phone they fold away.
  const wide = useMediaQuery(XL_QUERY);
  const plan = view.plan;
  if (!plan) return <Typography.Paragraph>{t('selfAssessment.plan.top')}</Typography.Paragraph>;
  if (!plan.reachable) return <Typography.Paragraph>{t('selfAssessment.plan.unreachable', { stars: plan.target })}</Typography.Paragraph>;
  if (plan.steps.length === 0)
    return <Typography.Paragraph>{t('selfAssessment.plan.reached', { stars: plan.target })}</Typography.Paragraph>;
  return (
    <>
      <Typography.Paragraph data-testid="sa-plan-summary">
        {t('selfAssessment.plan.summary', {
          stars: plan.target,
          steps: plan.steps.length,
          gained: formatPoints(plan.pointsGained, language),
          total: formatPoints(plan.totalAfter, language),
        })}
      </Typography.Paragraph>
      <ol style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {plan.steps.map((step) => (
          <PlanStep key={step.criterionCode} step={step} target={plan.target} evidenceOpen={wide} />
        ))}
      </ol>
      {canApply ? (
        <Button type="primary" icon={<CheckOutlined />} onClick={onApply} style={{ marginTop: 12 }} data-testid="sa-apply-plan">
          {t('selfAssessment.plan.apply')}
        </Button>
      ) : null}
    </>
  );
}

/** "Con đường lên hạng sao tiếp theo": the fewest answers to raise, why, and the evidence to prepare. */
export function StarPlanCard({
  view,
  canApply,
  onApply,
  onTarget,
}: {
  view: SelfAssessmentView;
  canApply: boolean;
  onApply: () => void;
  onTarget: (stars: number) => void;
}) {
  const { t } = useI18n();
  return (
    <Card size="small" data-testid="sa-plan" title={<span style={{ whiteSpace: 'normal' }}>{t('selfAssessment.plan.title')}</span>}>
      <Flex vertical gap={12}>
        <Flex gap={8} align="center" wrap>
          <Typography.Text type="secondary">{t('selfAssessment.plan.target')}</Typography.Text>
          <Segmented
            size="small"
            value={view.plan?.target ?? 0}
            options={TARGETS.map((stars) => ({ value: stars, label: `${stars}★` }))}
            onChange={(value) => onTarget(Number(value))}
            data-testid="sa-target"
          />
        </Flex>
        <div>
          <PlanBody view={view} canApply={canApply} onApply={onApply} />
        </div>
        <a href={selfAssessmentPdfUrl(view.product.id)} target="_blank" rel="noreferrer" data-testid="sa-pdf">
          <FilePdfOutlined /> {t('selfAssessment.pdf')}
        </a>
      </Flex>
    </Card>
  );
}
