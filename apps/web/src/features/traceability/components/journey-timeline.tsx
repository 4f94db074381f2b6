import { Empty, Timeline, Typography } from 'antd';
import { formatDateTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import type { JourneyStep } from '@ocop/contracts/traceability';
import { useTraceabilityTexts } from '../traceability-texts';

const COLORS: Record<JourneyStep['kind'], string> = {
  harvest: 'green',
  processing: 'blue',
  packing: 'purple',
  shipping: 'orange',
  receiving: 'cyan',
  selling: 'gold',
  other: 'gray',
};

/** Steps shown as one line: a packing form writes one event per carton, all at the same time. */
export type JourneyLine = { step: JourneyStep; count: number };

/** Consecutive steps of one kind, lot and time become one line with their count. */
export function journeyLines(steps: readonly JourneyStep[]): JourneyLine[] {
  const lines: JourneyLine[] = [];
  for (const step of steps) {
    const last = lines.at(-1);
    if (
      last &&
      last.step.kind === step.kind &&
      last.step.kind !== 'other' &&
      last.step.lotCode === step.lotCode &&
      last.step.eventTime === step.eventTime &&
      last.step.placeName === step.placeName
    )
      last.count++;
    else lines.push({ step, count: 1 });
  }
  return lines;
}

/**
 * The lot's journey, oldest first: what happened (the CBV step in the reader's language), when,
 * where, and for a processing step the lots it came from. Steps of input lots name their lot.
 */
export function JourneyTimeline({ steps, lotCode }: { steps: readonly JourneyStep[]; lotCode: string }) {
  const { language } = useI18n();
  const t = useTraceabilityTexts();
  if (steps.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('journey.empty')} />;
  return (
    <div data-testid="journey-timeline">
      <Timeline
        items={journeyLines(steps).map(({ step, count }) => ({
          key: step.eventId,
          color: COLORS[step.kind],
          content: (
            <div data-testid="journey-step" data-kind={step.kind} style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
              <Typography.Text strong style={{ fontSize: 16 }}>
                {language === 'vi' ? step.labelVi : step.labelEn}
                {count > 1 ? ` × ${count}` : ''}
              </Typography.Text>
              <div>{formatDateTime(step.eventTime)}</div>
              {step.placeName ? (
                <div>
                  <Typography.Text type="secondary">{step.placeName}</Typography.Text>
                </div>
              ) : null}
              {step.destinationName ? <div style={{ fontSize: 13 }}>{t('journey.destination', { name: step.destinationName })}</div> : null}
              {step.lotCode !== lotCode ? (
                <div style={{ fontSize: 13 }}>{t('journey.otherLot', { lotCode: step.lotCode, productName: step.productName })}</div>
              ) : null}
              {step.fromLots.length > 0 ? (
                <div style={{ fontSize: 13 }}>{t('journey.fromLots', { lots: step.fromLots.join(', ') })}</div>
              ) : null}
            </div>
          ),
        }))}
      />
    </div>
  );
}
