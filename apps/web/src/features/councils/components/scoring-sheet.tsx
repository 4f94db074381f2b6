import { Button, Card, Flex, Input, Radio, Typography } from 'antd';
import { type KeyboardEvent, memo, useCallback, useMemo, useRef, useState } from 'react';
import { useI18n } from '../../../lib/i18n';
import { formatPoints } from '../../self-assessment/components/points';
import { answerableCriteria, type Content, type CriterionContent } from './local-score';

type SheetProps = {
  content: Content;
  answers: Record<string, string>;
  comments: Record<string, string>;
  criteriaTotals: ReadonlyMap<string, number>;
  readOnly: boolean;
  onAnswer: (criterionCode: string, optionId: string) => void;
  onComment: (criterionCode: string, text: string) => void;
};

/** Where a focused criterion stops when it scrolls: below the app header and the sticky running total. */
const SCROLL_MARGIN_TOP = 168;

const isTextEntry = (target: EventTarget) =>
  target instanceof HTMLTextAreaElement || (target instanceof HTMLInputElement && target.type !== 'radio');

function Points({ value, max }: { value: number; max: number }) {
  const { language } = useI18n();
  return (
    <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
      {formatPoints(value, language)}/{formatPoints(max, language)}
    </Typography.Text>
  );
}

type CriterionProps = {
  criterion: CriterionContent;
  chosen: string | undefined;
  comment: string;
  points: number;
  active: boolean;
  readOnly: boolean;
  register: (code: string, element: HTMLDivElement | null) => void;
  onKey: (code: string, event: KeyboardEvent<HTMLDivElement>) => void;
  onFocus: (code: string) => void;
  onAnswer: (criterionCode: string, optionId: string) => void;
  onComment: (criterionCode: string, text: string) => void;
  commentOpen: boolean;
  onToggleComment: (code: string) => void;
};

const ScoringCriterion = memo(function ScoringCriterion(props: CriterionProps) {
  const { criterion, chosen, comment, points, active, readOnly, commentOpen } = props;
  const { t, language } = useI18n();
  const code = criterion.code;
  const unanswered = !chosen;
  return (
    // The criterion itself takes the focus, so digits and arrows work wherever the member is on it.
    // biome-ignore lint/a11y/useSemanticElements: a fieldset cannot take the focus the keyboard entry needs
    <div
      ref={(element) => props.register(code, element)}
      id={`criterion-${code}`}
      data-testid={`criterion-${code}`}
      data-active={active ? 'true' : undefined}
      role="group"
      aria-label={`${code}. ${criterion.label}`}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: the criterion is the keyboard stop the digits and arrows act on
      tabIndex={0}
      onKeyDown={(event) => props.onKey(code, event)}
      onFocus={() => props.onFocus(code)}
      style={{
        padding: '10px 12px',
        borderRadius: 6,
        border: `${active ? 2 : 1}px solid ${active ? '#15803d' : '#f0f0f0'}`,
        margin: active ? 0 : 1,
        background: active ? '#f0fdf4' : undefined,
        scrollMarginTop: SCROLL_MARGIN_TOP,
        scrollMarginBottom: 24,
        outline: 'none',
      }}
    >
      <Flex justify="space-between" align="flex-start" gap={8}>
        <Typography.Text strong style={{ minWidth: 0 }}>
          {code}. {criterion.label}
        </Typography.Text>
        <Flex gap={8} align="center">
          {unanswered && !readOnly ? (
            <Typography.Text type="warning" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
              {t('scoring.notScored')}
            </Typography.Text>
          ) : null}
          <Points value={points} max={criterion.maxPoints} />
        </Flex>
      </Flex>
      <Radio.Group
        value={chosen ?? null}
        disabled={readOnly}
        onChange={(event) => props.onAnswer(code, String(event.target.value))}
        style={{ display: 'flex', flexDirection: 'column', gap: 4, marginTop: 8 }}
        aria-label={`${code}. ${criterion.label}`}
      >
        {criterion.options.map((option, index) => (
          <Radio key={option.id} value={option.id} style={{ alignItems: 'flex-start', whiteSpace: 'normal' }}>
            <span data-testid={`option-${option.id}`}>
              {index < 9 ? (
                <kbd aria-hidden className="ocop-key" style={KEY_STYLE}>
                  {index + 1}
                </kbd>
              ) : null}
              {option.label}{' '}
              <Typography.Text type="secondary">({t('scoring.points', { points: formatPoints(option.points, language) })})</Typography.Text>
            </span>
          </Radio>
        ))}
      </Radio.Group>
      {criterion.requirementNote ? (
        <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-line', margin: '6px 0 0', fontSize: 12 }}>
          {criterion.requirementNote}
        </Typography.Paragraph>
      ) : null}
      {commentOpen || comment ? (
        <Input.TextArea
          data-testid={`comment-${code}`}
          aria-label={t('scoring.commentOn', { code })}
          placeholder={t('scoring.commentPlaceholder')}
          value={comment}
          disabled={readOnly}
          maxLength={2_000}
          autoSize={{ minRows: 1, maxRows: 6 }}
          style={{ marginTop: 8 }}
          onChange={(event) => props.onComment(code, event.target.value)}
          onKeyDown={(event) => {
            // Esc goes back to the criterion, where the digits score again.
            if (event.key === 'Escape') (event.currentTarget.closest('[role="group"]') as HTMLElement | null)?.focus();
          }}
        />
      ) : readOnly ? null : (
        <Button
          type="link"
          size="small"
          tabIndex={-1}
          style={{ padding: 0, marginTop: 4 }}
          onClick={() => props.onToggleComment(code)}
          data-testid={`add-comment-${code}`}
        >
          {t('scoring.addComment')}
        </Button>
      )}
    </div>
  );
});

const KEY_STYLE = {
  display: 'inline-block',
  minWidth: 18,
  marginRight: 6,
  padding: '0 4px',
  border: '1px solid #d1d5db',
  borderBottomWidth: 2,
  borderRadius: 4,
  fontSize: 11,
  lineHeight: '16px',
  textAlign: 'center',
  color: '#374151',
  background: '#fafafa',
  fontFamily: 'inherit',
} as const;

/**
 * A council member's score sheet, part by part: one option per criterion, an optional comment,
 * and keyboard entry (digits pick the n-th option, Enter/↓ next criterion, ↑ previous, C comment).
 */
export function ScoringSheet({ content, answers, comments, criteriaTotals, readOnly, onAnswer, onComment }: SheetProps) {
  const { language } = useI18n();
  const order = useMemo(() => answerableCriteria(content).map((entry) => entry.criterion.code), [content]);
  const byCode = useMemo(
    () => new Map(answerableCriteria(content).map((entry) => [entry.criterion.code, entry.criterion] as const)),
    [content],
  );
  const elements = useRef(new Map<string, HTMLDivElement>());
  const [active, setActive] = useState<string | null>(null);
  const [openComments, setOpenComments] = useState<ReadonlySet<string>>(new Set());

  const register = useCallback((code: string, element: HTMLDivElement | null) => {
    if (element) elements.current.set(code, element);
    else elements.current.delete(code);
  }, []);

  const focusAt = useCallback(
    (index: number) => {
      const code = order[Math.max(0, Math.min(order.length - 1, index))];
      const element = code ? elements.current.get(code) : undefined;
      if (!element) return;
      element.focus({ preventScroll: true });
      element.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
    },
    [order],
  );

  const toggleComment = useCallback((code: string) => {
    setOpenComments((previous) => new Set(previous).add(code));
    // The box appears on the next paint; then the member types into it.
    setTimeout(() => elements.current.get(code)?.querySelector('textarea')?.focus(), 0);
  }, []);

  const onKey = useCallback(
    (code: string, event: KeyboardEvent<HTMLDivElement>) => {
      if (isTextEntry(event.target)) return;
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      const index = order.indexOf(code);
      const key = event.key;
      if (/^[1-9]$/.test(key)) {
        event.preventDefault();
        const option = byCode.get(code)?.options[Number(key) - 1];
        if (option && !readOnly) onAnswer(code, option.id);
        return;
      }
      if (key === 'Enter' || key === 'ArrowDown') {
        event.preventDefault();
        focusAt(index + 1);
      } else if (key === 'ArrowUp') {
        event.preventDefault();
        focusAt(index - 1);
      } else if ((key === 'c' || key === 'C') && !readOnly) {
        event.preventDefault();
        toggleComment(code);
      }
    },
    [order, byCode, readOnly, onAnswer, focusAt, toggleComment],
  );

  const renderCriterion = (criterion: CriterionContent, depth: number) => {
    if (criterion.children.length === 0) {
      if (criterion.options.length === 0) return null;
      return (
        <ScoringCriterion
          key={criterion.code}
          criterion={criterion}
          chosen={answers[criterion.code]}
          comment={comments[criterion.code] ?? ''}
          points={criteriaTotals.get(criterion.code) ?? 0}
          active={active === criterion.code}
          readOnly={readOnly}
          register={register}
          onKey={onKey}
          onFocus={setActive}
          onAnswer={onAnswer}
          onComment={onComment}
          commentOpen={openComments.has(criterion.code)}
          onToggleComment={toggleComment}
        />
      );
    }
    return (
      <Flex key={criterion.code} vertical gap={8} style={{ marginTop: depth > 0 ? 4 : 0 }}>
        <Flex justify="space-between" align="flex-start" gap={8}>
          <Typography.Text strong style={{ fontSize: depth === 0 ? 15 : 14, minWidth: 0 }}>
            {criterion.code}. {criterion.label}
          </Typography.Text>
          <Points value={criteriaTotals.get(criterion.code) ?? 0} max={criterion.maxPoints} />
        </Flex>
        <Flex vertical gap={8} style={{ paddingLeft: depth === 0 ? 0 : 8 }}>
          {criterion.children.map((child) => renderCriterion(child, depth + 1))}
        </Flex>
      </Flex>
    );
  };

  return (
    <Flex vertical gap={16} onBlur={() => setActive(null)}>
      {content.parts.map((part) => (
        <Card
          key={part.code}
          size="small"
          data-testid={`part-${part.code}`}
          title={<span style={{ whiteSpace: 'normal' }}>{`${part.code}. ${part.label}`}</span>}
          extra={
            <Typography.Text
              strong
            >{`${formatPoints(criteriaTotals.get(part.code) ?? partTotal(part, criteriaTotals), language)}/${formatPoints(part.maxPoints, language)}`}</Typography.Text>
          }
        >
          <Flex vertical gap={12}>
            {part.criteria.map((criterion) => renderCriterion(criterion, 0))}
          </Flex>
        </Card>
      ))}
    </Flex>
  );
}

function partTotal(part: Content['parts'][number], totals: ReadonlyMap<string, number>): number {
  return part.criteria.reduce((sum, criterion) => sum + (totals.get(criterion.code) ?? 0), 0);
}

/** Focuses the first criterion still unscored (or the first one): where the member starts or resumes. */
export function focusCriterion(code: string | undefined) {
  if (!code) return;
  const element = document.getElementById(`criterion-${code}`);
  element?.focus({ preventScroll: true });
  element?.scrollIntoView?.({ block: 'center' });
}
