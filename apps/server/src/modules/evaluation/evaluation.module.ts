import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Clock } from '../../platform/clock';
import type { Transactions } from '../../platform/database/transaction';
import type { AuditService } from '../identity';
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
};

/** Regimes and score sheets as versioned data, and the producers' self-assessments on them. */
export function createEvaluationModule(deps: EvaluationDeps) {
  const { transactions, clock, audit, products } = deps;
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
  const routes: FastifyPluginAsyncZod[] = [
    criteriaRoutes(criteria),
    criteriaAdminRoutes({ criteria, drafts, transfer }),
    selfAssessmentRoutes(selfAssessments),
  ];
  return { criteria, drafts, transfer, selfAssessments, routes };
}

export type EvaluationModule = ReturnType<typeof createEvaluationModule>;
