/**
 * The life of an evaluation dossier under QĐ 26/2026, Art. 7 (and Art. 5 for the rounds): one table
 * of state, action, who acts and what must hold, which the server and the screens both read, so a
 * button never offers what the server would refuse. The ≥ 90-point threshold and the star levels
 * the province recognises come from the regime.
 */
import { DomainError } from '../shared/domain-error';
import type { Regime } from './regime';
import { bandMinPoints, recognitionLevel } from './regime';

export const DOSSIER_STATES = [
  'draft',
  'submitted',
  'returned_by_commune',
  'proposed',
  'received',
  'returned_for_completion',
  'advisory_review',
  'council_scoring',
  'scored',
  'recognised',
  'not_recognised',
  'proposed_to_ministry',
  'ministry_recognised',
] as const;
export type DossierState = (typeof DOSSIER_STATES)[number];

/** Who takes a step: the producer's members, the commune officer, the province's OCOP office, or the council's secretary. */
export type DossierParty = 'producer' | 'commune' | 'secretariat' | 'council';

export const DOSSIER_PRECONDITIONS = [
  'documents_complete',
  'self_assessment_complete',
  'reasons_given',
  'commune_report_attached',
  'council_assigned',
  'samples_received',
  'quorum_reached',
  'result_recognised_by_province',
  'result_not_recognised',
  'result_for_ministry',
  'decision_recorded',
  'ministry_result_recorded',
] as const;
export type DossierPrecondition = (typeof DOSSIER_PRECONDITIONS)[number];

/** What the server knows about the dossier when a step is asked for. */
export interface DossierFacts {
  readonly missingDocuments: readonly string[];
  readonly selfAssessmentComplete: boolean;
  /** The reasons typed for a return; empty when none. */
  readonly reasons: string;
  readonly communeReportAttached: boolean;
  readonly councilAssigned: boolean;
  /** Product samples the office ticked as received, and how many the product owes (5; none for tourism services, Art. 6.2.d). */
  readonly samplesReceived: number;
  readonly samplesRequired: number;
  readonly submittedSheets: number;
  readonly quorum: number;
  /** The council's result once scored: the members' average and the stars it reaches. */
  readonly result: { readonly total: number; readonly stars: number | null } | null;
  readonly decisionRecorded: boolean;
  readonly ministryResult: { readonly stars: number } | null;
}

export interface LifecycleStep {
  readonly action: string;
  readonly from: readonly DossierState[];
  readonly to: DossierState;
  readonly by: DossierParty;
  readonly requires: readonly DossierPrecondition[];
}

/** Art. 7.1–7.4 as steps; a return sends the dossier back to whoever must complete it. */
export const DOSSIER_LIFECYCLE: readonly LifecycleStep[] = [
  {
    action: 'submit',
    from: ['draft', 'returned_by_commune'],
    to: 'submitted',
    by: 'producer',
    requires: ['documents_complete', 'self_assessment_complete'],
  },
  { action: 'return_to_producer', from: ['submitted'], to: 'returned_by_commune', by: 'commune', requires: ['reasons_given'] },
  { action: 'propose', from: ['submitted'], to: 'proposed', by: 'commune', requires: ['commune_report_attached'] },
  { action: 'receive', from: ['proposed'], to: 'received', by: 'secretariat', requires: [] },
  {
    action: 'return_for_completion',
    from: ['received', 'advisory_review'],
    to: 'returned_for_completion',
    by: 'secretariat',
    requires: ['reasons_given'],
  },
  { action: 'complete', from: ['returned_for_completion'], to: 'received', by: 'producer', requires: ['documents_complete'] },
  { action: 'send_to_advisory', from: ['received'], to: 'advisory_review', by: 'secretariat', requires: [] },
  {
    action: 'send_to_council',
    from: ['received', 'advisory_review'],
    to: 'council_scoring',
    by: 'secretariat',
    requires: ['council_assigned', 'samples_received'],
  },
  { action: 'close_scoring', from: ['council_scoring'], to: 'scored', by: 'council', requires: ['quorum_reached'] },
  {
    action: 'recognise',
    from: ['scored'],
    to: 'recognised',
    by: 'secretariat',
    requires: ['result_recognised_by_province', 'decision_recorded'],
  },
  { action: 'not_recognise', from: ['scored'], to: 'not_recognised', by: 'secretariat', requires: ['result_not_recognised'] },
  {
    action: 'propose_to_ministry',
    from: ['scored'],
    to: 'proposed_to_ministry',
    by: 'secretariat',
    requires: ['result_for_ministry', 'decision_recorded'],
  },
  {
    action: 'record_ministry_recognition',
    from: ['proposed_to_ministry'],
    to: 'ministry_recognised',
    by: 'secretariat',
    requires: ['ministry_result_recorded'],
  },
  // Art. 7.4: below 90 at the ministry, the province may recognise 3★ or 4★ from the ministry's result.
  {
    action: 'recognise_from_ministry_result',
    from: ['proposed_to_ministry'],
    to: 'recognised',
    by: 'secretariat',
    requires: ['ministry_result_recorded', 'decision_recorded'],
  },
];

export type DossierAction = (typeof DOSSIER_LIFECYCLE)[number]['action'];

function holds(precondition: DossierPrecondition, facts: DossierFacts, regime: Regime, action: string): boolean {
  const fiveStarFrom = bandMinPoints(regime, 5) ?? Number.POSITIVE_INFINITY;
  const result = facts.result;
  switch (precondition) {
    case 'documents_complete':
      return facts.missingDocuments.length === 0;
    case 'self_assessment_complete':
      return facts.selfAssessmentComplete;
    case 'reasons_given':
      return facts.reasons.trim().length > 0;
    case 'commune_report_attached':
      return facts.communeReportAttached;
    case 'council_assigned':
      return facts.councilAssigned;
    case 'samples_received':
      return facts.samplesReceived >= facts.samplesRequired;
    case 'quorum_reached':
      return facts.quorum > 0 && facts.submittedSheets >= facts.quorum;
    case 'result_recognised_by_province':
      if (action === 'recognise_from_ministry_result') {
        const stars = facts.ministryResult?.stars;
        return stars !== undefined && recognitionLevel(regime, stars) === 'province';
      }
      return (
        result !== null && result.total < fiveStarFrom && result.stars !== null && recognitionLevel(regime, result.stars) === 'province'
      );
    case 'result_not_recognised':
      return result !== null && result.total < fiveStarFrom && (result.stars === null || recognitionLevel(regime, result.stars) === null);
    case 'result_for_ministry':
      return result !== null && result.stars !== null && result.total >= fiveStarFrom;
    case 'decision_recorded':
      return facts.decisionRecorded;
    case 'ministry_result_recorded':
      if (!facts.ministryResult) return false;
      // Recorded 5★ makes the ministry's recognition; a lower result is the province's to recognise.
      return action === 'record_ministry_recognition'
        ? recognitionLevel(regime, facts.ministryResult.stars) === 'ministry'
        : recognitionLevel(regime, facts.ministryResult.stars) === 'province';
  }
}

export interface StepCheck {
  readonly step: LifecycleStep;
  readonly unmet: readonly DossierPrecondition[];
}

/** The steps a party may take from a state, each with the preconditions still missing (none: it can be taken now). */
export function stepsFrom(state: DossierState, party: DossierParty, facts: DossierFacts, regime: Regime): StepCheck[] {
  return DOSSIER_LIFECYCLE.filter((step) => step.by === party && step.from.includes(state)).map((step) => ({
    step,
    unmet: step.requires.filter((precondition) => !holds(precondition, facts, regime, step.action)),
  }));
}

/** The state after `action`, or the reason it is refused (wrong state, wrong party, what is missing). */
export function nextDossierState(
  state: DossierState,
  action: string,
  party: DossierParty,
  facts: DossierFacts,
  regime: Regime,
): DossierState {
  const step = DOSSIER_LIFECYCLE.find((candidate) => candidate.action === action && candidate.from.includes(state));
  if (!step) throw new DomainError('conflict', 'dossier.action_not_allowed', `${action} is not a step from ${state}`, { action, state });
  if (step.by !== party)
    throw new DomainError('forbidden', 'dossier.not_your_step', `${action} is taken by ${step.by}`, { action, party: step.by });
  const unmet = step.requires.filter((precondition) => !holds(precondition, facts, regime, action));
  if (unmet.length > 0) {
    throw new DomainError('invalid', 'dossier.preconditions_unmet', `${action} needs ${unmet.join(', ')}`, {
      action,
      unmet: unmet.join(', '),
      missingDocuments: facts.missingDocuments.join(', '),
    });
  }
  return step.to;
}
