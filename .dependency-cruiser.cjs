// Boundaries of the modular monolith, checked by `npm run boundaries` (part of `npm run check`).
// docs/architecture.md "## Enforced rules" explains each rule; tools/boundaries.test.ts plants a
// violation of every rule and asserts that it is reported.

const SERVER = '^apps/server/src/';
const MODULES = `${SERVER}modules/`;
// Tests and the builders used by tests, demo and bench are not production modules: they may reach
// into module internals to build data (they assemble modules, they are not one).
const TESTS = '\\.test\\.ts$';
const BUILDERS = `${SERVER}(test-support|demo|bench-support)/`;
// A package's tests and vitest config run under vitest in node; they are not the package's code.
const PACKAGE_TOOLING = ['\\.test\\.ts$', '/vitest\\.config\\.ts$'];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'platform-imports-no-module',
      comment:
        'platform/ is the shared infrastructure every module builds on; if it knew a module (or its tables, the config or the app wiring) the layers would fold into each other and no module could be lifted out. Configuration reaches the platform as options from the wiring.',
      severity: 'error',
      from: { path: `${SERVER}platform/`, pathNot: TESTS },
      to: { path: [MODULES, `${SERVER}(config|app|app-modules|app-back-office|main|cli|prepare-database)\\.ts$`, BUILDERS] },
    },
    {
      name: 'module-imports-other-module-through-index',
      comment:
        "A module's public face is its index.ts; anything else is internal and may change without notice. Reaching past it couples two modules' insides.",
      severity: 'error',
      from: { path: `${MODULES}([^/]+)/`, pathNot: ['\\.tables\\.ts$'] },
      to: { path: MODULES, pathNot: [`${MODULES}$1/`, `${MODULES}[^/]+/index\\.ts$`] },
    },
    {
      name: 'module-tables-import-only-tables-or-index',
      comment:
        "A table file may import another module's table file for a foreign key (drizzle needs the column object); nothing else of the other module.",
      severity: 'error',
      from: { path: `${MODULES}([^/]+)/.+\\.tables\\.ts$` },
      to: { path: MODULES, pathNot: [`${MODULES}$1/`, `${MODULES}[^/]+/index\\.ts$`, '\\.tables\\.ts$'] },
    },
    {
      name: 'domain-is-pure',
      comment:
        'packages/domain holds the pure rules: no I/O, no clock, no randomness, so it is tested without a database and runs anywhere (browser included). No node built-in, no npm package, nothing outside the package.',
      severity: 'error',
      from: { path: '^packages/domain/', pathNot: PACKAGE_TOOLING },
      to: {
        pathNot: '^packages/domain/',
      },
    },
    {
      name: 'domain-uses-no-builtin',
      comment: 'Built-ins (node:fs, node:crypto, …) are I/O or platform-bound; the domain takes their results as arguments.',
      severity: 'error',
      from: { path: '^packages/domain/', pathNot: PACKAGE_TOOLING },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'contracts-import-only-zod-and-domain',
      comment:
        'packages/contracts is shared by the server and the browser: schemas (zod) over domain types, nothing that runs I/O or pulls server code into the web bundle.',
      severity: 'error',
      from: { path: '^packages/contracts/', pathNot: PACKAGE_TOOLING },
      to: { pathNot: ['^packages/contracts/', '^packages/domain/', '(^|/)node_modules/zod/'] },
    },
    {
      name: 'contracts-use-no-builtin',
      comment: 'The contracts run in the browser too.',
      severity: 'error',
      from: { path: '^packages/contracts/', pathNot: PACKAGE_TOOLING },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'web-imports-no-server',
      comment:
        'The web app talks to the server over HTTP through @ocop/contracts; server code in the bundle would leak secrets and node-only code.',
      severity: 'error',
      from: { path: '^apps/web/' },
      to: { path: '^apps/server/' },
    },
    {
      name: 'web-uses-no-node-builtin',
      comment: 'Node built-ins do not exist in the browser (vite.config.ts and vitest.config.ts run in node and are excepted).',
      severity: 'error',
      from: { path: '^apps/web/', pathNot: '^apps/web/(vite|vitest)\\.config\\.ts$' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'server-no-cycles',
      comment:
        'A cycle makes load order matter and hides which part depends on which; type-only edges count too, they couple just the same.',
      severity: 'error',
      from: { path: SERVER },
      to: { circular: true },
    },
    {
      name: 'production-imports-no-test-support',
      comment: 'test-support and bench-support build data for tests and benches (PGlite, fixtures); production code must not ship them.',
      severity: 'error',
      from: { path: SERVER, pathNot: [TESTS, BUILDERS] },
      to: { path: `${SERVER}(test-support|bench-support)/` },
    },
    {
      name: 'demo-only-from-wiring',
      comment:
        'The demo data is seeded by the CLI (seed-demo) and by main on a first start with DEMO on; no module or platform code may depend on it.',
      severity: 'error',
      from: { path: SERVER, pathNot: [TESTS, BUILDERS, `${SERVER}(main|cli)\\.ts$`, `${SERVER}cli/`] },
      to: { path: `${SERVER}demo/` },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^(apps|packages)/[^/]+/dist/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types', 'typings'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.d.ts'],
    },
    skipAnalysisNotInRules: true,
  },
};
