import type { DossierState } from '@ocop/domain/evaluation';
import { eq, sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { type Database, queryRows } from '../platform/database/database';
import { type DossierInsert, type DossierKind, dossiers } from '../modules/evaluation/dossiers/dossier.tables';
import { evaluationRounds } from '../modules/evaluation/rounds/round.tables';
import { producers } from '../modules/registry/producers/producer.tables';
import { products } from '../modules/registry/products/product.tables';
import { insertRegistryBenchData } from './registry-bench-data';

/** A closed round (last year's second), decided but for a few left behind, and the current round with dossiers at every open step. */
const DECIDED_STATES: readonly [DossierState, number][] = [
  ['recognised', 65],
  ['not_recognised', 28],
  ['ministry_recognised', 7],
];
const CLOSED_ROUND_STATES: readonly [DossierState, number][] = [...DECIDED_STATES, ['returned_by_commune', 8], ['proposed_to_ministry', 2]];
const OPEN_ROUND_STATES: readonly [DossierState, number][] = [
  ['draft', 10],
  ['submitted', 15],
  ['returned_by_commune', 5],
  ['proposed', 20],
  ['received', 15],
  ['returned_for_completion', 5],
  ['advisory_review', 10],
  ['council_scoring', 10],
  ['scored', 10],
];

/**
 * Synthetic evaluation dossiers for benchmarks: `dossiers` dossiers of one province over two
 * rounds (last year's second round, mostly decided, and this year's first, with dossiers at every
 * open step), on products and producers from `insertRegistryBenchData`. Inserted with batched
 * INSERTs in one transaction, bypassing the lifecycle; each product has at most one open dossier,
 * as the unique index asks. Returns the rounds' ids. Not for production data.
 */
export async function insertDossierBenchData(
  db: Database,
  options: { dossiers: number; provinceCode?: string; seed?: number },
): Promise<{ closedRoundId: string; openRoundId: string; dossiers: number; products: number; producers: number; ms: number }> {
  const started = performance.now();
  const provinceCode = options.provinceCode ?? '14';
  const random = seededRandom(options.seed ?? 2_000);
  const half = Math.floor(options.dossiers / 2);
  // Four products in ten of the open round were already evaluated in the closed one (re-evaluation, upgrade).
  const reused = Math.floor(half * 0.4);
  const productCount = options.dossiers - reused;
  const registry = await insertRegistryBenchData(db, {
    products: productCount,
    producers: Math.ceil(productCount / 3),
    provinceCode,
    seed: options.seed ?? 2_000,
  });
  const rows = await db
    .select({
      productId: products.id,
      productName: products.nameVi,
      productCode: products.code,
      producerId: producers.id,
      producerName: producers.name,
      communeCode: producers.communeCode,
    })
    .from(products)
    .innerJoin(producers, eq(producers.id, products.producerId))
    .where(eq(products.provinceCode, provinceCode))
    .orderBy(sql`${products.createdAt} desc`, products.id)
    .limit(productCount);

  const now = Date.now();
  const [closedRound, openRound] = await db
    .insert(evaluationRounds)
    .values(
      [
        {
          year: 2025,
          ordinal: 92,
          name: 'Đợt bench 2/2025',
          proposalsBy: '2025-10-30',
          resultsBy: '2025-12-30',
          status: 'closed' as const,
        },
        { year: 2026, ordinal: 91, name: 'Đợt bench 1/2026', proposalsBy: '2026-04-30', resultsBy: '2026-06-30', status: 'open' as const },
      ].map((round) => ({
        ...round,
        provinceCode,
        level: 'province' as const,
        kind: 'extra' as const,
        createdAt: new Date(now),
        updatedAt: new Date(now),
      })),
    )
    .returning({ id: evaluationRounds.id });
  if (!closedRound || !openRound) throw new Error('rounds not created');

  const day = (offset: number) => new Date(now - offset * 86_400_000).toISOString().slice(0, 10);
  const dossierRows: DossierInsert[] = [];
  const add = (product: (typeof rows)[number], roundId: string, state: DossierState, kind: DossierKind, ageDays: number) => {
    const past = state !== 'draft';
    const scored = ['scored', 'recognised', 'not_recognised', 'ministry_recognised'].includes(state);
    const total = scored ? 40 + Math.floor(random() * 58) : null;
    dossierRows.push({
      id: randomUUID(),
      provinceCode,
      communeCode: product.communeCode,
      producerId: product.producerId,
      productId: product.productId,
      roundId,
      productName: product.productName,
      productCode: product.productCode,
      producerName: product.producerName,
      kind,
      state,
      revision: 1 + Math.floor(random() * 12),
      regimeCode: '26/2026',
      registration: { productName: product.productName, producerName: product.producerName },
      submittedOn: past ? day(ageDays + 20) : null,
      proposedOn: past && !['submitted', 'returned_by_commune'].includes(state) ? day(ageDays + 5) : null,
      selfAssessmentTotal: past ? 50 + Math.floor(random() * 45) : null,
      resultTotal: total,
      resultStars: total === null ? null : total >= 90 ? 5 : total >= 70 ? 4 : total >= 50 ? 3 : null,
      recognisedStars: state === 'recognised' || state === 'ministry_recognised' ? (total !== null && total >= 70 ? 4 : 3) : null,
      createdAt: new Date(now - (ageDays + 30) * 86_400_000),
      updatedAt: new Date(now - ageDays * 86_400_000 - Math.floor(random() * 86_400_000)),
    });
  };
  const pickState = (weights: readonly [DossierState, number][]): DossierState => {
    const sum = weights.reduce((total, [, weight]) => total + weight, 0);
    let roll = random() * sum;
    for (const [state, weight] of weights) {
      roll -= weight;
      if (roll < 0) return state;
    }
    return weights[0]?.[0] ?? 'draft';
  };
  // The closed round: the first `half` products; those evaluated again in the open round were decided (which frees the product).
  for (let i = 0; i < half; i++) {
    const product = rows[i];
    const states = i < half - reused ? CLOSED_ROUND_STATES : DECIDED_STATES;
    if (product) add(product, closedRound.id, pickState(states), 'first', 120 + Math.floor(random() * 60));
  }
  // The open round: the last `reused` products of the closed round, then new ones.
  for (let i = half - reused; i < productCount; i++) {
    const product = rows[i];
    if (product)
      add(
        product,
        openRound.id,
        pickState(OPEN_ROUND_STATES),
        i < half ? (random() < 0.5 ? 'upgrade' : 're_evaluation') : 'first',
        Math.floor(random() * 60),
      );
  }

  await db.transaction(async (tx) => {
    for (let i = 0; i < dossierRows.length; i += 500) await tx.insert(dossiers).values(dossierRows.slice(i, i + 500));
  });
  await queryRows(db, sql`analyze evaluation_rounds, dossiers`);
  return {
    closedRoundId: closedRound.id,
    openRoundId: openRound.id,
    dossiers: dossierRows.length,
    products: registry.products,
    producers: registry.producers,
    ms: Math.round(performance.now() - started),
  };
}

/** mulberry32, as the registry's builder uses. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
