import type { SelfAssessmentView } from '@ocop/contracts/evaluation';
import { Card, Flex, Typography } from 'antd';
import { useI18n } from '../../../lib/i18n';
import type { SaveState } from '../api/use-autosave';
import { formatPoints } from './points';
import { StarIcons } from './star-icons';
import { formatDateTime } from '../../../lib/format';

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
  const stars = score.stars ?? 0;
  return (
    <Card size="small" style={{ position: 'sticky', top: 64, zIndex: 10, marginBottom: 16 }} data-testid="sa-summary">
      <Flex wrap gap="small 24px" align="center" justify="space-between">
        <Flex vertical gap={0}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('selfAssessment.total')}
          </Typography.Text>
          <Typography.Text strong style={{ fontSize: 20 }} data-testid="sa-total">
            {formatPoints(score.total, language)} / {formatPoints(score.maxPoints, language)}
          </Typography.Text>
        </Flex>
        <Flex gap="4px 16px" wrap>
          {score.parts.map((part) => (
            <Flex vertical gap={0} key={part.code} title={part.label}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('selfAssessment.part', { code: part.code })}
              </Typography.Text>
              <Typography.Text data-testid={`sa-part-${part.code}`}>
                {formatPoints(part.total, language)}/{formatPoints(part.maxPoints, language)}
              </Typography.Text>
            </Flex>
          ))}
        </Flex>
        <Flex vertical gap={0} align="flex-start">
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('selfAssessment.projected')}
          </Typography.Text>
          <Flex gap={8} align="center">
            <StarIcons stars={stars} />
            <Typography.Text strong data-testid="sa-stars">
              {score.stars === null ? t('selfAssessment.disqualified') : t('selfAssessment.stars', { stars })}
            </Typography.Text>
          </Flex>
        </Flex>
        <SaveStatus state={saveState} />
      </Flex>
    </Card>
  );
}
