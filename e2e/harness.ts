import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type APIRequestContext, type Browser, chromium, type Page } from 'playwright-core';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const ARTIFACTS = join(ROOT, '.e2e-artifacts');
export const DEMO_PASSWORD = 'ocop-demo-2025';

export type System = { baseUrl: string; stop: () => Promise<void>; logs: () => string };

/**
 * Set by run.ts: a data directory the server seeded once and shut down cleanly. Each journey starts
 * from its own copy, so the demo is seeded once per run rather than once per journey.
 */
export const TEMPLATE_ENV = 'OCOP_E2E_TEMPLATE_DIR';

/** The built server (with the built web app) on a fresh embedded data directory, with demo data. */
export async function startSystem(): Promise<System> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ocop-e2e-'));
  const template = process.env[TEMPLATE_ENV];
  if (template) cpSync(template, dataDir, { recursive: true });
  return startOn(dataDir, { keepData: false });
}

/** Seeds the demo into a new data directory, stops the server cleanly and returns the directory. */
export async function seedTemplate(): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ocop-e2e-template-'));
  const system = await startOn(dataDir, { keepData: true });
  await system.stop();
  return dataDir;
}

/** A port nothing listens on now (a random one once hit RabbitMQ's epmd on 4369). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => (port > 0 ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

async function startOn(dataDir: string, options: { keepData: boolean }): Promise<System> {
  const port = await freePort();
  let logs = '';
  const child: ChildProcess = spawn(process.execPath, [join(ROOT, 'apps/server/dist/main.js')], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => {
    logs += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    logs += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const baseUrl = `http://127.0.0.1:${port}`;
  // The first start seeds the demo data: ~30 s alone, much longer on a shared, busy machine.
  const deadline = Date.now() + 240_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited: ${logs}`);
    if (Date.now() > deadline) throw new Error(`server not ready: ${logs}`);
    try {
      if ((await fetch(`${baseUrl}/api/ready`)).ok) break;
    } catch {
      // starting
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    baseUrl,
    logs: () => logs,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
      if (!options.keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Saves a full-page screenshot to the ignored artifacts folder, for people to look at. */
/** Logs in through the login page with a demo account and waits for the home page's greeting. */
export async function logIn(page: Page, system: System, login: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${system.baseUrl}/login`);
  await page.locator('#login').fill(login);
  await page.locator('#password').fill(password);
  await page.locator('button[type=submit]').click();
  await page.getByText('Xin chào').waitFor();
}

export async function snap(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/**
 * Fails when the page scrolls sideways. After a resize the layout re-renders on the next
 * media-query event (later on a loaded machine), so it is given up to 2 s before being judged.
 */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  let overflow = 0;
  for (let attempt = 0; attempt < 20; attempt++) {
    overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (overflow <= 0) return;
    await page.waitForTimeout(100);
  }
  assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow} px`);
}

/**
 * Presses a button of the open confirmation dialog (antd's `Modal.confirm`) and waits until the
 * dialog is gone. A press while the dialog still zooms in can be lost on a busy machine: pressed
 * again (at most three times) until the dialog closes. A press that got through and is working
 * shows the button loading, and antd ignores a second press on it.
 */
export async function confirmDialog(page: Page, buttonName?: string): Promise<void> {
  const dialog = page.locator('.ant-modal-confirm');
  // Without a name: the dialog's primary button (its OK).
  const button = buttonName ? dialog.getByRole('button', { name: buttonName }) : dialog.locator('.ant-modal-confirm-btns .ant-btn-primary');
  for (let attempt = 1; ; attempt++) {
    try {
      await button.click({ timeout: 10_000 });
    } catch (error) {
      // Gone between the wait and the press: the earlier press went through.
      if ((await dialog.count()) > 0 && attempt === 3) throw error;
    }
    try {
      await dialog.waitFor({ state: 'detached', timeout: 10_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

/** A signed-in API client (its own browser context's cookies) and its CSRF token, for a journey's set-up calls. */
export async function apiSession(browser: Browser, system: System, login: string): Promise<{ api: APIRequestContext; csrf: string }> {
  const api = (await browser.newContext()).request;
  const response = await api.post(`${system.baseUrl}/api/auth/login`, { data: { login, password: DEMO_PASSWORD } });
  assert.equal(response.status(), 200, await response.text());
  return { api, csrf: ((await response.json()) as { csrfToken: string }).csrfToken };
}
