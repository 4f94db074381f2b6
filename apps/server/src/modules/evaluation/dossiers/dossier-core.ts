import {
  type Answers,
  changedCriteria,
  type ChecklistLine,
  DOSSIER_LIFECYCLE,
  type DossierParty,
  type DossierState,
  dossierChecklist,
  missingOf,
  nextDossierState,
  type PreparedSheet,
  type Regime,
  samplesRequired,
  stepsFrom,
} from '@ocop/domain/evaluation';
import { vietnamDate } from '@ocop/domain/registry';
import { DomainError } from '@ocop/domain/shared';
import type { Clock } from '../../../platform/clock';
import type { EventPublisher } from '../../../platform/domain-events';
import type { AuditContext, AuditService } from '../../identity';
import type { CriteriaService } from '../criteria/criteria.service';
import type { EvaluationEvents } from '../evaluation-events';
import type { SelfAssessmentService } from '../self-assessment/self-assessment.service';
import { type DossierAccess, dossierNotFound } from './dossier-access';
import { dossierFacts, refusalFor } from './dossier-facts';
import { noticeFor } from './dossier-notices';
import type { DossierActor, DossierNotifier, DossierPeople, DossierRegistry, DossierScoring, ScoringFacts } from './dossier-ports';
import type { DossierJoined, DossierRepository } from './dossier.repository';
import type { DossierEvidenceRow, DossierInsert, DossierRow } from './dossier.tables';

export type DossierDeps = {
  clock: Clock;
  audit: AuditService;
  criteria: CriteriaService;
  selfAssessments: SelfAssessmentService;
  registry: DossierRegistry;
  people: DossierPeople;
  notifier: DossierNotifier;
  scoring: DossierScoring;
  repository: DossierRepository;
  access: DossierAccess;
  /** Where a recognition is announced (the certification issues the certificate in the same transaction). */
  events: EventPublisher<EvaluationEvents>;
};

/** Everything known about a dossier at one moment: the rules' facts and what the screen shows. */
export type DossierContext = {
  row: DossierJoined;
  regime: Regime;
  sheet: PreparedSheet | null;
  criteriaVersionId: string | null;
  answers: Answers;
  selfAssessmentComplete: boolean;
  unansweredCriteria: number;
  productSetCode: string | null;
  evidence: DossierEvidenceRow[];
  checklist: ChecklistLine[];
  missingDocuments: string[];
  samplesRequired: number;
};

/** States in which the producer's own content (Mẫu 01 fields, evidence) may still change. */
export const PRODUCER_EDITABLE: readonly DossierState[] = ['draft', 'returned_by_commune', 'returned_for_completion'];

export const actionsOnlyByDecision = new Set(['recognise', 'propose_to_ministry', 'recognise_from_ministry_result']);

/** The parts shared by the dossier's use cases: loading with scope, the facts, one checked transition. */
export function createDossierCore(deps: DossierDeps) {
  const { clock, audit, criteria, selfAssessments, notifier, people, scoring, repository, access, events } = deps;
  const today = () => vietnamDate(clock.now());

  async function readable(actor: DossierActor, id: string): Promise<DossierJoined> {
    const row = await repository.findJoined(id);
    if (!row || !(await access.mayRead(actor, row))) throw dossierNotFound();
    return row;
  }

  /** The frozen answers once submitted; the producer's live self-assessment while a draft (when the reader may see it). */
  async function answersOf(
    actor: DossierActor,
    row: DossierRow,
  ): Promise<{ sheet: PreparedSheet | null; answers: Answers; setCode: string | null; versionId: string | null }> {
    if (row.criteriaVersionId && row.selfAssessment && !PRODUCER_EDITABLE.includes(row.state)) {
      const version = await criteria.version(row.criteriaVersionId);
      return {
        sheet: criteria.prepare(version, await criteria.regime(version.regimeCode)),
        answers: row.selfAssessment,
        setCode: version.productSetCode,
        versionId: version.id,
      };
    }
    try {
      const state = await selfAssessments.read(actor, row.productId);
      return { sheet: state.sheet, answers: state.answers, setCode: state.version.productSetCode, versionId: state.version.id };
    } catch (error) {
      if (error instanceof DomainError && (error.kind === 'not_found' || error.kind === 'forbidden')) {
        return { sheet: null, answers: row.selfAssessment ?? {}, setCode: null, versionId: null };
      }
      throw error;
    }
  }

  async function context(actor: DossierActor, row: DossierJoined): Promise<DossierContext> {
    const regime = await criteria.regime(row.regimeCode);
    const { sheet, answers, setCode, versionId } = await answersOf(actor, row);
    const evidence = await repository.listEvidence(row.id);
    let changed: { code: string; label: string }[] = [];
    if (row.kind === 'upgrade' && row.baseDossierId) {
      const base = await repository.findById(row.baseDossierId);
      const labels = new Map(sheet?.answerable.map((criterion) => [criterion.code, criterion.label]) ?? []);
      changed = changedCriteria(base?.selfAssessment ?? {}, answers).map((code) => ({ code, label: labels.get(code) ?? '' }));
    }
    const checklist = dossierChecklist({ kind: row.kind, catalogue: regime.evidence, evidence, changed });
    const answerable = sheet?.answerable.length ?? 0;
    const answered = sheet ? sheet.answerable.filter((criterion) => answers[criterion.code] !== undefined).length : 0;
    return {
      row,
      regime,
      sheet,
      criteriaVersionId: versionId,
      answers,
      selfAssessmentComplete: sheet !== null && answered === answerable && answerable > 0,
      unansweredCriteria: answerable - answered,
      productSetCode: setCode,
      evidence,
      checklist,
      missingDocuments: missingOf(checklist),
      samplesRequired: setCode ? samplesRequired(setCode) : 5,
    };
  }

  /** The steps the actor may take from the dossier's state, with what each still needs. */
  async function stepsFor(actor: DossierActor, ctx: DossierContext) {
    const parties: DossierParty[] = [];
    for (const party of ['producer', 'commune', 'secretariat', 'council'] as const)
      if (await access.holdsParty(actor, ctx.row, party)) parties.push(party);
    const facts = dossierFacts(ctx.row, { ...ctx, scoring: undefined });
    return parties.flatMap((party) =>
      stepsFrom(ctx.row.state, party, facts, ctx.regime).map((check) => ({
        action: check.step.action,
        to: check.step.to,
        unmet: check.unmet.filter((unmet) => !(unmet === 'quorum_reached' && ctx.row.state === 'council_scoring')),
      })),
    );
  }

  /**
   * Takes one step of the lifecycle on the dossier as it stood at `revision`: the table decides the
   * state, the first unmet precondition is refused with its own message, and of two concurrent
   * steps one wins (the other's revision no longer matches: 409). Audited; whoever acts next is told.
   */
  async function applyStep(
    actor: DossierActor,
    ctx: DossierContext,
    input: { action: string; revision: number; reasons?: string | undefined; decisionRecorded?: boolean; change?: Partial<DossierInsert> },
    auditContext: AuditContext,
  ): Promise<DossierRow> {
    const { row } = ctx;
    if (input.revision !== row.revision)
      throw new DomainError('conflict', 'dossier.changed_concurrently', 'The dossier changed meanwhile.', { revision: row.revision });
    const step = DOSSIER_LIFECYCLE.find((candidate) => candidate.action === input.action && candidate.from.includes(row.state));
    let party: DossierParty | null = step ? step.by : null;
    if (step && !(await access.holdsParty(actor, row, step.by))) party = null;
    let scoringFacts: ScoringFacts | undefined;
    if (input.action === 'close_scoring') scoringFacts = await scoring.resultFor(row.id);
    const facts = dossierFacts(row, {
      ...ctx,
      reasons: input.reasons,
      scoring: scoringFacts,
      decisionRecorded: input.decisionRecorded ?? false,
    });
    if (step && party) {
      const unmet = stepsFrom(row.state, party, facts, ctx.regime).find((check) => check.step.action === input.action)?.unmet ?? [];
      const first = unmet[0];
      if (first) throw refusalFor(first, facts, { action: input.action, unansweredCriteria: ctx.unansweredCriteria, regime: ctx.regime });
    }
    // Wrong state or wrong party: the table's own refusal.
    const to = nextDossierState(row.state, input.action, party ?? otherParty(step?.by), facts, ctx.regime);
    const change: Partial<DossierInsert> = { ...input.change, state: to, updatedAt: clock.now() };
    if (input.action === 'close_scoring' && scoringFacts?.result) {
      change.result = { ...scoringFacts.result, closedOn: today(), meetingNeeded: scoringFacts.meetingNeeded };
      change.resultTotal = scoringFacts.result.total;
      change.resultStars = scoringFacts.result.stars;
    }
    if (input.reasons && (to === 'returned_by_commune' || to === 'returned_for_completion' || to === 'not_recognised'))
      change.lastReasons = input.reasons;
    const saved = await repository.updateOver(row.id, row.revision, change);
    if (!saved)
      throw new DomainError('conflict', 'dossier.changed_concurrently', 'The dossier changed meanwhile.', { revision: row.revision });
    await repository.insertTransition({
      dossierId: row.id,
      action: input.action,
      fromState: row.state,
      toState: to,
      actorId: actor.userId,
      reasons: input.reasons ?? null,
      at: clock.now(),
    });
    await audit.record(auditContext, {
      action: `dossier.${input.action}`,
      entityType: 'dossier',
      entityId: row.id,
      provinceCode: row.provinceCode,
      before: { state: row.state, revision: row.revision },
      after: { state: to, revision: saved.revision, ...(input.reasons ? { reasons: input.reasons } : {}) },
    });
    if ((to === 'recognised' || to === 'ministry_recognised') && saved.recognisedStars !== null)
      await events.publish({
        name: 'evaluation.product_recognised',
        payload: {
          dossierId: row.id,
          productId: row.productId,
          provinceCode: row.provinceCode,
          stars: saved.recognisedStars,
          actorUserId: actor.userId,
        },
      });
    await tellWhoActsNext({ ...row, ...saved });
    return saved;
  }

  async function tellWhoActsNext(row: DossierJoined) {
    const notice = noticeFor(row);
    if (!notice) return;
    const recipients = new Set<string>();
    for (const audience of notice.audiences) {
      if (audience === 'council') {
        if (row.councilId) for (const id of await repository.councilUserIds(row.councilId, ['chair', 'member'])) recipients.add(id);
        continue;
      }
      const holders = await people.holders(audience.roles, {
        provinceCode: row.provinceCode,
        ...(audience.place === 'commune' ? { communeCode: row.communeCode } : {}),
        ...(audience.place === 'producer' ? { producerId: row.producerId } : {}),
      });
      for (const holder of holders) recipients.add(holder.id);
    }
    if (recipients.size === 0) return;
    await notifier.notify([...recipients], {
      kind: `dossier.${row.state}`,
      subject: notice.subject,
      body: notice.body,
      link: `/dossiers/${row.id}`,
      entityType: 'dossier',
      entityId: row.id,
      provinceCode: row.provinceCode,
    });
  }

  return { today, readable, context, stepsFor, applyStep, tellWhoActsNext, holdsParty: access.holdsParty };
}

/** A party the actor is not, for the table's "not your step" refusal. */
const otherParty = (party: DossierParty | undefined): DossierParty => (party === 'producer' ? 'commune' : 'producer');

export type DossierCore = ReturnType<typeof createDossierCore>;
