import type { SaveSelfAssessmentBody } from '@ocop/contracts/evaluation';
import type { Answers, PreparedSheet, Regime } from '@ocop/domain/evaluation';
import { chosenOptions, planToNextStar, planToStar, scoreSheet } from '@ocop/domain/evaluation';
import { can, DomainError, type RoleGrant } from '@ocop/domain/shared';
import type { Clock } from '../../../platform/clock';
import type { Transactions } from '../../../platform/database/transaction';
import type { AuditContext, AuditService } from '../../identity';
import type { CriteriaService, ProductSetRef } from '../criteria/criteria.service';
import type { CriteriaVersionRow } from '../criteria/criteria.tables';
import type { SelfAssessmentRepository } from './self-assessment.repository';
import type { SelfAssessmentRow } from './self-assessment.tables';

/** The product as the self-assessment needs it; the registry supplies it (404 outside the reader's scope). */
export type AssessedProduct = {
  id: string;
  name: string;
  code: string | null;
  producer: { id: string; name: string; provinceCode: string; communeCode: string | null };
  productSet: ProductSetRef & { name: string };
};

export type EvaluationActor = { userId: string | null; grants: readonly RoleGrant[] };

export type AssessedProducts = {
  /** The product if the actor may read it; otherwise a not-found error. */
  read: (actor: EvaluationActor, productId: string) => Promise<AssessedProduct>;
};

/** Everything a screen or the PDF shows of one product's self-assessment. */
export type SelfAssessmentState = {
  product: AssessedProduct;
  regime: Regime;
  version: CriteriaVersionRow;
  sheet: PreparedSheet;
  answers: Answers;
  revision: number;
  updatedAt: Date | null;
  answersFromOtherVersion: boolean;
  score: ReturnType<typeof scoreSheet>;
  plan: ReturnType<typeof planToStar> | null;
  canEdit: boolean;
};

export type SelfAssessmentService = ReturnType<typeof createSelfAssessmentService>;

const notFound = () => new DomainError('not_found', 'product.not_found', 'No such product.');

/** Of answers given to another version, those the current sheet still has (same criterion, same option id). */
function carriedAnswers(sheet: PreparedSheet, answers: Answers): Record<string, string> {
  const carried: Record<string, string> = {};
  for (const [code, optionId] of Object.entries(answers))
    if (sheet.optionById.get(optionId)?.criterion.code === code) carried[code] = optionId;
  return carried;
}

export function createSelfAssessmentService(deps: {
  transactions: Transactions;
  clock: Clock;
  audit: AuditService;
  criteria: CriteriaService;
  products: AssessedProducts;
  repository: SelfAssessmentRepository;
}) {
  const { transactions, clock, audit, criteria, products, repository } = deps;

  /** The product, if the actor may read its self-assessment (province, commune or its own producer); else 404. */
  async function readable(actor: EvaluationActor, productId: string): Promise<AssessedProduct> {
    const product = await products.read(actor, productId);
    const place = {
      provinceCode: product.producer.provinceCode,
      communeCode: product.producer.communeCode,
      producerId: product.producer.id,
    };
    if (!can(actor.grants, 'self_assessment.read', place)) throw notFound();
    return product;
  }

  const mayEdit = (actor: EvaluationActor, product: AssessedProduct) =>
    can(actor.grants, 'self_assessment.write', { producerId: product.producer.id, provinceCode: product.producer.provinceCode });

  function stateOf(
    actor: EvaluationActor,
    product: AssessedProduct,
    current: { regime: Regime; row: CriteriaVersionRow; sheet: PreparedSheet },
    saved: SelfAssessmentRow | undefined,
    target: number | undefined,
  ): SelfAssessmentState {
    const fromOther = saved !== undefined && saved.criteriaVersionId !== current.row.id;
    const answers = saved ? (fromOther ? carriedAnswers(current.sheet, saved.answers) : saved.answers) : {};
    const score = scoreSheet(current.sheet, answers);
    let plan: SelfAssessmentState['plan'];
    if (target !== undefined) {
      if (!current.sheet.levels.includes(target))
        throw new DomainError('invalid', 'evaluation.target_not_a_star_level', 'Not a star level.', { stars: target });
      plan = planToStar(current.sheet, answers, target);
    } else plan = planToNextStar(current.sheet, answers);
    return {
      product,
      regime: current.regime,
      version: current.row,
      sheet: current.sheet,
      answers,
      revision: saved?.revision ?? 0,
      updatedAt: saved?.updatedAt ?? null,
      answersFromOtherVersion: fromOther,
      score,
      plan,
      canEdit: mayEdit(actor, product),
    };
  }

  return {
    read: async (actor: EvaluationActor, productId: string, target?: number): Promise<SelfAssessmentState> => {
      const product = await readable(actor, productId);
      const current = await criteria.sheetForProductSet(product.productSet);
      return stateOf(actor, product, current, await repository.findByProduct(productId), target);
    },

    /** Saves the whole answer set (the screen saves on every change), if it answers the sheet in use now. */
    save: (actor: EvaluationActor, productId: string, body: SaveSelfAssessmentBody, context: AuditContext, target?: number) =>
      transactions.run(async () => {
        const product = await readable(actor, productId);
        if (!mayEdit(actor, product))
          throw new DomainError('forbidden', 'self_assessment.members_only', 'Only the producer’s members answer its self-assessment.');
        const current = await criteria.sheetForProductSet(product.productSet);
        if (body.criteriaVersionId !== current.row.id)
          throw new DomainError('conflict', 'self_assessment.other_version', 'The answers are for another version of the sheet.', {
            version: current.row.version,
          });
        chosenOptions(current.sheet, body.answers); // refuses unknown criteria and options of another criterion
        const before = await repository.findByProduct(productId);
        const change = { criteriaVersionId: current.row.id, answers: body.answers, updatedAt: clock.now(), updatedBy: actor.userId };
        const saved = before
          ? body.revision === before.revision
            ? await repository.saveOver(productId, before.revision, change)
            : undefined
          : await repository.insert({ productId, ...change });
        if (!saved)
          throw new DomainError('conflict', 'self_assessment.stale_revision', 'The answers were changed elsewhere meanwhile.', {
            revision: before?.revision ?? 0,
          });
        const changed = Object.keys({ ...(before?.answers ?? {}), ...body.answers }).filter(
          (code) => before?.answers[code] !== body.answers[code],
        );
        await audit.record(context, {
          action: 'self_assessment.saved',
          entityType: 'product',
          entityId: productId,
          provinceCode: product.producer.provinceCode,
          before: { answers: Object.fromEntries(changed.map((code) => [code, before?.answers[code] ?? null])) },
          after: { answers: Object.fromEntries(changed.map((code) => [code, body.answers[code] ?? null])), version: current.row.version },
        });
        return stateOf(actor, product, current, saved, target);
      }),
  };
}
