import type { StampOrderView } from '@ocop/contracts/stamps';
import { stampCheckSymbol } from '@ocop/domain/traceability';
import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobs } from '../../../platform/jobs/jobs.tables';
import { givenProduct, givenProducer } from '../../../test-support/registry-builders';
import { startTestApp, type TestApp } from '../../../test-support/test-app';
import { createStampIssuer, cryptoRandom, type RandomSource, STAMP_ISSUE_QUEUE } from './stamp-issuing';
import { createStampRepository } from './stamp.repository';
import { stampOrders, stamps } from './stamp.tables';

describe('issuing stamps', () => {
  let t: TestApp;
  let member: Awaited<ReturnType<TestApp['as']>>;
  let productId: string;

  beforeAll(async () => {
    t = await startTestApp();
    // This file drives the issuing job by hand: the worker must not run it meanwhile.
    await t.jobs.stop();
    const officer = await t.as({ role: 'province_officer' });
    const producerId = (await givenProducer(officer)).id;
    productId = (await givenProduct(t, officer, producerId)).id;
    member = await t.as({ role: 'producer_member', producerId });
  });
  afterAll(async () => t.close());

  const order = async (quantity: number) =>
    (await member.post('/api/traceability/stamp-orders', { productId, quantity })).json() as StampOrderView;
  const storedStamps = (orderId: string) =>
    t.database.db.select().from(stamps).where(eq(stamps.orderId, orderId)).orderBy(asc(stamps.sequence));
  const issuer = (random?: RandomSource) =>
    createStampIssuer({
      transactions: t.transactions,
      clock: t.clock,
      repository: createStampRepository({ transactions: t.transactions }),
      batchSize: 10,
      ...(random ? { random } : {}),
    });

  it('draws a new serial for one that collides, within a batch and with another order’s, by the unique key', async () => {
    // A broken-looking source: its first draw gives every stamp the serial 000…0, then real randomness.
    const zerosFirst = (): RandomSource => {
      let calls = 0;
      return (bytes) => (calls++ === 0 ? bytes.fill(0) : cryptoRandom(bytes));
    };
    const a = await order(3);
    expect(await issuer(zerosFirst()).issueNextBatch(a.id)).toEqual({ issued: 3, quantity: 3, done: true });
    const first = await storedStamps(a.id);
    expect(first.map((stamp) => stamp.sequence)).toEqual([1, 2, 3]);
    expect(first[0]?.serial).toBe('0'.repeat(20));
    expect(new Set(first.map((stamp) => stamp.serial)).size).toBe(3);

    const b = await order(2);
    await issuer(zerosFirst()).issueNextBatch(b.id);
    const second = await storedStamps(b.id);
    expect(second).toHaveLength(2);
    expect(second.map((stamp) => stamp.serial)).not.toContain('0'.repeat(20));
  });

  it('fails loudly, storing nothing of the batch, when the source keeps repeating itself', async () => {
    const stuck = await order(2);
    const zeros: RandomSource = (bytes) => bytes.fill(0);
    await expect(issuer(zeros).issueNextBatch(stuck.id)).rejects.toThrow(/random source is broken/);
    expect(await storedStamps(stuck.id)).toEqual([]);
    expect((await t.database.db.select().from(stampOrders).where(eq(stampOrders.id, stuck.id)))[0]).toMatchObject({
      issuedCount: 0,
      state: 'issuing',
    });
  });

  it('survives a crash mid-way: committed batches stay invisible, and the next process resumes to exactly N', async () => {
    // The jobs of the orders above were never run (their batches were issued by hand): out of the way.
    await t.database.db.delete(jobs).where(eq(jobs.queue, STAMP_ISSUE_QUEUE));
    const created = await order(35);
    // The job's first run commits two batches of 10 and its process dies holding the job.
    const partial = issuer();
    await partial.issueNextBatch(created.id);
    await partial.issueNextBatch(created.id);
    expect(await t.jobs.claim()).toMatchObject({ id: created.id, status: 'running', attempts: 1 });

    const midway = (await member.get(`/api/traceability/stamp-orders/${created.id}`)).json() as StampOrderView;
    expect(midway).toMatchObject({ state: 'issuing', issuedCount: 20, quantity: 35 });
    const early = (await storedStamps(created.id)).map((stamp) => stamp.serial);
    expect(early).toHaveLength(20);
    // Nothing can use the stamps of an order still issuing.
    expect((await member.get(`/api/traceability/stamp-orders/${created.id}/stamps`)).json()).toEqual({ items: [] });
    const activate = await member.post(`/api/traceability/stamp-orders/${created.id}/activation`, { from: 1, to: 5 });
    expect(activate.statusCode).toBe(409);
    expect(activate.json()).toMatchObject({ code: 'stamp_order.not_issued', details: { issuedCount: 20, quantity: 35 } });
    const typed = `${early[0]}${stampCheckSymbol(early[0] ?? '')}`;
    expect((await member.post('/api/traceability/stamps/activation', { serials: [typed] })).statusCode).toBe(404);
    expect((await member.get(`/api/traceability/stamp-orders/${created.id}/sheet.pdf?layout=a4-65`)).statusCode).toBe(409);

    // A new process starts on the same database; once the dead one's lease runs out it takes the job over.
    t = await t.restart();
    await t.jobs.stop();
    member = Object.assign(t.client(member.session), { session: member.session });
    t.clock.advance(61_000);
    await t.settleJobs();

    const job = (await t.database.db.select().from(jobs).where(eq(jobs.id, created.id)))[0];
    expect(job).toMatchObject({ status: 'completed', attempts: 2, progress: { issued: 35, quantity: 35 } });
    const done = await storedStamps(created.id);
    expect(done.map((stamp) => stamp.sequence)).toEqual(Array.from({ length: 35 }, (_, i) => i + 1));
    expect(new Set(done.map((stamp) => stamp.serial)).size).toBe(35);
    // The batches committed before the crash were kept, not drawn again.
    expect(done.slice(0, 20).map((stamp) => stamp.serial)).toEqual(early);
    expect((await member.get(`/api/traceability/stamp-orders/${created.id}`)).json()).toMatchObject({ state: 'issued', issuedCount: 35 });
  });

  it('shows an order whose job gave up as failed, its stamps still unusable', async () => {
    const created = await order(4);
    await t.database.db.update(jobs).set({ status: 'failed', finishedAt: t.clock.now() }).where(eq(jobs.id, created.id));
    expect((await member.get(`/api/traceability/stamp-orders/${created.id}`)).json()).toMatchObject({ state: 'failed', issuedCount: 0 });
  });
});
