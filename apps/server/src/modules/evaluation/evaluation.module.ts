import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Clock } from '../../platform/clock';
import type { Transactions } from '../../platform/database/transaction';
import type { EventPublisher } from '../../platform/domain-events';
import type { AuditService } from '../identity';
import { createCouncilRepository } from './councils/council.repository';
import { councilCandidateRoutes } from './councils/council-candidates.routes';
import { councilRoutes } from './councils/council.routes';
import { type CouncilPeople, createCouncilService } from './councils/council.service';
import { scoringRoutes } from './councils/scoring.routes';
import { createScoringService } from './councils/scoring.service';
import { criteriaAdminRoutes } from './criteria/criteria-admin.routes';
import { createCriteriaDrafts } from './criteria/criteria-drafts';
import { createCriteriaTransfer } from './criteria/criteria-transfer';
import { createCriteriaRepository } from './criteria/criteria.repository';
import { criteriaRoutes } from './criteria/criteria.routes';
import { createCriteriaService } from './criteria/criteria.service';
import type { DossierNotifier, DossierPeople, DossierRegistry } from './dossiers/dossier-ports';
import { documentRoutes } from './documents/document.routes';
import { createDocumentService } from './documents/document.service';
import { createDossierRecognitionReader } from './dossiers/dossier-recognition.repository';
import { createDossierRepository } from './dossiers/dossier.repository';
import { dossierRoutes } from './dossiers/dossier.routes';
import { createDossierService } from './dossiers/dossier.service';
import { createRoundRepository } from './rounds/round.repository';
import { roundRoutes } from './rounds/round.routes';
import { createRoundService } from './rounds/round.service';
import { createSelfAssessmentRepository } from './self-assessment/self-assessment.repository';
import { selfAssessmentRoutes } from './self-assessment/self-assessment.routes';
import { createSelfAssessmentService } from './self-assessment/self-assessment.service';
import type { EvaluationEvents } from './evaluation-events';

export type EvaluationDeps = {
  transactions: Transactions;
  clock: Clock;
  audit: AuditService;
  /** The registry's products and documents, as the evaluation reads them (wired in app.ts). */
  products: DossierRegistry;
  /** Who holds which role where, and their names (identity). */
  people: DossierPeople;
  /** Users as councils seat them: name and grants (wired in app.ts from identity). */
  councilPeople: CouncilPeople;
  /** Tells whoever must act next (the notifications module). */
  notifier: DossierNotifier;
  /** Where the evaluation announces what happened (a recognition). */
  events: EventPublisher<EvaluationEvents>;
};

/** Regimes and score sheets as versioned data, and the producers' self-assessments on them. */
export function createEvaluationModule(deps: EvaluationDeps) {
  const { transactions, clock, audit, products, people, councilPeople, notifier, events } = deps;
  const criteriaRepository = createCriteriaRepository({ transactions });
  const criteria = createCriteriaService({ repository: criteriaRepository, clock });
  const drafts = createCriteriaDrafts({ transactions, clock, audit, repository: criteriaRepository, criteria });
  const transfer = createCriteriaTransfer({ criteria, drafts });
  const selfAssessments = createSelfAssessmentService({
    transactions,
    clock,
    audit,
    criteria,
    products,
    repository: createSelfAssessmentRepository({ transactions }),
  });
  const councilRepository = createCouncilRepository({ transactions });
  const councils = createCouncilService({ transactions, clock, audit, repository: councilRepository, people: councilPeople });
  const scoring = createScoringService({ transactions, clock, audit, repository: councilRepository, criteria });
  const rounds = createRoundService({ transactions, clock, audit, criteria, repository: createRoundRepository({ transactions }) });
  const dossierRepository = createDossierRepository({ transactions });
  const dossiers = createDossierService({
    transactions,
    clock,
    audit,
    criteria,
    rounds,
    selfAssessments,
    registry: products,
    people,
    notifier,
    scoring,
    repository: dossierRepository,
    events,
  });
  const documents = createDocumentService({
    transactions,
    clock,
    criteria,
    rounds,
    dossiers,
    repository: dossierRepository,
    councils: councilRepository,
    registry: products,
  });
  const routes: FastifyPluginAsyncZod[] = [
    criteriaRoutes(criteria),
    criteriaAdminRoutes({ criteria, drafts, transfer }),
    selfAssessmentRoutes(selfAssessments),
    roundRoutes(rounds),
    dossierRoutes(dossiers),
    councilRoutes(councils),
    councilCandidateRoutes(people),
    scoringRoutes(scoring),
    documentRoutes(documents),
  ];
  // What the certification reads to issue and to tell whether a re-evaluation is pending.
  const recognitions = createDossierRecognitionReader({ transactions });
  return { criteria, drafts, transfer, selfAssessments, rounds, dossiers, councils, scoring, documents, recognitions, routes };
}

export type EvaluationModule = ReturnType<typeof createEvaluationModule>;
