import type { SelfAssessmentView } from '@ocop/contracts/evaluation';
import { Card, Flex, Typography } from 'antd';
import { formatDateTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { useMediaQuery } from '../../../lib/use-media-query';
import type { SaveState } from '../api/use-autosave';
import { formatPoints } from './points';
import { StarIcons } from './star-icons';

/** antd's `sm` breakpoint. */
const WIDE_QUERY = '(min-width: 576px)';

function SaveStatus({ state }: { state: SaveState }) {
  const { t } = useI18n();
  const text =
    state.kind === 'pending' || state.kind === 'saving'
      ? t('selfAssessment.saving')
      : state.kind === 'saved' && state.at
        ? t('selfAssessment.savedAt', { time: formatDateTime(state.at, 'HH:mm') })
        : state.kind === 'failed'
          ? t('selfAssessment.saveFailed')
          : state.kind === 'reloaded'
            ? t('selfAssessment.reloadedShort')
            : t('selfAssessment.notSavedYet');
  return (
    <Typography.Text type={state.kind === 'failed' ? 'danger' : 'secondary'} style={{ fontSize: 12 }} data-testid="sa-save-status">
      {text}
    </Typography.Text>
  );
}

/** Stays under the header while the sheet scrolls: total, parts, projected stars and the save state. */
export function AssessmentSummary({ score, saveState }: { score: SelfAssessmentView['score']; saveState: SaveState }) {
  const { t, language } = useI18n();
  // On a phone the summary is two short lines, so the sheet keeps most of the screen.
  const compact = !useMediaQuery(WIDE_QUERY);
  const stars = score.stars ?? 0;
  const starsText = score.stars === null ? t('selfAssessment.disqualified') : t('selfAssessment.stars', { stars });
  const label = (text: string) => (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {text}
    </Typography.Text>
  );
  const total = (
    <Typography.Text strong style={{ fontSize: compact ? 18 : 20, whiteSpace: 'nowrap' }} data-testid="sa-total">
      {formatPoints(score.total, language)} / {formatPoints(score.maxPoints, language)}
    </Typography.Text>
  );
  const projected = (
    <Flex gap={8} align="center">
      <StarIcons stars={stars} size={compact ? 16 : 20} />
      <Typography.Text strong data-testid="sa-stars">
        {starsText}
      </Typography.Text>
    </Flex>
  );
  const parts = score.parts.map((part) => (
    <span key={part.code} title={part.label} style={{ whiteSpace: 'nowrap' }}>
      {compact ? <Typography.Text type="secondary">{part.code} </Typography.Text> : null}
      <Typography.Text data-testid={`sa-part-${part.code}`}>
        {formatPoints(part.total, language)}/{formatPoints(part.maxPoints, language)}
      </Typography.Text>
    </span>
  ));
  const style = { position: 'sticky', top: 64, zIndex: 10, marginBottom: 16 } as const;
  if (compact)
    return (
      <Card size="small" style={style} styles={{ body: { padding: '6px 12px' } }} data-testid="sa-summary">
        <Flex justify="space-between" align="center" gap={8} wrap>
          <Flex gap={6} align="baseline">
            {label(t('selfAssessment.total'))}
            {total}
          </Flex>
          {projected}
        </Flex>
        <Flex justify="space-between" align="center" gap={8} wrap style={{ fontSize: 13 }}>
          <Flex gap={10}>{parts}</Flex>
          <SaveStatus state={saveState} />
        </Flex>
      </Card>
    );
  return (
    <Card size="small" style={style} data-testid="sa-summary">
      <Flex wrap gap="small 24px" align="center" justify="space-between">
        <Flex vertical gap={0}>
          {label(t('selfAssessment.total'))}
          {total}
        </Flex>
        <Flex gap="4px 16px" wrap>
          {score.parts.map((part, index) => (
            <Flex vertical gap={0} key={part.code}>
              {label(t('selfAssessment.part', { code: part.code }))}
              {parts[index]}
            </Flex>
          ))}
        </Flex>
        <Flex vertical gap={0} align="flex-start">
          {label(t('selfAssessment.projected'))}
          {projected}
        </Flex>
        <SaveStatus state={saveState} />
      </Flex>
    </Card>
  );
}
