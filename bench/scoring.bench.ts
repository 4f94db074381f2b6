import { readFileSync } from 'node:fs';
import type { PreparedSheet, Regime, Sheets26File } from '@ocop/domain/evaluation';
import { convertSheets26File, planToStar, prepareSheet, scoreSheet, worstAnswers } from '@ocop/domain/evaluation';

// The server's reference data: the regime's numbers and its 26 sheets, as the server loads them.
const REFERENCE = new URL('../apps/server/reference-data/evaluation/', import.meta.url);
const SHEETS = new URL('ocop-26-2026.json', REFERENCE);
const REGIMES = new URL('regimes.json', REFERENCE);

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

const us = (ms: number) => `${Math.round(ms * 1000)} µs`;

/** Times `run` `rounds` times per sheet (after a warm-up) and returns every sample in ms. */
function sample(sheets: readonly PreparedSheet[], rounds: number, run: (sheet: PreparedSheet) => unknown): number[] {
  for (const sheet of sheets) for (let i = 0; i < 20; i++) run(sheet);
  const samples: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const sheet of sheets) {
      const start = performance.now();
      run(sheet);
      samples.push(performance.now() - start);
    }
  }
  return samples;
}

/** Scoring one sheet, and the plan from an all-worst answer to the next star and to 5★, over the 26 sets. */
export async function benchScoring(): Promise<string[]> {
  const file = JSON.parse(readFileSync(SHEETS, 'utf8')) as Sheets26File;
  const regimes = (JSON.parse(readFileSync(REGIMES, 'utf8')) as { regimes: Regime[] }).regimes;
  const REGIME_26_2026 = regimes.find((regime) => regime.code === '26/2026');
  if (!REGIME_26_2026) throw new Error('regimes.json has no 26/2026');
  const prepareStart = performance.now();
  const sheets = convertSheets26File(file, REGIME_26_2026.code).map((set) => prepareSheet(set, REGIME_26_2026));
  const prepareMs = performance.now() - prepareStart;
  const worst = new Map(sheets.map((sheet) => [sheet, worstAnswers(sheet)]));
  const answersOf = (sheet: PreparedSheet) => worst.get(sheet) ?? {};
  const nextStar = new Map(sheets.map((sheet) => [sheet, (scoreSheet(sheet, answersOf(sheet)).stars ?? 0) + 1]));

  const lines = [`convert and prepare the 26 sets of 26/2026: ${Math.round(prepareMs)} ms`];
  const figures: [string, number[]][] = [
    ['score one sheet (all-worst answers)', sample(sheets, 200, (sheet) => scoreSheet(sheet, answersOf(sheet)))],
    ['plan to the next star from all-worst', sample(sheets, 50, (sheet) => planToStar(sheet, answersOf(sheet), nextStar.get(sheet) ?? 2))],
    ['plan to 5★ from all-worst', sample(sheets, 50, (sheet) => planToStar(sheet, answersOf(sheet), 5))],
  ];
  for (const [label, samples] of figures) {
    lines.push(`${label}, 26 sets × ${samples.length / 26}: p50 ${us(percentile(samples, 50))}, p95 ${us(percentile(samples, 95))}`);
  }
  return lines;
}
