import type { OcopApp } from '../app';
import { DEMO_PASSWORD, DEMO_PROVINCE, type DemoUser, seedDemoUsers } from '../modules/identity';
import { seedContentDemo } from './content-demo';
import { attachDemoImages } from './demo-images';
import { DEMO_EVALUATION_USERS, seedEvaluationDemo } from './evaluation-demo';
import { DEMO_GARLIC_KEY, DEMO_GARLIC_MEMBER_LOGIN, seedInquiriesDemo } from './inquiries-demo';
import { seedLegacyCertificatesDemo } from './legacy-certificates-demo';
import { seedSalesPointsDemo } from './sales-points-demo';
import { DEMO_BICH_THAO_KEY, DEMO_PRODUCER_MEMBER_LOGIN, seedRegistryDemo } from './registry-demo';
import { DEMO_TEA_KEY, DEMO_TEA_MEMBER_LOGIN, seedSelfAssessmentDemo } from './self-assessment-demo';
import { seedTraceabilityDemo } from './traceability-demo';

/**
 * Fills an empty system with the clearly marked Sơn La demo: province, producers and products, users
 * per role, a self-assessment, the tea company's sites and a raw-leaf lot, an evaluation round with dossiers in every state, and certificates
 * issued before the system (former districts and the province), the showcase and sales points, buyers'
 * inquiries, a news article and QĐ 26/2026/QĐ-TTg. Idempotent.
 */
export async function seedDemoData(
  modules: OcopApp['modules'],
): Promise<{ users: DemoUser[]; password: string; producers: number; products: number; evaluationMs: number }> {
  await modules.identity.users.serveProvince(DEMO_PROVINCE);
  const registry = await seedRegistryDemo(modules.registry, { provinceCode: DEMO_PROVINCE });
  // Pictures drawn by the project for every demo product that has none yet.
  await attachDemoImages(modules.registry, { provinceCode: DEMO_PROVINCE });
  const bichThao = registry.producerIds.get(DEMO_BICH_THAO_KEY);
  const tea = registry.producerIds.get(DEMO_TEA_KEY);
  const extra: DemoUser[] = [];
  if (bichThao)
    extra.push({
      login: DEMO_PRODUCER_MEMBER_LOGIN,
      fullName: '(Demo) Thành viên HTX Cà phê Bích Thao',
      role: 'producer_member',
      producerId: bichThao,
    });
  if (tea)
    extra.push({
      login: DEMO_TEA_MEMBER_LOGIN,
      fullName: '(Demo) Thành viên Công ty Trà Tây Bắc',
      role: 'producer_member',
      producerId: tea,
    });
  const garlic = registry.producerIds.get(DEMO_GARLIC_KEY);
  if (garlic)
    extra.push({
      login: DEMO_GARLIC_MEMBER_LOGIN,
      fullName: '(Demo) Thành viên HTX Nông sản Tây Bắc Yên Châu',
      role: 'producer_member',
      producerId: garlic,
    });
  // Council members and commune officers of the evaluation demo.
  extra.push(...DEMO_EVALUATION_USERS);
  const users = await seedDemoUsers({ users: modules.identity.users, auth: modules.identity.auth }, extra);
  if (tea) {
    const member = await modules.identity.auth.findUserByLogin(DEMO_TEA_MEMBER_LOGIN);
    await seedSelfAssessmentDemo(modules, { producerId: tea, userId: member?.id ?? null });
    // Two sites and a raw-leaf lot of the tea company, where the traceability journey starts.
    if (member) await seedTraceabilityDemo(modules, { producerId: tea, userId: member.id });
  }
  // One round with a dossier in every state of the lifecycle and a council of five (after the users exist).
  const started = performance.now();
  await seedEvaluationDemo(modules, { producerIds: registry.producerIds });
  const evaluationMs = Math.round(performance.now() - started);
  // Certificates of the former districts and the province, imported as a province would (after the users exist).
  await seedLegacyCertificatesDemo(modules);
  // The showcase and sales points stocking the certified products, and the showcase's operator.
  users.push(...(await seedSalesPointsDemo(modules)));
  // Buyers' inquiries to the black garlic's cooperative, certified by the evaluation demo (after its member exists).
  if (garlic) await seedInquiriesDemo(modules, { producerId: garlic });
  // A news article of the programme and the legal text in force (QĐ 26/2026/QĐ-TTg), published.
  await seedContentDemo(modules);
  return { users, password: DEMO_PASSWORD, producers: registry.createdProducers, products: registry.createdProducts, evaluationMs };
}
