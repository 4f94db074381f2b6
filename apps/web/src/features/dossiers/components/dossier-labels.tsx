import type { DossierBrief } from '@ocop/contracts/dossiers';
import type { DossierPrecondition, DossierState } from '@ocop/domain/evaluation';
import { Tag } from 'antd';
import { formatIsoDate } from '../../../lib/format';
import { isMessageKey, useI18n } from '../../../lib/i18n';
import type { MessageKey } from '../../../messages/vi';

export const DOSSIER_STATE_COLORS: Record<DossierState, string> = {
  draft: 'default',
  submitted: 'blue',
  returned_by_commune: 'orange',
  proposed: 'geekblue',
  received: 'cyan',
  returned_for_completion: 'orange',
  advisory_review: 'purple',
  council_scoring: 'magenta',
  scored: 'gold',
  recognised: 'green',
  not_recognised: 'red',
  proposed_to_ministry: 'volcano',
  ministry_recognised: 'green',
};

export const stateKey = (state: DossierState) => `dossier.state.${state}` as MessageKey;
export const kindKey = (kind: DossierBrief['kind']) => `dossier.kind.${kind}` as MessageKey;

/** The step's label; an action the table gained after this screen reads as its code. */
export function actionLabel(t: (key: MessageKey) => string, action: string): string {
  const key = `dossier.action.${action}`;
  return isMessageKey(key) ? t(key) : action;
}

export function unmetLabel(t: (key: MessageKey) => string, unmet: string): string {
  const key = `dossier.unmet.${unmet as DossierPrecondition}`;
  return isMessageKey(key) ? t(key) : unmet;
}

export function DossierStateTag({ state }: { state: DossierState }) {
  const { t } = useI18n();
  return (
    <Tag color={DOSSIER_STATE_COLORS[state]} data-testid="dossier-state">
      {t(stateKey(state))}
    </Tag>
  );
}

/** The commune's 15 working days: what is left, red once past. */
export function CommuneClockTag({ clock, withDue = false }: { clock: NonNullable<DossierBrief['communeClock']>; withDue?: boolean }) {
  const { t } = useI18n();
  const text = clock.overdue
    ? t('dossier.clock.overdue', { days: clock.used - clock.allowed })
    : t('dossier.clock.remaining', { days: clock.remaining });
  const color = clock.overdue ? 'red' : clock.remaining <= 3 ? 'orange' : 'green';
  return (
    <Tag color={color} data-testid="commune-clock" style={{ fontWeight: 600 }}>
      {text}
      {withDue ? ` · ${t('dossier.clock.dueOn', { date: formatIsoDate(clock.dueOn) })}` : ''}
    </Tag>
  );
}
