import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { buildProductsWorkbook } from '../../../bench-support/import-bench';
import { queryRows } from '../../../platform/database/database';
import { jobs } from '../../../platform/jobs/jobs.tables';
import { multipart } from '../../../test-support/file-fixtures';
import { aTaxCode, givenProducer } from '../../../test-support/registry-builders';
import { type Client, type TestApp, startTestApp } from '../../../test-support/test-app';
import { SYSTEM_CONTEXT } from '../../identity';
import { IMPORT_QUEUE } from './import.service';
import { importJobs } from './import.tables';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
type Job = { id: string; status: string; failure: { code: string } | null; summary: { created: number } | null };

/**
 * A commit of new products stages its rows in short transactions: readers are served meanwhile and
 * see none of them until the import completes, then all; a run that dies is retried from a clean
 * slate, and one that dies for good leaves nothing behind.
 */
describe('staged product imports', () => {
  let t: TestApp;
  let officer: Client;
  let taxCodes: string[];

  beforeAll(async () => {
    t = await startTestApp();
    officer = await t.as({ role: 'province_officer' });
    taxCodes = [];
    for (let i = 0; i < 3; i++) taxCodes.push((await givenProducer(officer, { registrationNumber: aTaxCode() })).registrationNumber);
  });
  afterAll(() => t.close());

  const total = async () => (await officer.get('/api/products?pageSize=1')).json().total as number;
  const staged = async (importId: string) =>
    Number(
      (await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from products where import_id = ${importId}`))[0]?.n,
    );
  const createdEntries = async () =>
    Number(
      (await queryRows<{ n: number }>(t.database.db, sql`select count(*)::int as n from audit_entries where action = 'product.created'`))[0]
        ?.n,
    );

  const teaSet = async () =>
    ((await officer.get('/api/product-sets')).json().items as { id: string; code: string }[]).find((set) => set.code === '1.5.1')
      ?.id as string;

  async function upload(rows: number, seed: number): Promise<string> {
    const bytes = await buildProductsWorkbook({ rows, producerRegistrationNumbers: taxCodes, seed });
    const form = multipart({ file: { filename: 'san-pham.xlsx', bytes, contentType: XLSX } });
    const started = await officer.post('/api/imports/products?mode=commit', form.body, form.headers);
    expect(started.statusCode).toBe(202);
    return started.json().id as string;
  }

  it('serves reads while it writes, showing its products only once it has completed', async () => {
    const before = await total();
    const entriesBefore = await createdEntries();
    const id = await upload(2_000, 11);
    const seen: { total: number; phase: string | null }[] = [];
    for (;;) {
      const job = (await officer.get(`/api/imports/${id}`)).json() as Job;
      if (job.status !== 'queued' && job.status !== 'running') break;
      const [run] = await t.database.db.select().from(jobs).where(eq(jobs.id, id));
      seen.push({ total: await total(), phase: (run?.progress as { phase?: string } | null)?.phase ?? null });
      // Requests from a real client arrive as I/O; injected ones must leave the event loop its turn.
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await t.modules.registry.imports.idle();
    const whileWriting = seen.filter((read) => read.phase === 'writing');
    // Reads were answered between the import's slices, and none saw a staged row.
    expect(whileWriting.length).toBeGreaterThan(0);
    expect(new Set(seen.map((read) => read.total))).toEqual(new Set([before]));
    expect((await officer.get(`/api/imports/${id}`)).json()).toMatchObject({ status: 'completed', summary: { created: 2_000 } });
    expect(await total()).toBe(before + 2_000);
    // Every product has its own audit entry, written once the import was published.
    expect(await createdEntries()).toBe(entriesBefore + 2_000);
  });

  it('lists the products an import created, by its id, once it has completed', async () => {
    const id = await upload(7, 21);
    await t.modules.registry.imports.idle();
    const created = (await officer.get(`/api/products?importId=${id}&pageSize=50`)).json();
    expect(created.total).toBe(7);
    expect(await staged(id)).toBe(7);
    const other = await upload(2, 22);
    await t.modules.registry.imports.idle();
    const others = (await officer.get(`/api/products?importId=${other}`)).json().items.map((p: { id: string }) => p.id);
    expect(others).toHaveLength(2);
    expect(created.items.some((p: { id: string }) => others.includes(p.id))).toBe(false);
  });

  it('starts a retried run from a clean slate: the rows of a run that died are replaced, not doubled', async () => {
    const before = await total();
    // A run that stops with the server gives its job back; its staged rows stay invisible.
    await t.jobs.stop();
    const id = await upload(300, 12);
    const first = await t.jobs.claim();
    expect(first?.id).toBe(id);
    // Simulate a first attempt that staged some rows and died: stage them as the import would.
    const producers = await officer.get(`/api/producers?q=${taxCodes[0]}`);
    const producerId = producers.json().items[0].id as string;
    const productSetId = await teaSet();
    await t.modules.registry.products.stageProducts(
      { grants: [{ role: 'system_admin', provinceCode: null, communeCode: null, producerId: null, salesPointId: null }] },
      Array.from({ length: 40 }, (_, i) => ({ producerId, productSetId, nameVi: `Chè mồ côi ${i}` })),
      SYSTEM_CONTEXT,
      id,
    );
    expect(await staged(id)).toBe(40);
    expect(await total()).toBe(before);
    // Its lease runs out; the next run (attempt 2) takes it over.
    t.clock.advance(10 * 60_000);
    t.jobs.start();
    await t.modules.registry.imports.idle();
    expect((await officer.get(`/api/imports/${id}`)).json()).toMatchObject({ status: 'completed', summary: { created: 300 } });
    expect(await staged(id)).toBe(300);
    expect(await total()).toBe(before + 300);
    expect((await officer.get('/api/products?q=che mo coi&pageSize=1')).json().total).toBe(0);
  });

  it('fails an import whose runs all died, and removes what it staged', async () => {
    const before = await total();
    await t.jobs.stop();
    const id = await upload(50, 13);
    await t.database.db
      .update(jobs)
      .set({ status: 'running', attempts: 2, leaseOwner: 'a-dead-process', leaseExpiresAt: new Date(t.clock.now().getTime() - 1) })
      .where(eq(jobs.id, id));
    await t.database.db.update(importJobs).set({ status: 'running' }).where(eq(importJobs.id, id));
    const productSetId = await teaSet();
    const producerId = (await officer.get(`/api/producers?q=${taxCodes[1]}`)).json().items[0].id as string;
    await t.modules.registry.products.stageProducts(
      { grants: [{ role: 'system_admin', provinceCode: null, communeCode: null, producerId: null, salesPointId: null }] },
      [{ producerId, productSetId, nameVi: 'Mận hậu bỏ dở' }],
      SYSTEM_CONTEXT,
      id,
    );
    // The worker finds the expired lease with no attempt left and fails the job.
    t.jobs.start();
    await t.modules.registry.imports.idle();
    const [run] = await t.database.db.select().from(jobs).where(eq(jobs.id, id));
    expect(run?.status).toBe('failed');
    const view = (await officer.get(`/api/imports/${id}`)).json() as Job;
    expect(view).toMatchObject({ status: 'failed', failure: { code: 'import.interrupted' } });
    expect(await staged(id)).toBe(0);
    expect(await total()).toBe(before);
  });

  it('runs on the durable queue, whose job shares the import’s id', async () => {
    const id = await upload(5, 14);
    await t.modules.registry.imports.idle();
    const [run] = await t.database.db.select().from(jobs).where(eq(jobs.id, id));
    expect(run).toMatchObject({ queue: IMPORT_QUEUE, status: 'completed', result: { status: 'completed' } });
  });
});
