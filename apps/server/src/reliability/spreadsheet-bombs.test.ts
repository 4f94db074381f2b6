import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SPREADSHEET_BOMBS as bombs } from '../bench-support/spreadsheet-bombs';
import { probeHealth } from '../test-support/health-probe';
import { multipart } from '../test-support/file-fixtures';
import { type Client, type TestApp, startTestApp } from '../test-support/test-app';
import { MAX_LISTED_PROBLEMS } from '../modules/registry/imports/import-checks';
import { PRODUCT_HEADERS } from '../modules/registry/imports/product-columns';

/**
 * The slowest /api/health answer allowed while a bomb is read. The goal is 200 ms, and the bench
 * (`npm run bench`, "Spreadsheet bombs") reports each bomb's worst against it; the test catches a
 * reader that blocks (the unguarded one held health for 11 to 148 s) and leaves room for the pauses
 * of a CI machine shared with other work: at 300 ms a PGlite run here failed once on a single
 * 571 ms answer and passed on the rerun.
 */
const HEALTH_BUDGET_MS = 1_000;
/** Growth of resident memory allowed while a bomb is read (the unguarded reader grew to 4.9 GB of heap). */
const RSS_BUDGET_BYTES = 400 * 1024 * 1024;

describe('spreadsheet bombs', () => {
  let t: TestApp;
  let officer: Client;
  let baseUrl: string;

  beforeAll(async () => {
    t = await startTestApp();
    officer = await t.as({ role: 'province_officer' });
    baseUrl = await t.app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(() => t.close());

  const countProducts = async () => (await officer.get('/api/products?pageSize=1')).json().total as number;

  for (const bomb of bombs) {
    it(`${bomb.name}: ${bomb.code ? `fails with ${bomb.code}` : 'is read to the end'}, health answers within ${HEALTH_BUDGET_MS} ms, nothing is stored`, async () => {
      const built = performance.now();
      const { bytes, filename, type } = await bomb.file();
      console.info(`${bomb.name}: built in ${(performance.now() - built).toFixed(0)} ms`);
      const before = await countProducts();
      global.gc?.();
      const baselineRss = process.memoryUsage.rss();
      const form = multipart({ file: { filename, bytes, contentType: type } });
      const started = await officer.post('/api/imports/products?mode=commit', form.body, form.headers);
      expect(started.statusCode).toBe(202);
      // From the moment the job is queued: the upload itself went through app.inject, in this process.
      const probe = probeHealth(baseUrl);
      await t.modules.registry.imports.idle();
      const seen = await probe.stop();
      const poll = await officer.get(`/api/imports/${started.json().id}`);
      const job = poll.json();

      expect(poll.statusCode).toBe(200);
      if (bomb.code) {
        expect(job.status).toBe('failed');
        expect(job.failure.code).toBe(bomb.code);
        expect(job.failure.message).toMatch(/giới hạn/);
        expect(job.failure.message).toMatch(/\d/); // names the limit's figure
      } else {
        expect(job.status).toBe('rejected');
        expect(job.summary.dataRows).toBe(20_000);
        expect(job.summary.problemsTruncated).toBe(true);
      }
      expect(seen.failures).toBe(0);
      expect(seen.answers).toBeGreaterThan(0);
      expect(seen.worstMs).toBeLessThan(bomb.healthBudgetMs ?? HEALTH_BUDGET_MS);
      expect(seen.peakRssBytes - baselineRss).toBeLessThan(RSS_BUDGET_BYTES);
      expect(poll.body.length).toBeLessThan(1024 * 1024);
      expect(await countProducts()).toBe(before);
      console.info(
        `${bomb.name}: ${(bytes.length / 1024).toFixed(0)} KB file, worst health ${seen.worstMs.toFixed(0)} ms over ${seen.answers} answers, ` +
          `RSS +${((seen.peakRssBytes - baselineRss) / 1024 / 1024).toFixed(0)} MB, poll ${(poll.body.length / 1024).toFixed(1)} KB`,
      );
    }, 180_000);
  }

  it(`keeps at most ${MAX_LISTED_PROBLEMS} problems, each value cut short, so a poll stays small`, async () => {
    const long = 'y'.repeat(1_000);
    const lines = [PRODUCT_HEADERS.join(',')];
    for (let i = 0; i < 6_000; i++) lines.push(`${long},${long}`);
    const form = multipart({ file: { filename: 'long-values.csv', bytes: Buffer.from(lines.join('\r\n')), contentType: 'text/csv' } });
    const started = await officer.post('/api/imports/products?mode=dry-run', form.body, form.headers);
    expect(started.statusCode).toBe(202);
    await t.modules.registry.imports.idle();
    const poll = await officer.get(`/api/imports/${started.json().id}`);
    const job = poll.json();
    expect(job.status).toBe('completed');
    expect(job.summary.problemCount).toBeGreaterThan(MAX_LISTED_PROBLEMS);
    expect(job.summary.problemsTruncated).toBe(true);
    for (const problem of job.problems) expect(JSON.stringify(problem).length).toBeLessThan(2_000);
    expect(poll.body.length).toBeLessThan(2 * 1024 * 1024);
    console.info(
      `6,000 rows of 1,000-character cells: poll ${(poll.body.length / 1024).toFixed(0)} KB for ${job.summary.problemCount} problems`,
    );
  });
});
