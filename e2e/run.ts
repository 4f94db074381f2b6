import { readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { run } from 'node:test';
import { spec } from 'node:test/reporters';
import { fileURLToPath } from 'node:url';
import { seedTemplate, TEMPLATE_ENV } from './harness';

// Runs every journey (one at a time, see below) and ends with the plain "N passed, N failed" line CI reads.
const here = dirname(fileURLToPath(import.meta.url));
// `npx tsx run.ts stamp criteria` runs the journeys whose file names contain one of the words.
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((name) => name.endsWith('.spec.ts') && (only.length === 0 || only.some((word) => name.includes(word))))
  .sort()
  .map((name) => join(here, name));

// The demo is seeded once (about 30 s, more on a busy machine); every journey copies the result.
const started = Date.now();
const template = await seedTemplate();
process.env[TEMPLATE_ENV] = template;
process.stdout.write(`demo seeded once for all journeys in ${Math.round((Date.now() - started) / 1000)} s\n`);

let passed = 0;
let failed = 0;
// Two journeys at a time: alone a journey used about a quarter of CI's two cores, and two at once take
// about 5.6 minutes instead of 9.7. The evaluation journey (three members scoring at once, then the
// minutes' PDFs) runs last and alone: beside another server, or first while the database server of the
// tests before still wrote out their dropped databases, it ran past its 30 s waits. E2E_CONCURRENCY=1
// runs every journey alone.
const concurrency = Math.max(1, Number(process.env.E2E_CONCURRENCY ?? 2) || 1);
const ALONE = ['evaluation-journey.spec.ts'];
const phases = [
  files.filter((file) => ALONE.some((name) => file.endsWith(name))),
  files.filter((file) => !ALONE.some((name) => file.endsWith(name))),
];

function runPhase(phaseFiles: string[], phaseConcurrency: number): Promise<void> {
  if (phaseFiles.length === 0) return Promise.resolve();
  const stream = run({ files: phaseFiles, concurrency: phaseConcurrency, timeout: 300_000 });
  stream.on('test:pass', (event) => {
    if (event.details.type !== 'suite') passed++;
  });
  stream.on('test:fail', (event) => {
    if (event.details.type !== 'suite') failed++;
  });
  const reported = stream.compose(new spec());
  reported.pipe(process.stdout, { end: false });
  return new Promise((resolve) => reported.on('end', resolve));
}

try {
  await runPhase(phases[1] ?? [], concurrency);
  await runPhase(phases[0] ?? [], 1);
} finally {
  rmSync(template, { recursive: true, force: true });
}
process.stdout.write(`\ne2e: ${passed} passed, ${failed} failed\n`);
process.exitCode = failed > 0 || passed === 0 ? 1 : 0;
