import { renderCouncilMinutesPdf } from '../apps/server/src/modules/evaluation/documents/council-minutes.pdf';
import { renderResultLetterPdf } from '../apps/server/src/modules/evaluation/documents/result-letter.pdf';
import { councilMinutesFixture, resultLetterFixture } from '../apps/server/src/test-support/evaluation-documents';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** p50 time (after one warm-up) and size of `runs` renders. */
async function measure(runs: number, render: () => Promise<Buffer>): Promise<{ ms: number; bytes: number }> {
  let bytes = (await render()).length;
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    bytes = (await render()).length;
    samples.push(performance.now() - start);
  }
  return { ms: median(samples), bytes };
}

const kb = (bytes: number) => `${Math.round(bytes / 1024)} KB`;

/** The council minutes of a full round, against the one-page-ish result letter of one product as the baseline. */
export async function benchDocuments(): Promise<string[]> {
  const minutesData = councilMinutesFixture(50, 5);
  const letterData = resultLetterFixture();
  const letter = await measure(7, () => renderResultLetterPdf(letterData));
  const minutes = await measure(5, () => renderCouncilMinutesPdf(minutesData));
  return [
    `result letter PDF of one product (baseline): p50 ${Math.round(letter.ms)} ms, ${kb(letter.bytes)}`,
    `minutes PDF for 50 dossiers × 5 members: p50 ${Math.round(minutes.ms)} ms (${(minutes.ms / letter.ms).toFixed(1)}× the letter), ${kb(minutes.bytes)}`,
  ];
}
