import { randomInt } from 'node:crypto';
import { SESSION_COOKIE } from '../apps/server/src/platform/http/access';
import { dossiers } from '../apps/server/src/modules/evaluation/dossiers/dossier.tables';
import { evaluationRounds } from '../apps/server/src/modules/evaluation/rounds/round.tables';
import { SYSTEM_CONTEXT } from '../apps/server/src/modules/identity';
import { BENCH_OFFICER, startBenchApp } from './bench-app';

type App = Awaited<ReturnType<typeof startBenchApp>>;
type Session = { cookie: string; csrf: string; userId: string };

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}
const ms = (value: number) => `${value.toFixed(1)} ms`;

async function login(bench: App, loginName: string, password: string): Promise<Session> {
  const response = await bench.app.inject({ method: 'POST', url: '/api/auth/login', payload: { login: loginName, password } });
  if (response.statusCode !== 200) throw new Error(`login: ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE)?.value ?? '';
  const me = response.json() as { csrfToken: string; user: { id: string } };
  return { cookie, csrf: me.csrfToken, userId: me.user.id };
}

async function call(bench: App, session: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown) {
  const response = await bench.app.inject({
    method,
    url,
    headers: { cookie: `${SESSION_COOKIE}=${session.cookie}`, ...(method === 'GET' ? {} : { 'x-csrf-token': session.csrf }) },
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
  if (response.statusCode >= 300) throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
  return response.json() as Record<string, unknown>;
}

/** A council of nine scorers (chair and eight members) on a round of Sơn La, each signed in. */
async function givenCouncil(bench: App, officer: Session) {
  const now = new Date();
  const [round] = await bench.database.db
    .insert(evaluationRounds)
    .values({
      provinceCode: '14',
      level: 'province',
      kind: 'extra',
      year: 2026,
      ordinal: 99,
      name: 'Đợt bench',
      proposalsBy: '2026-10-30',
      resultsBy: '2026-12-30',
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: evaluationRounds.id });
  const council = await call(bench, officer, 'POST', '/api/evaluation/councils', { roundId: round?.id, name: 'Hội đồng bench' });
  const members: Session[] = [];
  for (let index = 0; index < 9; index++) {
    const email = `council-${index}-${randomInt(1e6)}@bench.vn`;
    await bench.modules.identity.users.createUser(
      'system',
      { fullName: `Thành viên ${index + 1}`, email, password: 'bench-password', provinceCode: '14', roles: [{ role: 'council_member' }] },
      SYSTEM_CONTEXT,
    );
    const session = await login(bench, email, 'bench-password');
    await call(bench, officer, 'POST', `/api/evaluation/councils/${council.id}/members`, {
      userId: session.userId,
      position: index === 0 ? 'chair' : 'member',
      department: 'industry_trade',
    });
    members.push(session);
  }
  return { roundId: round?.id ?? '', councilId: String(council.id), members };
}

/** A new dossier of a new product in council scoring, assigned to the council. */
async function givenDossier(bench: App, officer: Session, roundId: string, councilId: string, versionId: string): Promise<string> {
  const producer = await call(bench, officer, 'POST', '/api/producers', {
    type: 'cooperative',
    name: `HTX bench ${randomInt(1e9)}`,
    registrationNumber: `55${String(randomInt(0, 1e8)).padStart(8, '0')}`,
    communeCode: '03868',
    address: 'Bản Tà Xùa',
  });
  const sets = await bench.modules.registry.classification.listSets({});
  const productSetId = sets.items.find((item) => item.code === '1.5.1')?.id;
  const product = await call(bench, officer, 'POST', '/api/products', {
    producerId: producer.id,
    productSetId,
    nameVi: `Chè bench ${randomInt(1e9)}`,
  });
  const now = new Date();
  const [dossier] = await bench.database.db
    .insert(dossiers)
    .values({
      provinceCode: '14',
      communeCode: String(producer.communeCode),
      producerId: String(producer.id),
      productId: String(product.id),
      roundId,
      productName: String(product.nameVi),
      productCode: String(product.code),
      producerName: String(producer.name),
      kind: 'first',
      state: 'council_scoring',
      regimeCode: '26/2026',
      criteriaVersionId: versionId,
      councilId,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: dossiers.id });
  return dossier?.id ?? '';
}

/**
 * Nine members each save and submit a complete sheet on one dossier, then the council's result is
 * computed: one round trip of a council's scoring, through HTTP (inject) on PGlite. Baseline: a bare
 * GET /api/health through the same app, in the same run.
 */
export async function benchCouncil(options: { rounds?: number } = {}): Promise<string[]> {
  const rounds = options.rounds ?? 20;
  const bench = await startBenchApp(undefined, 'ocop-bench-council');
  try {
    const officer = await login(bench, BENCH_OFFICER.login, BENCH_OFFICER.password);
    const regime = await bench.modules.evaluation.criteria.regimeInForce();
    const { row, sheet } = await bench.modules.evaluation.criteria.sheetForProductSet({
      versionCode: regime.classificationCode,
      code: '1.5.1',
      mapsTo: [],
    });
    const { roundId, councilId, members } = await givenCouncil(bench, officer);
    const answersFor = (index: number) =>
      Object.fromEntries(
        sheet.answerable.map((criterion) => {
          const sorted = [...criterion.options].sort((a, b) => a.points - b.points);
          return [criterion.code, (index % 2 === 0 ? sorted.at(-1) : sorted[0])?.id ?? ''];
        }),
      );
    const health: number[] = [];
    const scoring: number[] = [];
    const result: number[] = [];
    for (let round = 0; round < rounds + 2; round++) {
      const dossierId = await givenDossier(bench, officer, roundId, councilId, row.id);
      const start = performance.now();
      for (const [index, member] of members.entries()) {
        const saved = await call(bench, member, 'PUT', `/api/evaluation/dossiers/${dossierId}/my-sheet`, {
          answers: answersFor(index),
          revision: 0,
        });
        await call(bench, member, 'POST', `/api/evaluation/dossiers/${dossierId}/my-sheet/submit`, { revision: saved.revision });
      }
      const scored = performance.now();
      const outcome = await bench.modules.evaluation.scoring.resultFor(dossierId);
      if (outcome.submittedSheets !== 9) throw new Error('not all sheets counted');
      const done = performance.now();
      const healthStart = performance.now();
      await bench.app.inject({ method: 'GET', url: '/api/health' });
      const healthDone = performance.now();
      if (round < 2) continue; // warm-up
      scoring.push(scored - start);
      result.push(done - scored);
      health.push(healthDone - healthStart);
    }
    return [
      `baseline GET /api/health (inject), ${health.length} samples: p50 ${ms(percentile(health, 50))}, p95 ${ms(percentile(health, 95))}`,
      `9 members save + submit a complete 26/2026 sheet (18 requests), ${rounds} dossiers: p50 ${ms(percentile(scoring, 50))}, p95 ${ms(percentile(scoring, 95))}`,
      `council result of the 9 sealed sheets (scoring.resultFor): p50 ${ms(percentile(result, 50))}, p95 ${ms(percentile(result, 95))}`,
    ];
  } finally {
    await bench.close();
  }
}
