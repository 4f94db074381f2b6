import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The app runs on the Node 24 that the root `node` devDependency installs into node_modules/.bin;
// the machine's own Node may be older (it only runs npm during install). These catch a run that
// silently fell back to the system Node.
const rootPackage = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
  engines: { node: string };
};
const minimumMajor = Number(/^>=(\d+)/.exec(rootPackage.engines.node)?.[1]);

function major(version: string): number {
  return Number(version.replace(/^v/, '').split('.')[0]);
}

describe('runtime', () => {
  it('runs the tests on the Node the root package.json requires (24 or newer)', () => {
    expect(minimumMajor).toBeGreaterThanOrEqual(24);
    expect(major(process.versions.node)).toBeGreaterThanOrEqual(minimumMajor);
  });

  it('resolves `node` on PATH, as the ocop-admin shebang does, to that same Node', () => {
    const result = spawnSync('/usr/bin/env', ['node', '-p', 'process.versions.node'], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(major(result.stdout.trim())).toBeGreaterThanOrEqual(minimumMajor);
  });
});
