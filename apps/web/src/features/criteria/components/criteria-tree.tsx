import type { CriteriaSetContent, CriterionContent, EvidenceItemView } from '@ocop/contracts/evaluation';
import { Alert, Flex, Tag, Typography } from 'antd';
import { useI18n } from '../../../lib/i18n';
import { formatPoints, starMarks, sumPoints } from './criteria-format';
import { type IssueIndex, issuesAt } from './issue-index';
import { PartTotals } from './part-totals';

type Part = CriteriaSetContent['parts'][number];

/** The issues the validator or the server found at one path, right where they belong. */
export function PathIssues({ index, path }: { index: IssueIndex; path: string }) {
  const found = issuesAt(index, path);
  if (found.length === 0) return null;
  return (
    <Flex vertical gap={4} style={{ marginTop: 6 }}>
      {found.map((issue) => (
        <Alert
          key={`${issue.code}:${issue.message}`}
          type="error"
          showIcon
          title={issue.message}
          style={{ padding: '4px 8px' }}
          data-testid="criterion-issue"
          data-path={path}
        />
      ))}
    </Flex>
  );
}

function OptionRow({ option, stars }: { option: CriterionContent['options'][number]; stars: number[] }) {
  const { t } = useI18n();
  return (
    <li data-testid="criterion-option" style={{ display: 'flex', gap: 8, alignItems: 'baseline', padding: '2px 0' }}>
      <span style={{ flex: '1 1 auto', minWidth: 0, overflowWrap: 'anywhere' }}>{option.label}</span>
      {stars.map((level) => (
        <Tag
          key={level}
          color="gold"
          title={t('criteria.tree.minimum', { stars: starMarks(level) })}
          data-testid="option-minimum"
          style={{ marginInlineEnd: 0 }}
        >
          {starMarks(level)}
        </Tag>
      ))}
      <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>
        {t('criteria.tree.points', { points: formatPoints(option.points) })}
      </Typography.Text>
    </li>
  );
}

function CriterionNode({
  criterion,
  path,
  index,
  evidence,
}: {
  criterion: CriterionContent;
  path: string;
  index: IssueIndex;
  evidence: ReadonlyMap<string, EvidenceItemView>;
}) {
  const { t } = useI18n();
  return (
    <section data-testid="criterion" data-code={criterion.code} style={{ padding: '8px 0', borderTop: '1px solid #f0f0f0' }}>
      <Flex gap={8} align="baseline" justify="space-between">
        <Typography.Text strong style={{ overflowWrap: 'anywhere', minWidth: 0 }}>
          {criterion.code}. {criterion.label}
        </Typography.Text>
        <Tag style={{ marginInlineEnd: 0, whiteSpace: 'nowrap' }}>
          {t('criteria.tree.max', { points: formatPoints(criterion.maxPoints) })}
        </Tag>
      </Flex>
      {criterion.requirementNote ? (
        <Typography.Paragraph
          type="secondary"
          italic
          aria-label={t('criteria.tree.requirement')}
          style={{ margin: '4px 0 0', whiteSpace: 'pre-line', fontSize: 13 }}
        >
          {criterion.requirementNote}
        </Typography.Paragraph>
      ) : null}
      {criterion.options.length > 0 ? (
        <ul style={{ listStyle: 'none', margin: '4px 0 0', padding: '0 0 0 12px' }}>
          {criterion.options.map((option, at) => (
            <OptionRow
              // biome-ignore lint/suspicious/noArrayIndexKey: a sheet with issues may repeat a code; the position keeps siblings apart and the tree is read-only
              key={`${at}:${option.id}`}
              option={option}
              stars={criterion.minima.filter((minimum) => minimum.optionId === option.id).map((minimum) => minimum.stars)}
            />
          ))}
        </ul>
      ) : null}
      {criterion.evidence.length > 0 ? (
        <Flex gap={4} wrap align="center" style={{ marginTop: 4 }} data-testid="criterion-evidence">
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('criteria.tree.evidence')}:
          </Typography.Text>
          {criterion.evidence.map((id) => (
            <Tag key={id} color="blue" title={evidence.get(id)?.requirement} style={{ whiteSpace: 'normal' }}>
              {evidence.get(id)?.label ?? id}
            </Tag>
          ))}
        </Flex>
      ) : null}
      <PathIssues index={index} path={path} />
      {criterion.children.length > 0 ? (
        <div style={{ marginLeft: 8, paddingLeft: 8, borderLeft: '2px solid #dcfce7' }}>
          {criterion.children.map((child, at) => (
            <CriterionNode
              // biome-ignore lint/suspicious/noArrayIndexKey: a sheet with issues may repeat a code; the position keeps siblings apart and the tree is read-only
              key={`${at}:${child.code}`}
              criterion={child}
              path={`${path}/${child.code}`}
              index={index}
              evidence={evidence}
            />
          ))}
        </div>
      ) : null}
    </section>
  );
}

function PartSection({
  part,
  setCode,
  regimePart,
  index,
  evidence,
}: {
  part: Part;
  setCode: string;
  regimePart: { code: string; label?: string; maxPoints: number } | undefined;
  index: IssueIndex;
  evidence: ReadonlyMap<string, EvidenceItemView>;
}) {
  const path = `${setCode}/${part.code}`;
  const sum = sumPoints(part.criteria.map((criterion) => criterion.maxPoints));
  // The 1048 sheets name their parts by code only ("A"); the regime has the words.
  const label = part.label && part.label !== part.code ? part.label : (regimePart?.label ?? part.label);
  return (
    <section data-testid="criteria-part" data-part={part.code} style={{ marginBottom: 16 }}>
      <Flex gap={8} align="center" justify="space-between" wrap style={{ background: '#f0fdf4', padding: '6px 8px', borderRadius: 6 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {part.code}. {label}
        </Typography.Title>
        <PartTotals totals={[{ code: part.code, sum, maxPoints: regimePart?.maxPoints ?? part.maxPoints }]} testId="part-sum" />
      </Flex>
      <PathIssues index={index} path={path} />
      <div style={{ padding: '0 4px' }}>
        {part.criteria.map((criterion, at) => (
          <CriterionNode
            // biome-ignore lint/suspicious/noArrayIndexKey: a sheet with issues may repeat a code; the position keeps siblings apart and the tree is read-only
            key={`${at}:${criterion.code}`}
            criterion={criterion}
            path={`${path}/${criterion.code}`}
            index={index}
            evidence={evidence}
          />
        ))}
      </div>
    </section>
  );
}

/** The sheet as the member sees it: parts → criteria → options with points and starred minima. */
export function CriteriaTree({
  content,
  regimeParts,
  evidence,
  index,
}: {
  content: CriteriaSetContent;
  regimeParts: readonly { code: string; label?: string; maxPoints: number }[];
  evidence: readonly EvidenceItemView[];
  index: IssueIndex;
}) {
  const byId = new Map(evidence.map((item) => [item.id, item]));
  return (
    <div data-testid="criteria-tree">
      {content.parts.map((part) => (
        <PartSection
          key={part.code}
          part={part}
          setCode={content.productSetCode}
          regimePart={regimeParts.find((candidate) => candidate.code === part.code)}
          index={index}
          evidence={byId}
        />
      ))}
    </div>
  );
}
