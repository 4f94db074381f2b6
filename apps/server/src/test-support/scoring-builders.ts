import type { MySheetView } from '@ocop/contracts/councils';
import type { DossierState } from '@ocop/domain/evaluation';
import { randomInt } from 'node:crypto';
import { dossiers } from '../modules/evaluation/dossiers/dossier.tables';
import { evaluationRounds } from '../modules/evaluation/rounds/round.tables';
import { givenProducer, givenProduct } from './registry-builders';
import { type Client, SON_LA, type TestApp } from './test-app';

const DAY = 86_400_000;

/** Moves the test clock (2026-03-02 at start) to 2026-09-01, when QĐ 26/2026 is in force. Sign in after this. */
export function moveToScoringSeason(t: TestApp) {
  const target = new Date('2026-09-01T02:00:00Z').getTime();
  const now = t.clock.now().getTime();
  if (now < target) t.clock.advance(Math.ceil((target - now) / DAY) * DAY);
}

/** A round of the province, straight into the table (the rounds service is another engineer's). */
export async function givenRound(t: TestApp, provinceCode = SON_LA): Promise<{ id: string; provinceCode: string }> {
  const now = t.clock.now();
  const [round] = await t.database.db
    .insert(evaluationRounds)
    .values({
      provinceCode,
      level: 'province',
      kind: 'extra',
      year: 2026,
      ordinal: randomInt(10, 1_000_000),
      name: `Đợt đánh giá bổ sung ${randomInt(1, 99)}`,
      proposalsBy: '2026-10-30',
      resultsBy: '2026-12-30',
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: evaluationRounds.id, provinceCode: evaluationRounds.provinceCode });
  if (!round) throw new Error('round not inserted');
  return round;
}

/** The published 26/2026 sheet of the tea set (1.5.1): what dossiers of these tests are scored on. */
export async function teaSheetVersionId(t: TestApp): Promise<string> {
  const regime = await t.modules.evaluation.criteria.regimeInForce();
  const { row } = await t.modules.evaluation.criteria.sheetForProductSet({
    versionCode: regime.classificationCode,
    code: '1.5.1',
    mapsTo: [],
  });
  return row.id;
}

/**
 * A dossier of a new product of a new producer, straight into the table in the state asked for
 * (council scoring by default), with the criteria version frozen as at submission.
 */
export async function givenDossier(
  t: TestApp,
  officer: Client,
  options: { roundId: string; provinceCode?: string; state?: DossierState; councilId?: string },
): Promise<{ id: string; productId: string }> {
  const producer = await givenProducer(officer);
  const product = await givenProduct(t, officer, producer.id);
  const now = t.clock.now();
  const [dossier] = await t.database.db
    .insert(dossiers)
    .values({
      provinceCode: options.provinceCode ?? producer.provinceCode,
      communeCode: producer.communeCode,
      producerId: producer.id,
      productId: product.id,
      roundId: options.roundId,
      productName: product.nameVi,
      productCode: product.code,
      producerName: producer.name,
      kind: 'first',
      state: options.state ?? 'council_scoring',
      regimeCode: '26/2026',
      criteriaVersionId: await teaSheetVersionId(t),
      councilId: options.councilId ?? null,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: dossiers.id });
  if (!dossier) throw new Error('dossier not inserted');
  return { id: dossier.id, productId: product.id };
}

type Content = MySheetView['content'];
type Criterion = Content['parts'][number]['criteria'][number];

/** Every answerable criterion of the sheet with its options, in sheet order. */
export function answerableOf(content: Content): Criterion[] {
  const found: Criterion[] = [];
  const walk = (criteria: readonly Criterion[]) => {
    for (const criterion of criteria) {
      if (criterion.options.length > 0) found.push(criterion);
      walk(criterion.children);
    }
  };
  for (const part of content.parts) walk(part.criteria);
  return found;
}

/** Answers picking, for each criterion, the option at `pick(sorted options by points)`. */
export function answersBy(content: Content, pick: (sorted: Criterion['options']) => Criterion['options'][number] | undefined) {
  const answers: Record<string, string> = {};
  for (const criterion of answerableOf(content)) {
    const option = pick([...criterion.options].sort((a, b) => a.points - b.points));
    if (option) answers[criterion.code] = option.id;
  }
  return answers;
}

/** Saves and submits a member's sheet; returns the submitted view. */
export async function scoreAndSubmit(
  member: Client,
  dossierId: string,
  answers: Record<string, string>,
  comments: Record<string, string> = {},
) {
  const first = (await member.get(`/api/evaluation/dossiers/${dossierId}/my-sheet`)).json() as MySheetView;
  const saved = await member.put(`/api/evaluation/dossiers/${dossierId}/my-sheet`, { answers, comments, revision: first.revision });
  if (saved.statusCode !== 200) throw new Error(`sheet not saved: ${saved.statusCode} ${saved.body}`);
  const submitted = await member.post(`/api/evaluation/dossiers/${dossierId}/my-sheet/submit`, {
    revision: (saved.json() as MySheetView).revision,
  });
  if (submitted.statusCode !== 200) throw new Error(`sheet not submitted: ${submitted.statusCode} ${submitted.body}`);
  return submitted.json() as MySheetView;
}
