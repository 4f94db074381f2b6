import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Clock } from '../../platform/clock';
import type { Transactions } from '../../platform/database/transaction';
import type { AuditService } from '../identity';
import { createCouncilRepository } from './councils/council.repository';
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
import { createSelfAssessmentRepository } from './self-assessment/self-assessment.repository';
import { selfAssessmentRoutes } from './self-assessment/self-assessment.routes';
import { type AssessedProducts, createSelfAssessmentService } from './self-assessment/self-assessment.service';

export type EvaluationDeps = {
  transactions: Transactions;
  clock: Clock;
  audit: AuditService;
  /** The registry's products, as the evaluation reads them (wired in app.ts). */
  products: AssessedProducts;
  /** Users as councils seat them: name and grants (wired in app.ts from identity). */
  people: CouncilPeople;
};

/** Regimes and score sheets as versioned data, and the producers' self-assessments on them. */
export function createEvaluationModule(deps: EvaluationDeps) {
  const { transactions, clock, audit, products, people } = deps;
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
  const councils = createCouncilService({ transactions, clock, audit, repository: councilRepository, people });
  const scoring = createScoringService({ transactions, clock, audit, repository: councilRepository, criteria });
  const routes: FastifyPluginAsyncZod[] = [
    criteriaRoutes(criteria),
    criteriaAdminRoutes({ criteria, drafts, transfer }),
    selfAssessmentRoutes(selfAssessments),
    councilRoutes(councils),
    scoringRoutes(scoring),
  ];
  return { criteria, drafts, transfer, selfAssessments, councils, scoring, routes };
}

export type EvaluationModule = ReturnType<typeof createEvaluationModule>;
