import type { CriteriaVersionStatus, RegimeView } from '@ocop/contracts/evaluation';
import type { MessageKey } from '../../../messages/vi';

export const STATUS_KEYS: Record<CriteriaVersionStatus, MessageKey> = {
  draft: 'criteria.status.draft',
  published: 'criteria.status.published',
  superseded: 'criteria.status.superseded',
};

export const STATUS_COLORS: Record<CriteriaVersionStatus, string> = { draft: 'gold', published: 'green', superseded: 'default' };

const SOURCE_KEYS: Record<string, MessageKey> = {
  reference: 'criteria.source.reference',
  secretariat: 'criteria.source.secretariat',
  import: 'criteria.source.import',
};

/** Sources the screens know get their text; a new one shows as the server names it. */
export function sourceLabel(source: string, t: (key: MessageKey) => string): string {
  const key = SOURCE_KEYS[source];
  return key ? t(key) : source;
}

/** "★★★" for 3 stars: the mark the decision prints beside a starred minimum. */
export const starMarks = (stars: number) => '★'.repeat(Math.max(0, Math.min(5, stars)));

export type RegimeState = 'inForce' | 'ended' | 'notYet';

/** The server says which regime is in force; the others are ended or still to come by their dates. */
export function regimeState(regime: Pick<RegimeView, 'inForce' | 'effectiveFrom' | 'effectiveTo'>, today: string): RegimeState {
  if (regime.inForce) return 'inForce';
  if (regime.effectiveFrom > today) return 'notYet';
  return 'ended';
}

export const REGIME_STATE_KEYS: Record<RegimeState, MessageKey> = {
  inForce: 'criteria.regime.inForce',
  ended: 'criteria.regime.ended',
  notYet: 'criteria.regime.notYet',
};

export const REGIME_STATE_COLORS: Record<RegimeState, string> = { inForce: 'green', ended: 'default', notYet: 'blue' };

// Points carry at most two decimals: add in hundredths, as the server does, so 0.1 + 0.2 is 0.3.
export const sumPoints = (values: readonly number[]) => values.reduce((sum, value) => sum + Math.round(value * 100), 0) / 100;
export const samePoints = (a: number, b: number) => Math.round(a * 100) === Math.round(b * 100);

/** Points the Vietnamese way (comma decimals) without trailing zeros. */
export const formatPoints = (points: number) => String(points).replace('.', ',');
