import type { DossierFacts, DossierPrecondition, Regime } from '@ocop/domain/evaluation';
import { DomainError } from '@ocop/domain/shared';
import type { ScoringFacts } from './dossier-ports';
import type { DossierRow } from './dossier.tables';

/** What the lifecycle needs to know, from the stored dossier and what the use case adds. */
export function dossierFacts(
  row: DossierRow,
  known: {
    missingDocuments: readonly string[];
    selfAssessmentComplete: boolean;
    samplesRequired: number;
    reasons?: string | undefined;
    scoring?: ScoringFacts | undefined;
    decisionRecorded?: boolean;
  },
): DossierFacts {
  const stored = row.result ? { total: row.result.total, stars: row.result.stars } : null;
  const scored = known.scoring?.result ? { total: known.scoring.result.total, stars: known.scoring.result.stars } : null;
  return {
    missingDocuments: known.missingDocuments,
    selfAssessmentComplete: known.selfAssessmentComplete,
    reasons: known.reasons ?? '',
    communeReportAttached: row.communeReport !== null,
    councilAssigned: row.councilId !== null,
    samplesReceived: row.samplesReceived,
    samplesRequired: known.samplesRequired,
    submittedSheets: known.scoring?.submittedSheets ?? 0,
    quorum: known.scoring?.quorum ?? 0,
    result: stored ?? scored,
    decisionRecorded: known.decisionRecorded ?? false,
    ministryResult: row.ministryResult ? { stars: row.ministryResult.stars } : null,
  };
}

/**
 * The refusal for the first precondition still unmet, with its own code and the figures a person
 * needs ("missing: the business registration", "3 of 5 sheets"), rather than the table's names.
 */
export function refusalFor(
  unmet: DossierPrecondition,
  facts: DossierFacts,
  context: { action: string; unansweredCriteria: number; regime: Regime },
): DomainError {
  switch (unmet) {
    case 'documents_complete':
      return new DomainError('invalid', 'dossier.documents_missing', 'Documents are missing.', {
        missingDocuments: facts.missingDocuments.join('; '),
        missing: [...facts.missingDocuments],
      });
    case 'self_assessment_complete':
      return new DomainError('invalid', 'dossier.self_assessment_incomplete', 'The self-assessment is incomplete.', {
        missing: context.unansweredCriteria,
      });
    case 'reasons_given':
      return new DomainError('invalid', 'dossier.reasons_required', 'Reasons are required.');
    case 'commune_report_attached':
      return new DomainError('invalid', 'dossier.commune_report_missing', 'The commune report is missing.');
    case 'council_assigned':
      return new DomainError('invalid', 'dossier.council_not_assigned', 'No council is assigned.');
    case 'samples_received':
      return new DomainError('invalid', 'dossier.samples_missing', 'Samples are missing.', {
        samplesReceived: facts.samplesReceived,
        samplesRequired: facts.samplesRequired,
      });
    case 'quorum_reached':
      return new DomainError('invalid', 'dossier.quorum_not_reached', 'The quorum is not reached.', {
        submittedSheets: facts.submittedSheets,
        quorum: facts.quorum,
      });
    case 'result_recognised_by_province':
    case 'result_not_recognised':
    case 'result_for_ministry':
      return new DomainError('invalid', 'dossier.result_not_for_this_step', 'The result does not fit the step.', {
        action: context.action,
        total: facts.result?.total ?? '—',
        stars: facts.result?.stars ?? '—',
      });
    case 'decision_recorded':
      return new DomainError('invalid', 'dossier.decision_missing', 'A decision is needed.');
    case 'ministry_result_recorded':
      return new DomainError('invalid', 'dossier.ministry_result_missing', 'The ministry’s result is missing.');
  }
}
