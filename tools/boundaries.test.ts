import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { describe, expect, it } from 'vitest';

// Proves that the boundary rules in .dependency-cruiser.cjs bite: every rule gets a planted
// violation inside the real tree (so the real path patterns apply), and the clean tree passes.

const root = fileURLToPath(new URL('..', import.meta.url));
/** The same roots as `npm run boundaries`. */
const roots = ['packages', 'apps/server/src', 'apps/web/src'];
const tag = `planted-${process.pid}`;

interface Plant {
  /** Path from the repository root. */
  file: string;
  imports: string[];
  /** The rules this file must break. */
  breaks: string[];
  /** A sanctioned import: no rule may report this file. */
  allowed?: true;
}

const plants: Plant[] = [
  { file: `apps/server/src/platform/${tag}-module.ts`, imports: ['../modules/identity'], breaks: ['platform-imports-no-module'] },
  {
    file: `apps/server/src/platform/${tag}-tables.ts`,
    imports: ['../modules/identity/identity.tables'],
    breaks: ['platform-imports-no-module'],
  },
  { file: `apps/server/src/platform/${tag}-config.ts`, imports: ['../config'], breaks: ['platform-imports-no-module'] },
  { file: `apps/server/src/platform/${tag}-app.ts`, imports: ['../app'], breaks: ['platform-imports-no-module'] },
  {
    file: `apps/server/src/modules/geography/${tag}-deep.ts`,
    imports: ['../identity/users/user.service'],
    breaks: ['module-imports-other-module-through-index'],
  },
  {
    file: `apps/server/src/modules/geography/${tag}-deep.tables.ts`,
    imports: ['../identity/users/user.service'],
    breaks: ['module-tables-import-only-tables-or-index'],
  },
  // The allowed cases: through the index, and a table file to a table file (a foreign key).
  { file: `apps/server/src/modules/geography/${tag}-index.ts`, imports: ['../identity'], breaks: [], allowed: true },
  { file: `apps/server/src/modules/geography/${tag}-fk.tables.ts`, imports: ['../identity/identity.tables'], breaks: [], allowed: true },
  { file: `packages/domain/src/${tag}-npm.ts`, imports: ['zod'], breaks: ['domain-is-pure'] },
  { file: `packages/domain/src/${tag}-outside.ts`, imports: ['../../contracts/src/errors'], breaks: ['domain-is-pure'] },
  { file: `packages/domain/src/${tag}-io.ts`, imports: ['node:fs'], breaks: ['domain-uses-no-builtin'] },
  { file: `packages/contracts/src/${tag}-npm.ts`, imports: ['drizzle-orm'], breaks: ['contracts-import-only-zod-and-domain'] },
  { file: `packages/contracts/src/${tag}-io.ts`, imports: ['node:crypto'], breaks: ['contracts-use-no-builtin'] },
  { file: `packages/contracts/src/${tag}-allowed.ts`, imports: ['zod', '@ocop/domain/shared'], breaks: [], allowed: true },
  { file: `apps/web/src/${tag}-server.ts`, imports: ['../../server/src/config'], breaks: ['web-imports-no-server'] },
  { file: `apps/web/src/${tag}-io.ts`, imports: ['node:fs'], breaks: ['web-uses-no-node-builtin'] },
  { file: `apps/server/src/platform/${tag}-cycle-a.ts`, imports: [`./${tag}-cycle-b`], breaks: ['server-no-cycles'] },
  { file: `apps/server/src/platform/${tag}-cycle-b.ts`, imports: [`./${tag}-cycle-a`], breaks: [] }, // the cycle is reported once, from a
  {
    file: `apps/server/src/modules/geography/${tag}-test-support.ts`,
    imports: ['../../test-support/test-database'],
    breaks: ['production-imports-no-test-support'],
  },
  {
    file: `apps/server/src/modules/geography/${tag}-bench-support.ts`,
    imports: ['../../bench-support/import-bench'],
    breaks: ['production-imports-no-test-support'],
  },
  { file: `apps/server/src/modules/geography/${tag}-demo.ts`, imports: ['../../demo/seed-demo'], breaks: ['demo-only-from-wiring'] },
  // Builders may reach into modules: they assemble modules, they are not one.
  { file: `apps/server/src/demo/${tag}-builder.ts`, imports: ['../modules/identity/users/user.service'], breaks: [], allowed: true },
];

async function cruiseTree(files: string[]): Promise<ICruiseResult> {
  const options = await extractDepcruiseOptions(join(root, '.dependency-cruiser.cjs'));
  const tsConfig = extractTSConfig(join(root, 'tsconfig.base.json'));
  const result = await cruise(files, { ...options, baseDir: root, validate: true }, options.enhancedResolveOptions ?? {}, { tsConfig });
  if (typeof result.output === 'string') throw new Error('expected a cruise result, got formatted output');
  return result.output;
}

function violationsOf(result: ICruiseResult): Array<{ from: string; rule: string }> {
  return result.summary.violations.map((v) => ({ from: v.from, rule: v.rule.name }));
}

describe('boundary rules (.dependency-cruiser.cjs)', () => {
  it('the tree as committed has no violation', async () => {
    const result = await cruiseTree(roots);
    expect(violationsOf(result)).toEqual([]);
    // A guard against a rule set that silently sees nothing (a wrong root or exclude).
    expect(result.summary.totalCruised).toBeGreaterThan(200);
  });

  it('reports a planted violation of every rule, and allows the sanctioned imports', async () => {
    try {
      for (const plant of plants) {
        const path = join(root, plant.file);
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, `${plant.imports.map((spec) => `import '${spec}';`).join('\n')}\n`);
      }
      const result = await cruiseTree(plants.map((p) => p.file));
      const found = violationsOf(result);
      for (const plant of plants) {
        const rules = [...new Set(found.filter((v) => v.from === plant.file).map((v) => v.rule))].sort();
        expect({ file: plant.file, rules }).toEqual({ file: plant.file, rules: expect.arrayContaining(plant.breaks) });
        if (plant.allowed) expect({ file: plant.file, rules }).toEqual({ file: plant.file, rules: [] });
      }
      const configured =
        (await extractDepcruiseOptions(join(root, '.dependency-cruiser.cjs'))).ruleSet?.forbidden?.map((r) => r.name) ?? [];
      const planted = new Set(plants.flatMap((p) => p.breaks));
      expect(configured.filter((name) => name !== undefined && !planted.has(name))).toEqual([]);
    } finally {
      for (const plant of plants) rmSync(join(root, plant.file), { force: true });
    }
  });
});

describe('type-aware promise lint (biome.json)', () => {
  it('reports a floating promise and an async callback where none is awaited', () => {
    const file = `apps/server/src/platform/${tag}-promises.ts`;
    try {
      writeFileSync(
        join(root, file),
        'async function work(): Promise<number> {\n  return 1;\n}\nexport function run(): void {\n  work();\n  [1].forEach(async () => {\n    await work();\n  });\n}\n',
      );
      const biome = spawnSync(join(root, 'node_modules/.bin/biome'), ['lint', '--max-diagnostics=50', file], {
        cwd: root,
        encoding: 'utf8',
      });
      const output = `${biome.stdout}${biome.stderr}`;
      expect(biome.status).not.toBe(0);
      expect(output).toContain('lint/nursery/noFloatingPromises');
      expect(output).toContain('lint/nursery/noMisusedPromises');
    } finally {
      rmSync(join(root, file), { force: true });
    }
  });
});
