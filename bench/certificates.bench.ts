import { type CertificatePdfData, renderCertificates } from '../apps/server/src/modules/certification/certificates/certificate.pdf';
import { certificateFixture, longName } from '../apps/server/src/test-support/certificate-documents';

const PAGES = 500;
const SAMPLE_MS = 20;

/** A print run of a round: distinct numbers, ranks and names, one in ten with a 200-character name. */
function printRun(count: number): CertificatePdfData[] {
  return Array.from({ length: count }, (_, index) => {
    const number = `${index + 1}/GCN-OCOP-14-2026`;
    return certificateFixture({
      number,
      stars: ([3, 4, 5] as const)[index % 3],
      productName: index % 10 === 0 ? longName(`Trà Shan tuyết số ${index + 1}`, 200) : `Trà Shan tuyết Tà Xùa số ${index + 1}`,
      verificationUrl: `https://ocop.sonla.gov.vn/c/${number}`,
    });
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/**
 * One render while a 20 ms timer samples the resident set and notes when it fires: the growth over
 * the RSS before the render, and how long the event loop was held at the start (writer set-up and
 * first page), in the middle (between pages), and at the end (pdfkit ends the document and embeds
 * the font subsets in one go).
 */
async function observed(render: () => Promise<Buffer>) {
  const before = process.memoryUsage().rss;
  let peak = before;
  const ticks: number[] = [];
  const timer = setInterval(() => {
    ticks.push(performance.now());
    peak = Math.max(peak, process.memoryUsage().rss);
  }, SAMPLE_MS);
  const start = performance.now();
  try {
    const bytes = await render();
    const end = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 2 * SAMPLE_MS)); // the tick that closes the last hold
    const gaps = ticks.map((tick, index) => ({ from: index === 0 ? start : (ticks[index - 1] ?? start), to: tick }));
    const length = (gap: { from: number; to: number } | undefined) => (gap ? gap.to - gap.from : 0);
    const last = gaps.find((gap) => gap.to >= end);
    const middle = gaps.filter((gap, index) => index > 0 && gap !== last);
    return {
      ms: end - start,
      bytes: bytes.length,
      growth: peak - before,
      hold: { start: length(gaps[0]), middle: Math.max(0, ...middle.map(length)), end: length(last) },
    };
  } finally {
    clearInterval(timer);
  }
}

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

/** 500 certificates in one PDF against one certificate alone as the baseline. */
export async function benchCertificatePdf(): Promise<string[]> {
  const one = [certificateFixture()];
  const run = printRun(PAGES);
  await renderCertificates(one); // fonts read and parsed once, as in a running server
  const singles: number[] = [];
  let singleBytes = 0;
  for (let i = 0; i < 7; i++) {
    const start = performance.now();
    singleBytes = (await renderCertificates(one)).length;
    singles.push(performance.now() - start);
  }
  const single = median(singles);
  const many = await observed(() => renderCertificates(run));
  return [
    `one certificate (baseline): p50 ${Math.round(single)} ms, ${Math.round(singleBytes / 1024)} KB`,
    `${PAGES} certificates in one PDF: ${Math.round(many.ms)} ms (${(many.ms / single).toFixed(0)}× one, ` +
      `${(many.ms / PAGES).toFixed(1)} ms a page), ${mib(many.bytes)} (${(many.bytes / 1024 / PAGES).toFixed(1)} KB a page)`,
    `peak RSS growth during the ${PAGES}-page render: ${mib(many.growth)} (sampled every ${SAMPLE_MS} ms)`,
    `event loop held at most: ${Math.round(many.hold.start)} ms at the start, ${Math.round(many.hold.middle)} ms between pages, ` +
      `${Math.round(many.hold.end)} ms at the end (${SAMPLE_MS} ms timer)`,
  ];
}
