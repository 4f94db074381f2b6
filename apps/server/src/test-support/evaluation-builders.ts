import type { SelfAssessmentView } from '@ocop/contracts/evaluation';
import { aPdf, multipart } from './file-fixtures';
import { givenProducer, givenProduct } from './registry-builders';
import type { Client, TestApp } from './test-app';

export const DAY = 86_400_000;

/** Every answerable criterion of the view's sheet at its lowest or highest option (or the option index of `pick`). */
export function answersOf(view: SelfAssessmentView, pick: 'worst' | 'best'): Record<string, string> {
  const answers: Record<string, string> = {};
  const walk = (criteria: SelfAssessmentView['content']['parts'][number]['criteria']) => {
    for (const criterion of criteria) {
      if (criterion.options.length > 0) {
        const sorted = [...criterion.options].sort((a, b) => a.points - b.points);
        const option = pick === 'worst' ? sorted[0] : sorted.at(-1);
        if (option) answers[criterion.code] = option.id;
      }
      walk(criterion.children);
    }
  };
  for (const part of view.content.parts) walk(part.criteria);
  return answers;
}

/** Uploads a registry document of the producer (or of one product). */
export async function givenDocument(client: Client, producerId: string, kind: string, productId?: string) {
  const form = multipart({
    fields: { kind, number: `${kind}-01`, validTo: '2029-12-31', ...(productId ? { productId } : {}) },
    file: { filename: `${kind}.pdf`, bytes: aPdf(), contentType: 'application/pdf' },
  });
  const response = await client.post(`/api/producers/${producerId}/documents`, form.body, form.headers);
  if (response.statusCode !== 201) throw new Error(`document not stored: ${response.statusCode} ${response.body}`);
  return response.json() as { id: string };
}

/**
 * A producer of Phường Chiềng An with one product (made under QĐ 148 on the test clock's first day),
 * then the clock moved past QĐ 26/2026 to `day` (default 2026-09-01) and everyone signed in anew.
 */
export async function givenEvaluationScene(t: TestApp, options: { days?: number } = {}) {
  let officer = await t.as({ role: 'province_officer' });
  const producer = await givenProducer(officer, { name: 'HTX Cà phê Chiềng An', communeCode: '03664', legacyCommuneCode: null });
  const product = await givenProduct(t, officer, producer.id, { nameVi: 'Cà phê Arabica Chiềng An' });
  t.clock.advance((options.days ?? 183) * DAY); // 2026-03-02 + 183 days = 2026-09-01
  officer = await t.as({ role: 'province_officer' });
  const member = await t.as({ role: 'producer_member', producerId: producer.id });
  const commune = await t.as({ role: 'commune_officer', communeCode: producer.communeCode });
  return { officer, member, commune, producer, product };
}

/** The producer answers its whole self-assessment (best or worst options). */
export async function givenSelfAssessment(member: Client, productId: string, pick: 'worst' | 'best' = 'best') {
  const view = (await member.get(`/api/products/${productId}/self-assessment`)).json() as SelfAssessmentView;
  const response = await member.put(`/api/products/${productId}/self-assessment`, {
    criteriaVersionId: view.version.id,
    ...(view.revision > 0 ? { revision: view.revision } : {}),
    answers: answersOf(view, pick),
  });
  if (response.statusCode !== 200) throw new Error(`self-assessment not saved: ${response.statusCode} ${response.body}`);
  return response.json() as SelfAssessmentView;
}

type SheetContent = SelfAssessmentView['content'];
type SheetCriterion = SheetContent['parts'][number]['criteria'][number];

/**
 * Answers whose total lands in [low, high): all best options, then criteria lowered one by one to
 * their worst option (or the option a starred minimum needs at `keepMinimaOf` stars) while the
 * total stays at least `low`.
 */
export function answersScoring(content: SheetContent, low: number, high: number, keepMinimaOf = 4): Record<string, string> {
  const answerable: SheetCriterion[] = [];
  const walk = (criteria: readonly SheetCriterion[]) => {
    for (const criterion of criteria) {
      if (criterion.options.length > 0) answerable.push(criterion);
      walk(criterion.children);
    }
  };
  for (const part of content.parts) walk(part.criteria);
  const answers: Record<string, string> = {};
  let total = 0;
  for (const criterion of answerable) {
    const best = [...criterion.options].sort((a, b) => b.points - a.points)[0];
    if (best) {
      answers[criterion.code] = best.id;
      total += best.points;
    }
  }
  for (const criterion of answerable) {
    if (total < high) break;
    const best = criterion.options.find((option) => option.id === answers[criterion.code]);
    const floorId = criterion.minima.filter((minimum) => minimum.stars <= keepMinimaOf).sort((a, b) => b.stars - a.stars)[0]?.optionId;
    const floor = floorId
      ? criterion.options.find((option) => option.id === floorId)
      : [...criterion.options].sort((a, b) => a.points - b.points)[0];
    if (!best || !floor || floor.points >= best.points) continue;
    // Lower only as far as the window allows: the cheapest option that keeps the total at least `low`.
    const candidates = [...criterion.options]
      .filter((option) => option.points >= floor.points && option.points < best.points)
      .sort((a, b) => a.points - b.points);
    const chosen = candidates.find((option) => total - best.points + option.points >= low);
    if (!chosen) continue;
    answers[criterion.code] = chosen.id;
    total += chosen.points - best.points;
  }
  return answers;
}
