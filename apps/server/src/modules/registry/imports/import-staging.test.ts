import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { buildProducersWorkbook, buildProductsWorkbook } from '../../../bench-support/import-bench';
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
      // The count is read first and kept only if the import was still running after it: on PostgreSQL
      // the import runs on another connection and may complete between two reads.
      const read = await total();
      const [run] = await t.database.db.select().from(jobs).where(eq(jobs.id, id));
      const job = (await officer.get(`/api/imports/${id}`)).json() as Job;
      if (job.status !== 'queued' && job.status !== 'running') break;
      seen.push({ total: read, phase: (run?.progress as { phase?: string } | null)?.phase ?? null });
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

  it('stages producers the same way: none shows until the import completes, then all, each with its audit entry', async () => {
    const producers = async () => (await officer.get('/api/producers?pageSize=1')).json().total as number;
    const registered = async () =>
      Number(
        (
          await queryRows<{ n: number }>(
            t.database.db,
            sql`select count(*)::int as n from audit_entries where action = 'producer.registered'`,
          )
        )[0]?.n,
      );
    const before = await producers();
    const entriesBefore = await registered();
    const bytes = await buildProducersWorkbook({ registrationNumbers: Array.from({ length: 300 }, () => aTaxCode()) });
    const form = multipart({ file: { filename: 'chu-the.xlsx', bytes, contentType: XLSX } });
    const id = (await officer.post('/api/imports/producers?mode=commit', form.body, form.headers)).json().id as string;
    const seen: number[] = [];
    for (;;) {
      const read = await producers();
      const job = (await officer.get(`/api/imports/${id}`)).json() as Job;
      if (job.status !== 'queued' && job.status !== 'running') break;
      seen.push(read);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await t.modules.registry.imports.idle();
    expect(seen.every((read) => read === before)).toBe(true);
    expect((await officer.get(`/api/imports/${id}`)).json()).toMatchObject({ status: 'completed', summary: { created: 300 } });
    expect(await producers()).toBe(before + 300);
    expect(await registered()).toBe(entriesBefore + 300);
  });

  it('stops a commit whose rows no longer match what its dry run showed, and asks for a new dry run', async () => {
    const numbers = [aTaxCode(), aTaxCode()];
    const bytes = await buildProducersWorkbook({ registrationNumbers: numbers });
    const form = multipart({ file: { filename: 'chu-the.xlsx', bytes, contentType: XLSX } });
    const dry = await officer.post('/api/imports/producers?mode=dry-run', form.body, form.headers);
    await t.modules.registry.imports.idle();
    expect((await officer.get(`/api/imports/${dry.json().id}`)).json()).toMatchObject({ status: 'completed', summary: { created: 2 } });
    // Meanwhile another officer registers one of the file's producers by hand.
    const other = await t.as({ role: 'province_officer' });
    await givenProducer(other, { registrationNumber: numbers[1] });
    const producersBefore = (await officer.get('/api/producers?pageSize=1')).json().total as number;
    const commit = await officer.post(`/api/imports/${dry.json().id}/commit`);
    await t.modules.registry.imports.idle();
    const job = (await officer.get(`/api/imports/${commit.json().id}`)).json() as Job & { problems: { code: string; message: string }[] };
    expect(job.status).toBe('rejected');
    expect(job.problems).toMatchObject([{ code: 'import.changed_since_dry_run', message: expect.stringContaining('kiểm tra thử lại') }]);
    expect((await officer.get('/api/producers?pageSize=1')).json().total).toBe(producersBefore);
    // A file committed without a dry run, or whose matches did not change, is not stopped.
    const again = await officer.post('/api/imports/producers?mode=dry-run', form.body, form.headers);
    await t.modules.registry.imports.idle();
    const second = await officer.post(`/api/imports/${again.json().id}/commit`);
    await t.modules.registry.imports.idle();
    expect((await officer.get(`/api/imports/${second.json().id}`)).json()).toMatchObject({ status: 'completed' });
  });

  it('runs on the durable queue, whose job shares the import’s id', async () => {
    const id = await upload(5, 14);
    await t.modules.registry.imports.idle();
    const [run] = await t.database.db.select().from(jobs).where(eq(jobs.id, id));
    expect(run).toMatchObject({ queue: IMPORT_QUEUE, status: 'completed', result: { status: 'completed' } });
  });
});
