import { ArrowLeftOutlined } from '@ant-design/icons';
import type { MySheetView } from '@ocop/contracts/councils';
import { Alert, Button, Flex, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useFeedback } from '../../../components/feedback/feedback';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { PageHeader } from '../../../components/ui/page-header';
import { PageLoading } from '../../../components/ui/page-loading';
import { useDossier, useMySheet, useRegime } from '../../../features/councils/api/scoring';
import { useSheetAutosave } from '../../../features/councils/api/use-sheet-autosave';
import { ConflictDeclaration } from '../../../features/councils/components/conflict-declaration';
import { answerableCriteria, prepareLocalSheet, runningScore } from '../../../features/councils/components/local-score';
import { SheetSummary, SubmitButton } from '../../../features/councils/components/sheet-summary';
import { focusCriterion, ScoringSheet } from '../../../features/councils/components/scoring-sheet';
import { formatPoints } from '../../../features/self-assessment/components/points';
import { formatDateTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';

function KeyHelp() {
  const { t } = useI18n();
  return (
    <Typography.Paragraph type="secondary" style={{ fontSize: 12, margin: '0 0 12px' }} data-testid="sc-keys">
      {t('scoring.keys')}
    </Typography.Paragraph>
  );
}

function SealedNotice({ sheet }: { sheet: MySheetView }) {
  const { t } = useI18n();
  return (
    <Alert
      type="success"
      showIcon
      data-testid="sc-sealed"
      title={t('scoring.sealedAt', { time: formatDateTime(sheet.submittedAt) })}
      description={
        <Flex vertical gap={2}>
          <span>
            {t('scoring.sealHash')}{' '}
            <Typography.Text code copyable style={{ wordBreak: 'break-all' }} data-testid="sc-hash">
              {sheet.hash ?? ''}
            </Typography.Text>
          </span>
          {sheet.sealSeq !== null ? <span>{t('scoring.sealSeq', { seq: sheet.sealSeq })}</span> : null}
        </Flex>
      }
    />
  );
}

function SheetEditor({ view }: { view: MySheetView }) {
  const { t, language } = useI18n();
  const { modal } = useFeedback();
  const { answers, comments, sheet, state, answer, comment, submit } = useSheetAutosave(view);
  const regime = useRegime(view.version.regimeCode);
  const prepared = useMemo(() => prepareLocalSheet(view.content, regime.data), [view.content, regime.data]);
  const score = useMemo(
    () => runningScore(prepared, view.content, answers, Boolean(regime.data)),
    [prepared, view.content, answers, regime.data],
  );
  const answerable = useMemo(() => answerableCriteria(view.content), [view.content]);
  const [submitting, setSubmitting] = useState(false);
  const submitted = sheet.status === 'submitted';
  const readOnly = !sheet.canEdit || submitted;

  // A member opening the sheet starts where they left off: the first criterion not yet scored.
  // Only on opening: later the focus follows the member's keys.
  const opening = useRef(readOnly ? undefined : (score.unanswered[0] ?? answerable[0]?.criterion.code));
  useEffect(() => focusCriterion(opening.current), []);

  const askSubmit = () => {
    if (score.unanswered.length > 0) {
      const labels = new Map(answerable.map((entry) => [entry.criterion.code, entry.criterion.label]));
      modal.confirm({
        title: t('scoring.incompleteTitle', { count: score.unanswered.length }),
        content: (
          <ul data-testid="sc-unanswered" style={{ paddingLeft: 18, margin: '8px 0 0', maxHeight: 260, overflow: 'auto' }}>
            {score.unanswered.map((code) => (
              <li key={code}>
                {code}. {labels.get(code)}
              </li>
            ))}
          </ul>
        ),
        okText: t('scoring.goToUnanswered'),
        cancelText: t('common.close'),
        onOk: () => focusCriterion(score.unanswered[0]),
      });
      return;
    }
    modal.confirm({
      title: t('scoring.submitTitle'),
      content: t('scoring.submitText', {
        total: formatPoints(score.total, language),
        projected: score.stars === null ? '—' : t('scoring.stars', { stars: score.stars }),
      }),
      okText: t('scoring.submit'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        setSubmitting(true);
        try {
          await submit();
        } finally {
          setSubmitting(false);
        }
      },
    });
  };

  return (
    <>
      <SheetSummary
        score={score}
        answered={answerable.length - score.unanswered.length}
        answerable={answerable.length}
        saveState={readOnly ? null : state}
        action={readOnly ? undefined : <SubmitButton onClick={askSubmit} loading={submitting} />}
      />
      <Flex vertical gap={8} style={{ marginBottom: 12 }}>
        {submitted ? <SealedNotice sheet={sheet} /> : null}
        {!submitted && !sheet.canEdit ? <Alert type="info" showIcon title={t('scoring.notOpen')} data-testid="sc-not-open" /> : null}
        {state.kind === 'reloaded' ? <Alert type="warning" showIcon title={t('scoring.reloaded')} data-testid="sc-reloaded" /> : null}
        {state.kind === 'failed' ? <ErrorAlert error={state.error} title={t('scoring.saveFailed')} /> : null}
      </Flex>
      {readOnly ? null : <KeyHelp />}
      <ScoringSheet
        content={view.content}
        answers={answers}
        comments={comments}
        criteriaTotals={score.criteria}
        readOnly={readOnly}
        onAnswer={answer}
        onComment={comment}
      />
    </>
  );
}

/** A council member scores one dossier: the conflict declaration first, then the sheet with keyboard entry. */
export function ScoringSheetPage() {
  const { dossierId = '' } = useParams();
  const { t } = useI18n();
  const query = useMySheet(dossierId);
  const dossier = useDossier(dossierId);
  if (query.isPending) return <PageLoading />;
  if (query.isError) return <ErrorAlert error={query.error} />;
  const view = query.data;
  const product = dossier.data ? `${dossier.data.product.name} — ${dossier.data.producer.name}` : null;
  const body = view.conflict?.hasConflict ? (
    <Alert
      type="warning"
      showIcon
      data-testid="sc-conflicted"
      title={t('scoring.conflict.declared')}
      description={view.conflict.reason ? t('scoring.conflict.reasonWas', { reason: view.conflict.reason }) : undefined}
    />
  ) : view.conflict === null && view.status !== 'submitted' && view.canEdit ? (
    <ConflictDeclaration dossierId={dossierId} />
  ) : (
    <SheetEditor key={`${view.dossierId}:${view.version.id}`} view={view} />
  );
  return (
    <>
      <PageHeader
        title={t('scoring.title')}
        description={
          <Flex vertical gap={2} component="span">
            {product ? <Typography.Text strong>{product}</Typography.Text> : null}
            <span>{t('scoring.sheetOf', { council: view.council.name, set: `${view.version.productSetCode} ${view.version.name}` })}</span>
          </Flex>
        }
        extra={
          <Link to="/scoring">
            <Button icon={<ArrowLeftOutlined />}>{t('scoring.backToList')}</Button>
          </Link>
        }
      />
      {body}
    </>
  );
}
