import type { RegimeView } from '@ocop/contracts/evaluation';
import { Button, Card, Descriptions, Flex, Tag, Typography } from 'antd';
import { formatIsoDate } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { formatPoints, REGIME_STATE_COLORS, REGIME_STATE_KEYS, type RegimeState, sumPoints } from './criteria-format';

const joinStars = (stars: readonly number[]) => stars.join(', ');

/** One decision with its numbers as the data states them (parts, bands, recognition, validity, re-evaluation). */
export function RegimeCard({
  regime,
  state,
  selected,
  onOpen,
}: {
  regime: RegimeView;
  state: RegimeState;
  selected: boolean;
  onOpen: () => void;
}) {
  const { t } = useI18n();
  const notStated = <Typography.Text type="secondary">{t('criteria.regime.notStated')}</Typography.Text>;
  const effective = regime.effectiveTo
    ? t('criteria.regime.effectiveRange', { from: formatIsoDate(regime.effectiveFrom), to: formatIsoDate(regime.effectiveTo) })
    : t('criteria.regime.effective', { from: formatIsoDate(regime.effectiveFrom) });
  const total = sumPoints(regime.parts.map((part) => part.maxPoints));
  return (
    <Card
      data-testid="regime-card"
      data-regime={regime.code}
      style={{ height: '100%', borderColor: selected ? '#15803d' : undefined, borderWidth: selected ? 2 : 1 }}
      title={
        <Flex gap={8} align="center" wrap>
          <span style={{ whiteSpace: 'normal' }}>{regime.name}</span>
          <Tag color={REGIME_STATE_COLORS[state]} data-testid="regime-state">
            {t(REGIME_STATE_KEYS[state])}
          </Tag>
        </Flex>
      }
      styles={{ header: { paddingBlock: 8 }, body: { padding: 16 } }}
      actions={[
        <Button key="open" type={selected ? 'primary' : 'link'} onClick={onOpen} data-testid="regime-open">
          {t('criteria.regime.open')}
        </Button>,
      ]}
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {effective}
        <br />
        {t('criteria.regime.basis', {
          docNo: regime.legalBasis.docNo,
          signed: formatIsoDate(regime.legalBasis.signed),
          article: regime.legalBasis.article,
        })}
      </Typography.Paragraph>
      <Descriptions size="small" column={1} colon={false} styles={{ label: { width: 150 } }}>
        <Descriptions.Item label={t('criteria.regime.parts')}>
          <Flex gap={4} wrap data-testid="regime-parts">
            {regime.parts.map((part) => (
              <Tag key={part.code} title={part.label}>
                {part.code}: {formatPoints(part.maxPoints)}
              </Tag>
            ))}
            <Tag color="green">
              {t('criteria.regime.total')}: {formatPoints(total)}
            </Tag>
          </Flex>
        </Descriptions.Item>
        <Descriptions.Item label={t('criteria.regime.bands')}>
          <Flex vertical data-testid="regime-bands">
            {regime.starBands.map((band) => (
              <span key={band.stars}>{t('criteria.regime.band', { stars: band.stars, min: formatPoints(band.minPoints) })}</span>
            ))}
          </Flex>
        </Descriptions.Item>
        <Descriptions.Item label={t('criteria.regime.recognition')}>
          {regime.recognition ? (
            <Flex vertical>
              {regime.recognition.map((entry) => (
                <span key={entry.level}>{t(`criteria.regime.recognition.${entry.level}`, { stars: joinStars(entry.stars) })}</span>
              ))}
              {regime.starsWithoutDecision ? (
                <span>{t('criteria.regime.withoutDecision', { stars: joinStars(regime.starsWithoutDecision) })}</span>
              ) : null}
            </Flex>
          ) : (
            notStated
          )}
        </Descriptions.Item>
        <Descriptions.Item label={t('criteria.regime.validity')}>
          {regime.certificateValidityMonths === null
            ? notStated
            : t('criteria.regime.validityMonths', { months: regime.certificateValidityMonths })}
        </Descriptions.Item>
        <Descriptions.Item label={t('criteria.regime.reEvaluation')}>
          {regime.reEvaluationFiling
            ? t('criteria.regime.reEvaluationWindow', {
                earliest: regime.reEvaluationFiling.earliestDaysBeforeExpiry,
                latest: regime.reEvaluationFiling.latestDaysBeforeExpiry,
              })
            : notStated}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Text type="secondary">{t('criteria.regime.publishedSets', { count: regime.publishedSets })}</Typography.Text>
    </Card>
  );
}
