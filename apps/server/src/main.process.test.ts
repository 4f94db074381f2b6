import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledEntry } from './test-support/bundled-entry';

// Started three times: bundled once, as `npm run build` does, rather than transpiled by tsx on each start.
let main: { file: string; dir: string };
beforeAll(async () => {
  main = await bundledEntry('main');
});
afterAll(() => rmSync(main.dir, { recursive: true, force: true }));

type Started = { child: ChildProcess; output: () => string; exited: Promise<number | null> };

function startServer(dataDir: string, port: number): Started {
  let output = '';
  const child = spawn(process.execPath, [main.file], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info', DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitForReady(port: number, deadlineMs = 150_000): Promise<void> {
  const until = Date.now() + deadlineMs;
  while (Date.now() < until) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/ready`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('server did not become ready');
}

// The embedded server as a real process: demo data on first start, a lock against a second
// process on the same data directory, and a clean stop on SIGTERM.
// Embedded only by design (DATABASE_URL is cleared): the PostgreSQL pass would run the very same thing again.
describe.skipIf(Boolean(process.env.TEST_DATABASE_URL))('server process on the embedded database', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ocop-process-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('starts, refuses a second process on the same data directory, and stops cleanly on SIGTERM', async () => {
    const port = 39000 + Math.floor(Math.random() * 1000);
    const first = startServer(dataDir, port);
    await waitForReady(port);
    expect(first.output()).toContain('DEMO DATA created');
    expect(first.output()).toContain('quantri.sonla@ocop.demo');
    expect(existsSync(join(dataDir, 'ocop.lock'))).toBe(true);

    const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'quantri.sonla@ocop.demo', password: 'ocop-demo-2025' }),
    });
    expect(login.status).toBe(200);
    expect(first.output()).not.toContain('ocop-demo-2025"}'); // the request body is never logged

    const second = startServer(dataDir, port + 1);
    expect(await second.exited).toBe(1);
    expect(second.output()).toContain('đang được tiến trình');

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(first.output()).toContain('"msg":"stopped"');
    expect(existsSync(join(dataDir, 'ocop.lock'))).toBe(false);

    const again = startServer(dataDir, port + 2);
    await waitForReady(port + 2);
    expect(again.output()).not.toContain('DEMO DATA created');
    again.child.kill('SIGTERM');
    expect(await again.exited).toBe(0);
  }, 300_000);
});
