import type { CriterionContent, SelfAssessmentView } from '@ocop/contracts/evaluation';
import { Card, Collapse, Flex, Radio, Tag, Typography } from 'antd';
import { useI18n } from '../../../lib/i18n';
import { formatPoints } from './points';
import type { UnmetMark } from './unmet-minima';

type SheetProps = {
  view: SelfAssessmentView;
  answers: Record<string, string>;
  marks: Map<string, UnmetMark>;
  disabled: boolean;
  onAnswer: (criterionCode: string, optionId: string) => void;
};

type NodeProps = Omit<SheetProps, 'view'> & { criterion: CriterionContent; criteriaTotals: Record<string, number>; depth: number };

function Points({ value, max }: { value: number; max: number }) {
  const { language } = useI18n();
  return (
    <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
      {formatPoints(value, language)}/{formatPoints(max, language)}
    </Typography.Text>
  );
}

function AnswerableCriterion({ criterion, answers, marks, disabled, onAnswer, criteriaTotals }: NodeProps) {
  const { t, language } = useI18n();
  const mark = marks.get(criterion.code);
  const required = mark ? criterion.options.find((option) => option.id === mark.requiredOptionId) : undefined;
  return (
    <div
      id={`criterion-${criterion.code}`}
      data-testid={`criterion-${criterion.code}`}
      style={{
        padding: '10px 12px',
        borderRadius: 6,
        border: `1px solid ${mark ? '#fca5a5' : '#f0f0f0'}`,
        background: mark ? '#fef2f2' : undefined,
      }}
    >
      <Flex justify="space-between" align="flex-start" gap={8}>
        <Typography.Text strong style={{ minWidth: 0 }}>
          {criterion.code}. {criterion.label}
        </Typography.Text>
        <Points value={criteriaTotals[criterion.code] ?? 0} max={criterion.maxPoints} />
      </Flex>
      {mark ? (
        <Tag color="red" style={{ marginTop: 6, whiteSpace: 'normal' }} data-testid={`unmet-${criterion.code}`}>
          {t('selfAssessment.minimumFor', { stars: mark.stars })}
          {required
            ? ` — ${t('selfAssessment.minimumNeeds', { option: required.label, points: formatPoints(required.points, language) })}`
            : ''}
        </Tag>
      ) : null}
      <Radio.Group
        value={answers[criterion.code] ?? null}
        disabled={disabled}
        onChange={(event) => onAnswer(criterion.code, String(event.target.value))}
        style={{ display: 'flex', flexDirection: 'column', gap: 4, marginTop: 8 }}
        aria-label={`${criterion.code}. ${criterion.label}`}
      >
        {criterion.options.map((option) => (
          <Radio key={option.id} value={option.id} style={{ alignItems: 'flex-start', whiteSpace: 'normal' }}>
            <span data-testid={`option-${option.id}`}>
              {option.label}{' '}
              <Typography.Text type="secondary">
                ({t('selfAssessment.points', { points: formatPoints(option.points, language) })})
              </Typography.Text>
            </span>
          </Radio>
        ))}
      </Radio.Group>
      {criterion.requirementNote ? (
        <Collapse
          ghost
          size="small"
          style={{ marginTop: 4 }}
          items={[
            {
              key: 'note',
              label: <Typography.Text type="secondary">{t('selfAssessment.requirementNote')}</Typography.Text>,
              children: (
                <Typography.Paragraph style={{ whiteSpace: 'pre-line', margin: 0 }}>{criterion.requirementNote}</Typography.Paragraph>
              ),
            },
          ]}
        />
      ) : null}
    </div>
  );
}

function CriterionNode(props: NodeProps) {
  const { criterion, criteriaTotals, depth } = props;
  if (criterion.children.length === 0) return criterion.options.length > 0 ? <AnswerableCriterion {...props} /> : null;
  return (
    <Flex vertical gap={8} style={{ marginTop: depth > 0 ? 4 : 0 }}>
      <Flex justify="space-between" align="flex-start" gap={8}>
        <Typography.Text strong style={{ fontSize: depth === 0 ? 15 : 14, minWidth: 0 }}>
          {criterion.code}. {criterion.label}
        </Typography.Text>
        <Points value={criteriaTotals[criterion.code] ?? 0} max={criterion.maxPoints} />
      </Flex>
      <Flex vertical gap={8} style={{ paddingLeft: depth === 0 ? 0 : 8 }}>
        {criterion.children.map((child) => (
          <CriterionNode key={child.code} {...props} criterion={child} depth={depth + 1} />
        ))}
      </Flex>
    </Flex>
  );
}

/** The score sheet (Mẫu 02, phần III) part by part, each answerable criterion a choice of its options. */
export function CriteriaSheet({ view, ...rest }: SheetProps) {
  const { language } = useI18n();
  const totals = new Map(view.score.parts.map((part) => [part.code, part]));
  return (
    <Flex vertical gap={16}>
      {view.content.parts.map((part) => {
        const score = totals.get(part.code);
        return (
          <Card
            key={part.code}
            size="small"
            data-testid={`part-${part.code}`}
            title={<span style={{ whiteSpace: 'normal' }}>{`${part.code}. ${part.label}`}</span>}
            extra={
              <Typography.Text
                strong
              >{`${formatPoints(score?.total ?? 0, language)}/${formatPoints(part.maxPoints, language)}`}</Typography.Text>
            }
          >
            <Flex vertical gap={12}>
              {part.criteria.map((criterion) => (
                <CriterionNode key={criterion.code} {...rest} criterion={criterion} criteriaTotals={view.score.criteria} depth={0} />
              ))}
            </Flex>
          </Card>
        );
      })}
    </Flex>
  );
}
