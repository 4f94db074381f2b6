import type { CommuneReportBody, TransitionBody } from '@ocop/contracts/dossiers';
import { scoreSheet } from '@ocop/domain/evaluation';
import { DomainError } from '@ocop/domain/shared';
import type { Clock } from '../../../platform/clock';
import type { Transactions } from '../../../platform/database/transaction';
import type { AuditContext, AuditService } from '../../identity';
import { actionsOnlyByDecision, type DossierContext, type DossierCore } from './dossier-core';
import { reEvaluationTiming } from './dossier-filing';
import type { DossierActor, DossierPeople, DossierRegistry } from './dossier-ports';
import type { DossierJoined, DossierRepository } from './dossier.repository';
import type { DossierInsert, DossierRow } from './dossier.tables';

/** The steps of the lifecycle, and the content each party adds on the way (Mẫu 03, advisory review, samples, the ministry's result). */
export function createDossierSteps(deps: {
  transactions: Transactions;
  clock: Clock;
  audit: AuditService;
  registry: DossierRegistry;
  people: DossierPeople;
  repository: DossierRepository;
  core: DossierCore;
}) {
  const { transactions, clock, audit, registry, people, repository, core } = deps;

  /** What a step writes besides the state: submission freezes the self-assessment and Mẫu 01, the commune's and office's dates. */
  async function contentOfStep(actor: DossierActor, ctx: DossierContext, action: string): Promise<Partial<DossierInsert>> {
    const { row } = ctx;
    const today = core.today();
    switch (action) {
      case 'submit': {
        const change: Partial<DossierInsert> = { submittedOn: today };
        if (row.kind === 're_evaluation' && row.certificateExpiresOn)
          change.lateFiling = reEvaluationTiming(ctx.regime, row.certificateExpiresOn, today).lateFiling;
        if (ctx.sheet && ctx.criteriaVersionId && ctx.selfAssessmentComplete) {
          change.criteriaVersionId = ctx.criteriaVersionId;
          change.selfAssessment = { ...ctx.answers };
          change.selfAssessmentTotal = scoreSheet(ctx.sheet, ctx.answers).total;
        }
        const registration = await registry.registrationOf(actor, row.productId);
        change.registration = { ...registration, ...row.registration };
        // The names as filed, refreshed from the registry at each submission.
        if (typeof registration.productName === 'string') change.productName = registration.productName;
        if (typeof registration.producerName === 'string') change.producerName = registration.producerName;
        change.productCode = typeof registration.productCode === 'string' ? registration.productCode : null;
        return change;
      }
      case 'propose':
        return { proposedOn: today };
      case 'receive':
        return { receivedOn: today };
      default:
        return {};
    }
  }

  /** Loads the dossier for a party's content change in the given states, at the given revision. */
  async function forContent(actor: DossierActor, id: string, party: 'commune' | 'secretariat', states: readonly DossierRow['state'][]) {
    const row = await core.readable(actor, id);
    const step = party === 'commune' ? 'propose' : 'receive';
    if (!(await core.holdsParty(actor, row, party)))
      throw new DomainError('forbidden', 'dossier.not_your_step', 'Not this user’s step.', { action: step, party });
    if (!states.includes(row.state))
      throw new DomainError('conflict', 'dossier.action_not_allowed', 'Wrong state.', { action: step, state: row.state });
    return row;
  }

  async function saveContent(row: DossierJoined, revision: number, change: Partial<DossierInsert>, action: string, context: AuditContext) {
    const saved = await repository.updateOver(row.id, revision, { ...change, updatedAt: clock.now() });
    if (!saved) throw new DomainError('conflict', 'dossier.changed_concurrently', 'Changed meanwhile.', { revision: row.revision });
    await audit.record(context, {
      action: `dossier.${action}`,
      entityType: 'dossier',
      entityId: row.id,
      provinceCode: row.provinceCode,
      after: Object.fromEntries(Object.entries(change).filter(([key]) => key !== 'updatedAt')),
    });
    return saved;
  }

  const nameOf = async (actor: DossierActor) => (actor.userId ? ((await people.namesOf([actor.userId])).get(actor.userId) ?? null) : null);

  return {
    transition: (actor: DossierActor, id: string, body: TransitionBody, context: AuditContext) =>
      transactions.run(async () => {
        const row = await core.readable(actor, id);
        if (actionsOnlyByDecision.has(body.action))
          throw new DomainError('invalid', 'dossier.decision_missing', 'This step is taken by recording a decision.');
        const ctx = await core.context(actor, row);
        const change = await contentOfStep(actor, ctx, body.action);
        return core.applyStep(actor, ctx, { action: body.action, revision: body.revision, reasons: body.reasons, change }, context);
      }),

    /** The commune's Mẫu 03 report, written before it proposes the dossier. */
    saveCommuneReport: (actor: DossierActor, id: string, body: CommuneReportBody, context: AuditContext) =>
      transactions.run(async () => {
        const row = await forContent(actor, id, 'commune', ['submitted']);
        const { revision, ...report } = body;
        return saveContent(
          row,
          revision,
          { communeReport: { ...report, reportedBy: await nameOf(actor), reportedOn: core.today() } },
          'commune_report_saved',
          context,
        );
      }),

    saveAdvisoryReview: (
      actor: DossierActor,
      id: string,
      body: { revision: number; report: string; siteVisitNotes: string; labTestsRequested: string },
      context: AuditContext,
    ) =>
      transactions.run(async () => {
        const row = await forContent(actor, id, 'secretariat', ['received', 'advisory_review']);
        const { revision, ...review } = body;
        return saveContent(
          row,
          revision,
          { advisoryReview: { ...review, reviewedBy: await nameOf(actor), reviewedOn: core.today() } },
          'advisory_review_saved',
          context,
        );
      }),

    /** The office ticks the product samples received (5; none for tourism services). */
    recordSamples: (actor: DossierActor, id: string, body: { revision: number; samplesReceived: number }, context: AuditContext) =>
      transactions.run(async () => {
        const row = await forContent(actor, id, 'secretariat', ['proposed', 'received', 'advisory_review', 'returned_for_completion']);
        return saveContent(
          row,
          body.revision,
          { samplesReceived: body.samplesReceived, samplesCheckedBy: actor.userId },
          'samples_recorded',
          context,
        );
      }),

    /**
     * The ministry's result on a ≥ 90-point proposal (Art. 7.4): 5★ makes the ministry's recognition at
     * once; below, the dossier waits for the province to recognise 3★ or 4★ from it by a decision.
     */
    recordMinistryResult: (
      actor: DossierActor,
      id: string,
      body: { revision: number; stars: number; total?: number | null | undefined; decisionNo: string; decidedOn: string },
      context: AuditContext,
    ) =>
      transactions.run(async () => {
        const row = await forContent(actor, id, 'secretariat', ['proposed_to_ministry']);
        const saved = await saveContent(
          row,
          body.revision,
          { ministryResult: { stars: body.stars, total: body.total ?? null, decisionNo: body.decisionNo, decidedOn: body.decidedOn } },
          'ministry_result_recorded',
          context,
        );
        const fresh = await core.readable(actor, id);
        if (body.stars === 5) {
          const ctx = await core.context(actor, fresh);
          return core.applyStep(
            actor,
            ctx,
            { action: 'record_ministry_recognition', revision: saved.revision, change: { recognisedStars: 5 } },
            context,
          );
        }
        return saved;
      }),
  };
}
