import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../apps/server/src/app';
import { SPREADSHEET_BOMBS } from '../apps/server/src/bench-support/spreadsheet-bombs';
import { SYSTEM_CONTEXT } from '../apps/server/src/modules/identity';
import { openPreparedDatabase } from '../apps/server/src/prepare-database';
import { multipart } from '../apps/server/src/test-support/file-fixtures';
import { probeHealth } from '../apps/server/src/test-support/health-probe';

const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;

/**
 * Each spreadsheet bomb of issue 8 imported on PGlite, with /api/health asked over real HTTP while
 * its job runs: the worst answer, the process's peak RSS, and the size of the job's poll response.
 */
export async function benchBombs(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'ocop-bench-bombs-'));
  const lines: string[] = [];
  const { database } = await openPreparedDatabase({ dataDir: join(dir, 'data'), databaseUrl: undefined });
  const { app, modules } = await buildApp({
    database,
    settings: {
      publicUrl: 'http://localhost',
      sessionIdleMinutes: 60,
      sessionAbsoluteHours: 12,
      trustProxy: false,
      filesDir: join(dir, 'files'),
    },
  });
  try {
    await modules.identity.users.serveProvince('14');
    await modules.identity.users.createUser(
      'system',
      {
        fullName: 'Bench officer',
        email: 'bench@ocop.vn',
        password: 'bench-password',
        provinceCode: '14',
        roles: [{ role: 'province_officer' }],
      },
      SYSTEM_CONTEXT,
    );
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: 'bench@ocop.vn', password: 'bench-password' },
    });
    const cookie = `ocop_session=${login.cookies.find((c) => c.name === 'ocop_session')?.value}`;
    const headers = { cookie, 'x-csrf-token': (login.json() as { csrfToken: string }).csrfToken };
    const baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
    let largestPoll = 0;
    for (const bomb of SPREADSHEET_BOMBS) {
      const { bytes, filename, type } = await bomb.file();
      const form = multipart({ file: { filename, bytes, contentType: type } });
      const started = await app.inject({
        method: 'POST',
        url: '/api/imports/products?mode=commit',
        payload: form.body,
        headers: { ...headers, ...form.headers },
      });
      const probe = probeHealth(baseUrl);
      const id = (started.json() as { id: string }).id;
      let poll = await app.inject({ method: 'GET', url: `/api/imports/${id}`, headers });
      while (['queued', 'running'].includes((poll.json() as { status: string }).status)) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        poll = await app.inject({ method: 'GET', url: `/api/imports/${id}`, headers });
      }
      const seen = await probe.stop();
      largestPoll = Math.max(largestPoll, poll.body.length);
      const job = poll.json() as { status: string; failure: { code: string } | null };
      lines.push(
        `${bomb.name} (${Math.round(bytes.length / 1024)} KB): ${job.status}${job.failure ? ` ${job.failure.code}` : ''}, ` +
          `worst /api/health ${seen.worstMs.toFixed(0)} ms over ${seen.answers} answers, peak RSS ${mb(seen.peakRssBytes)}, poll ${(poll.body.length / 1024).toFixed(1)} KB`,
      );
    }
    lines.push(`largest job poll response: ${(largestPoll / 1024).toFixed(1)} KB`);
  } finally {
    await app.close();
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return lines;
}
