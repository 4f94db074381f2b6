import { applyPlan, planToStar, worstAnswers } from '@ocop/domain/evaluation';
import { DomainError, type RoleGrant } from '@ocop/domain/shared';
import type { EvaluationModule } from '../modules/evaluation';
import { SYSTEM_CONTEXT } from '../modules/identity';
import type { RegistryModule } from '../modules/registry/registry.module';
import { demoName } from './registry-demo';

/** The demo member of the tea company of Tà Xùa, who self-assesses its green tea (sheet no. 11 of QĐ 26/2026). */
export const DEMO_TEA_MEMBER_LOGIN = 'chetaxua@ocop.demo';
export const DEMO_TEA_KEY = 'tay-bac-tea';
export const DEMO_TEA_PRODUCT = demoName('Chè Shan tuyết Tà Xùa');
/** Where the demo self-assessment stands, so the screen shows the way to the next star. */
export const DEMO_TEA_STARS = 3;

const SYSTEM: RoleGrant[] = [{ role: 'system_admin', provinceCode: null, communeCode: null, producerId: null, salesPointId: null }];

/**
 * Saves, once, a self-assessment of the demo green tea that projects exactly 3★: every answer at
 * its lowest option, then the cheapest raises to 3★. Saved as the member would (its grants), so the
 * audit and the rules are the real ones. Skipped when one is saved already, or when the regime in
 * force has no sheet for the product's set (before QĐ 26/2026 took effect).
 */
export async function seedSelfAssessmentDemo(
  modules: { registry: RegistryModule; evaluation: EvaluationModule },
  member: { producerId: string; userId: string | null },
): Promise<boolean> {
  const teaProducerId = member.producerId;
  const found = await modules.registry.products.listProducts({ grants: SYSTEM }, { producerId: teaProducerId, page: 1, pageSize: 50 });
  const product = found.items.find((item) => item.nameVi === DEMO_TEA_PRODUCT);
  if (!product) return false;
  const actor = {
    userId: member.userId,
    grants: [
      {
        role: 'producer_member' as const,
        provinceCode: product.producer.provinceCode,
        communeCode: null,
        producerId: teaProducerId,
        salesPointId: null,
      },
    ],
  };
  const state = await modules.evaluation.selfAssessments.read(actor, product.id).catch((error: unknown) => {
    if (error instanceof DomainError && error.code === 'evaluation.no_sheet_for_set') return null;
    throw error;
  });
  if (!state || state.revision > 0) return false;
  const worst = worstAnswers(state.sheet);
  const answers = applyPlan(worst, planToStar(state.sheet, worst, DEMO_TEA_STARS));
  await modules.evaluation.selfAssessments.save(actor, product.id, { criteriaVersionId: state.version.id, answers }, SYSTEM_CONTEXT);
  return true;
}
