import { Button, Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../../lib/i18n';
import { useMediaQuery } from '../../../lib/use-media-query';
import { formatPoints } from '../../self-assessment/components/points';
import { StarIcons } from '../../self-assessment/components/star-icons';
import type { SheetSaveState } from '../api/use-sheet-autosave';
import type { RunningScore } from './local-score';

/** antd's `md` breakpoint: below it the running total is two short lines. */
const WIDE_QUERY = '(min-width: 768px)';

function SaveStatus({ state }: { state: SheetSaveState }) {
  const { t } = useI18n();
  const text =
    state.kind === 'pending' || state.kind === 'saving'
      ? t('scoring.saving')
      : state.kind === 'saved'
        ? t('scoring.saved')
        : state.kind === 'failed'
          ? t('scoring.saveFailed')
          : state.kind === 'reloaded'
            ? t('scoring.reloadedShort')
            : t('scoring.notSavedYet');
  return (
    <Typography.Text type={state.kind === 'failed' ? 'danger' : 'secondary'} style={{ fontSize: 12 }} data-testid="sc-save-status">
      {text}
    </Typography.Text>
  );
}

/** Stays under the header while the sheet scrolls: total, parts, the projected band and stars, and the submit button. */
export function SheetSummary({
  score,
  answered,
  answerable,
  saveState,
  action,
}: {
  score: RunningScore;
  answered: number;
  answerable: number;
  saveState: SheetSaveState | null;
  action?: ReactNode;
}) {
  const { t, language } = useI18n();
  const wide = useMediaQuery(WIDE_QUERY);
  const label = (text: string) => (
    <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
      {text}
    </Typography.Text>
  );
  const stars =
    score.stars === null ? (
      <Typography.Text type="secondary">—</Typography.Text>
    ) : (
      <Flex gap={6} align="center">
        <StarIcons stars={score.stars} size={wide ? 18 : 14} />
        <Typography.Text strong data-testid="sc-stars">
          {t('scoring.stars', { stars: score.stars })}
        </Typography.Text>
        {score.band !== null && score.band !== score.stars ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="sc-band">
            {t('scoring.bandHeldBack', { band: score.band })}
          </Typography.Text>
        ) : null}
      </Flex>
    );
  return (
    <Card
      size="small"
      style={{ position: 'sticky', top: 64, zIndex: 10, marginBottom: 12, boxShadow: '0 2px 6px rgba(0,0,0,0.06)' }}
      styles={{ body: { padding: wide ? '8px 16px' : '6px 10px' } }}
      data-testid="sc-summary"
    >
      <Flex wrap gap={wide ? '6px 24px' : '4px 12px'} align="center" justify="space-between">
        <Flex vertical={wide} gap={wide ? 0 : 6} align={wide ? 'flex-start' : 'baseline'}>
          {label(t('scoring.total'))}
          <Typography.Text strong style={{ fontSize: wide ? 22 : 18, whiteSpace: 'nowrap' }} data-testid="sc-total">
            {formatPoints(score.total, language)} / {formatPoints(score.maxPoints, language)}
          </Typography.Text>
        </Flex>
        <Flex gap={wide ? 16 : 10}>
          {score.parts.map((part) => (
            <Flex vertical={wide} gap={wide ? 0 : 4} key={part.code} title={part.label}>
              {label(wide ? t('scoring.part', { code: part.code }) : part.code)}
              <Typography.Text data-testid={`sc-part-${part.code}`} style={{ whiteSpace: 'nowrap' }}>
                {formatPoints(part.total, language)}/{formatPoints(part.maxPoints, language)}
              </Typography.Text>
            </Flex>
          ))}
        </Flex>
        <Flex vertical gap={0}>
          {wide ? label(t('scoring.projected')) : null}
          {stars}
        </Flex>
        <Flex vertical gap={0} align={wide ? 'flex-end' : 'flex-start'}>
          <Typography.Text data-testid="sc-answered" style={{ whiteSpace: 'nowrap', fontSize: 13 }}>
            {t('scoring.answered', { answered, total: answerable })}
          </Typography.Text>
          {saveState ? <SaveStatus state={saveState} /> : null}
        </Flex>
        {action}
      </Flex>
    </Card>
  );
}

export function SubmitButton({ onClick, loading }: { onClick: () => void; loading: boolean }) {
  const { t } = useI18n();
  return (
    <Button type="primary" onClick={onClick} loading={loading} data-testid="sc-submit">
      {t('scoring.submit')}
    </Button>
  );
}
