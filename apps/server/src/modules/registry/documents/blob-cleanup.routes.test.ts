import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppEvents } from '../../../app';
import { queryRows } from '../../../platform/database/database';
import type { PublishedEvent } from '../../../platform/domain-events';
import type { FileStore } from '../../../platform/files/file-store';
import { createOutageStore } from '../../../test-support/outage-store';
import { aPdf, aPng, multipart } from '../../../test-support/file-fixtures';
import { givenProducer, givenProduct } from '../../../test-support/registry-builders';
import { type Client, type TestApp, startTestApp } from '../../../test-support/test-app';

const REMOVE_DOCUMENT_BLOBS = 'event.registry.document_removed.remove_blobs';

describe('blobs of removed files go after the commit, through the outbox', () => {
  let t: TestApp;
  let officer: Client;
  let outage: Awaited<ReturnType<typeof createOutageStore>>;
  let store: FileStore;
  const published: PublishedEvent<AppEvents>[] = [];

  beforeAll(async () => {
    outage = await createOutageStore('ocop-outbox-files-');
    store = outage.store;
    t = await startTestApp({ store });
    officer = await t.as({ role: 'province_officer' });
    for (const name of [
      'registry.document_added',
      'registry.document_updated',
      'registry.document_removed',
      'registry.product_image_added',
      'registry.product_image_removed',
      'registry.product_primary_image_changed',
      'registry.producer_status_changed',
    ] as const) {
      t.events.inTransaction(name, async (event) => {
        published.push(event);
      });
    }
  });
  afterAll(async () => {
    await t.close();
    outage.remove();
  });

  const addDocument = async (producerId: string, bytes: Buffer) => {
    const form = multipart({ fields: { kind: 'other' }, file: { filename: 'ho-so.pdf', bytes, contentType: 'application/pdf' } });
    const response = await officer.post(`/api/producers/${producerId}/documents`, form.body, form.headers);
    expect(response.statusCode).toBe(201);
    return response.json() as { id: string };
  };
  const outbox = (queue: string) =>
    queryRows<{ status: string; attempts: number; payload: { payload: { documentId: string } } }>(
      t.database.db,
      sql`select status, attempts, payload from jobs where queue = ${queue} order by created_at`,
    );

  it('removes a blob once no document uses it any more, one job per removal', async () => {
    const producer = await givenProducer(officer);
    const bytes = Buffer.concat([aPdf(), Buffer.from('shared')]);
    const key = createHash('sha256').update(bytes).digest('hex');
    const first = await addDocument(producer.id, bytes);
    const second = await addDocument(producer.id, bytes); // the same bytes: one blob, two rows

    expect((await officer.delete(`/api/documents/${first.id}`)).statusCode).toBe(204);
    await t.settleJobs();
    expect(await store.exists(key)).toBe(true); // the second document still uses it

    expect((await officer.delete(`/api/documents/${second.id}`)).statusCode).toBe(204);
    await t.settleJobs();
    expect(await store.exists(key)).toBe(false);
    const jobs = (await outbox(REMOVE_DOCUMENT_BLOBS)).filter((job) => [first.id, second.id].includes(job.payload.payload.documentId));
    expect(jobs.map((job) => [job.payload.payload.documentId, job.status, job.attempts])).toEqual([
      [first.id, 'completed', 1],
      [second.id, 'completed', 1],
    ]);
  });

  it('retries the removal while the store fails, so the blob does not leak', async () => {
    const producer = await givenProducer(officer);
    const bytes = Buffer.concat([aPdf(), Buffer.from('outage')]);
    const key = createHash('sha256').update(bytes).digest('hex');
    const document = await addDocument(producer.id, bytes);
    outage.failNextDeletes(1);
    expect((await officer.delete(`/api/documents/${document.id}`)).statusCode).toBe(204);
    await t.settleJobs();
    expect(await store.exists(key)).toBe(true);
    const [failed] = (await outbox(REMOVE_DOCUMENT_BLOBS)).filter((job) => job.payload.payload.documentId === document.id);
    expect(failed).toMatchObject({ status: 'queued', attempts: 1 });

    t.clock.advance(60_000); // past the retry delay
    await t.settleJobs();
    expect(await store.exists(key)).toBe(false);
    const [done] = (await outbox(REMOVE_DOCUMENT_BLOBS)).filter((job) => job.payload.payload.documentId === document.id);
    expect(done).toMatchObject({ status: 'completed', attempts: 2 });
  });

  it('queues nothing when the removal is refused, and removes a picture’s original and variants', async () => {
    const producer = await givenProducer(officer);
    const document = await addDocument(producer.id, Buffer.concat([aPdf(), Buffer.from('kept')]));
    const council = await t.as({ role: 'council_member' });
    const before = (await outbox(REMOVE_DOCUMENT_BLOBS)).length;
    expect((await council.delete(`/api/documents/${document.id}`)).statusCode).toBe(403);
    expect(await outbox(REMOVE_DOCUMENT_BLOBS)).toHaveLength(before);

    const product = await givenProduct(t, officer, producer.id);
    const form = multipart({ file: { filename: 'anh.png', bytes: await aPng(400, 300) } });
    const image = (await officer.post(`/api/products/${product.id}/images`, form.body, form.headers)).json();
    const files = await queryRows<{ store_key: string; variants: Record<string, { key: string }> }>(
      t.database.db,
      sql`select store_key, variants from stored_files where id = ${image.file.id}`,
    );
    const keys = files.flatMap((file) => [file.store_key, ...Object.values(file.variants).map((variant) => variant.key)]);
    expect(keys).toHaveLength(3);
    expect((await officer.delete(`/api/products/${product.id}/images/${image.id}`)).statusCode).toBe(204);
    await t.settleJobs();
    for (const key of keys) expect(await store.exists(key)).toBe(false);
  });

  it('publishes typed registry events as records change state, for other modules to subscribe to', async () => {
    published.length = 0;
    const producer = await givenProducer(officer);
    const product = await givenProduct(t, officer, producer.id);
    const document = await addDocument(producer.id, Buffer.concat([aPdf(), Buffer.from('events')]));
    await officer.put(`/api/documents/${document.id}`, { kind: 'other', number: 'HS-01', version: 1 });
    await officer.delete(`/api/documents/${document.id}`);
    const upload = async (width: number) => {
      const form = multipart({ file: { filename: 'anh.png', bytes: await aPng(width, 300) } });
      return (await officer.post(`/api/products/${product.id}/images`, form.body, form.headers)).json() as { id: string };
    };
    const first = await upload(410);
    const second = await upload(420);
    await officer.post(`/api/products/${product.id}/images/${second.id}/primary`);
    await officer.delete(`/api/products/${product.id}/images/${second.id}`);
    await officer.post(`/api/producers/${producer.id}/status`, { status: 'suspended', reason: 'Tạm ngừng sản xuất', version: 1 });

    expect(published.map((event) => event.name)).toEqual([
      'registry.document_added',
      'registry.document_updated',
      'registry.document_removed',
      'registry.product_image_added',
      'registry.product_primary_image_changed',
      'registry.product_image_added',
      'registry.product_primary_image_changed',
      'registry.product_image_removed',
      'registry.product_primary_image_changed',
      'registry.producer_status_changed',
    ]);
    const primaries = published.filter((event) => event.name === 'registry.product_primary_image_changed').map((event) => event.payload);
    expect(primaries).toEqual([
      { productId: product.id, provinceCode: producer.provinceCode, imageId: first.id, previousImageId: null },
      { productId: product.id, provinceCode: producer.provinceCode, imageId: second.id, previousImageId: first.id },
      { productId: product.id, provinceCode: producer.provinceCode, imageId: first.id, previousImageId: second.id },
    ]);
    expect(published.at(-1)).toMatchObject({
      name: 'registry.producer_status_changed',
      payload: { producerId: producer.id, from: 'active', to: 'suspended', reason: 'Tạm ngừng sản xuất' },
      occurredAt: t.clock.now().toISOString(),
    });
    expect(published.find((event) => event.name === 'registry.document_updated')?.payload).toMatchObject({
      documentId: document.id,
      producerId: producer.id,
      productId: null,
      kind: 'other',
    });
  });
});
