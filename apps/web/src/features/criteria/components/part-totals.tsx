import { Flex, Tag } from 'antd';
import { useI18n } from '../../../lib/i18n';
import { formatPoints, samePoints } from './criteria-format';

export type PartTotal = { code: string; maxPoints: number; sum: number };

/** Each part's criteria added up beside the regime's maximum: red where they differ. */
export function PartTotals({ totals, testId = 'part-totals' }: { totals: readonly PartTotal[]; testId?: string }) {
  const { t } = useI18n();
  return (
    <Flex gap={4} wrap data-testid={testId}>
      {totals.map((part) => {
        const ok = samePoints(part.sum, part.maxPoints);
        return (
          <Tag
            key={part.code}
            color={ok ? 'green' : 'red'}
            data-testid="part-total"
            data-part={part.code}
            data-ok={ok ? 'true' : 'false'}
            title={t('criteria.tree.partSum', { sum: formatPoints(part.sum), max: formatPoints(part.maxPoints) })}
          >
            {part.code}: {formatPoints(part.sum)}/{formatPoints(part.maxPoints)}
          </Tag>
        );
      })}
    </Flex>
  );
}
