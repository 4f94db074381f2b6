import type { DossierListQuery, DossierView } from '@ocop/contracts/dossiers';
import { communeClock } from '@ocop/domain/evaluation';
import type { Clock } from '../../../platform/clock';
import type { EventPublisher } from '../../../platform/domain-events';
import type { EvaluationEvents } from '../evaluation-events';
import type { Transactions } from '../../../platform/database/transaction';
import type { AuditService } from '../../identity';
import type { CriteriaService } from '../criteria/criteria.service';
import type { RoundService } from '../rounds/round.service';
import type { SelfAssessmentService } from '../self-assessment/self-assessment.service';
import { createDossierAccess } from './dossier-access';
import { createDossierCore, type DossierContext } from './dossier-core';
import { createDossierDecisions } from './dossier-decisions';
import { createDossierFiling } from './dossier-filing';
import type { DossierActor, DossierNotifier, DossierPeople, DossierRegistry, DossierScoring } from './dossier-ports';
import { createDossierSteps } from './dossier-steps';
import type { DossierJoined, DossierRepository } from './dossier.repository';
import { toDossierBrief, toDossierView } from './dossier.view';

export type DossierService = ReturnType<typeof createDossierService>;

/** Evaluation dossiers: reads here; the producer's filing, the lifecycle's steps and the decisions in their own files. */
export function createDossierService(deps: {
  transactions: Transactions;
  clock: Clock;
  audit: AuditService;
  criteria: CriteriaService;
  rounds: RoundService;
  selfAssessments: SelfAssessmentService;
  registry: DossierRegistry;
  people: DossierPeople;
  notifier: DossierNotifier;
  scoring: DossierScoring;
  repository: DossierRepository;
  events: EventPublisher<EvaluationEvents>;
}) {
  const { transactions, repository, rounds, registry, people } = deps;
  const access = createDossierAccess(repository);
  const core = createDossierCore({ ...deps, access });
  const filing = createDossierFiling({ ...deps, core });
  const steps = createDossierSteps({ ...deps, core });
  const decisions = createDossierDecisions({ ...deps, core });

  /** The commune's 15 working days from receipt, skipping the province's holidays; only while the commune holds it. */
  async function clockOf(row: DossierJoined, ctx: Pick<DossierContext, 'regime'>, known?: Map<string, string[]>) {
    if (!row.submittedOn || row.state !== 'submitted') return null;
    // A board page loads each province's holidays once (from the earliest day it needs), not once per row.
    let holidays = known?.get(row.provinceCode);
    if (!holidays) {
      holidays = (await rounds.holidays(row.provinceCode, known ? undefined : row.submittedOn)).map((holiday) => holiday.day);
      known?.set(row.provinceCode, holidays);
    }
    return communeClock(
      ctx.regime,
      row.submittedOn,
      core.today(),
      holidays.filter((day) => day > (row.submittedOn as string)),
    );
  }

  async function viewOf(actor: DossierActor, row: DossierJoined): Promise<DossierView> {
    const ctx = await core.context(actor, row);
    const [transitions, communeName, stepList, decision, councilName] = await Promise.all([
      repository.listTransitions(row.id),
      registry.communeName(row.communeCode),
      core.stepsFor(actor, ctx),
      row.decisionId ? repository.findDecision(row.decisionId) : Promise.resolve(undefined),
      row.councilId ? repository.councilName(row.councilId) : Promise.resolve(null),
    ]);
    const names = await people.namesOf([...new Set(transitions.map((t) => t.actorId).filter((id): id is string => id !== null))]);
    return toDossierView({
      ctx,
      communeName,
      councilName,
      clock: await clockOf(row, ctx),
      steps: stepList,
      decision: decision ?? null,
      history: transitions.map((t) => ({ ...t, actorName: t.actorId ? (names.get(t.actorId) ?? null) : null })),
    });
  }

  return {
    ...filing,
    ...steps,
    recordDecision: decisions.record,
    getDecision: decisions.get,
    core,

    get: (actor: DossierActor, id: string) => transactions.run(async () => viewOf(actor, await core.readable(actor, id))),

    /** The view after a write, read in a fresh transaction so it shows what committed. */
    viewAfter: (actor: DossierActor, id: string) => transactions.run(async () => viewOf(actor, await core.readable(actor, id))),

    /** The board: dossiers in the reader's reach under the filters, a page of them, and the counts per state. */
    list: (actor: DossierActor, query: DossierListQuery) =>
      transactions.run(async () => {
        const reach = access.reach(actor);
        // One count per state serves both the tags and the total (the state filter's count, or their sum).
        const [items, counts] = await Promise.all([repository.listPage(reach, query, query), repository.countByState(reach, query)]);
        const total = query.state ? (counts[query.state] ?? 0) : Object.values(counts).reduce((sum, n) => sum + n, 0);
        // A page names few regimes and communes: look each up once.
        const regimes = new Map<string, Awaited<ReturnType<typeof deps.criteria.regime>>>();
        const communes = new Map<string, string | null>();
        const holidays = new Map<string, string[]>();
        const briefs = [];
        for (const row of items) {
          let regime = regimes.get(row.regimeCode);
          if (!regime) {
            regime = await deps.criteria.regime(row.regimeCode);
            regimes.set(row.regimeCode, regime);
          }
          if (!communes.has(row.communeCode)) communes.set(row.communeCode, await registry.communeName(row.communeCode));
          briefs.push(
            toDossierBrief(row, { communeName: communes.get(row.communeCode) ?? null, clock: await clockOf(row, { regime }, holidays) }),
          );
        }
        return { items: briefs, total, page: query.page, pageSize: query.pageSize, counts };
      }),

    /** For the documents and other use cases: the dossier with its context, if the actor may read it. */
    contextOf: (actor: DossierActor, id: string) => transactions.run(async () => core.context(actor, await core.readable(actor, id))),
  };
}
