import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../../platform/database/database';
import type { FileStore } from '../../../platform/files/file-store';
import { createOutageStore } from '../../../test-support/outage-store';
import { aPdf, multipart } from '../../../test-support/file-fixtures';
import { givenProducer } from '../../../test-support/registry-builders';
import { type Client, startTestApp, type TestApp } from '../../../test-support/test-app';
import { CONTENT_BLOB_QUEUE } from './content-files';

describe('the bytes of removed news attachments go once neither content nor the registry uses them', () => {
  let t: TestApp;
  let officer: Client;
  let outage: Awaited<ReturnType<typeof createOutageStore>>;
  let store: FileStore;

  beforeAll(async () => {
    outage = await createOutageStore('ocop-content-blobs-');
    store = outage.store;
    t = await startTestApp({ store });
    officer = await t.as({ role: 'province_officer' });
  });
  afterAll(async () => {
    await t.close();
    outage.remove();
  });

  const keyOf = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
  const newItem = async (title: string) => {
    const response = await officer.post('/api/content/items', { kind: 'news', title, bodyHtml: '<p>Nội dung</p>', summary: 'Tóm tắt' });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { id: string };
  };
  const attach = async (itemId: string, bytes: Buffer) => {
    const form = multipart({ fields: { purpose: 'attachment' }, file: { filename: 'van-ban.pdf', bytes } });
    const response = await officer.post(`/api/content/items/${itemId}/files`, form.body, form.headers);
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { id: string };
  };
  const removalJobs = async (key: string) =>
    (
      await queryRows<{ status: string; attempts: number; payload: { storeKey: string } }>(
        t.database.db,
        sql`select status, attempts, payload from jobs where queue = ${CONTENT_BLOB_QUEUE} order by created_at`,
      )
    ).filter((job) => job.payload.storeKey === key);

  it('removes the bytes after the removal commits, and keeps them while another item still attaches them', async () => {
    const bytes = Buffer.concat([aPdf(), Buffer.from('tin-tuc-1')]);
    const key = keyOf(bytes);
    const first = await newItem('Tin thứ nhất');
    const second = await newItem('Tin thứ hai');
    const onFirst = await attach(first.id, bytes);
    const onSecond = await attach(second.id, bytes); // the same bytes: one blob, two rows

    expect((await officer.delete(`/api/content/items/${first.id}/files/${onFirst.id}`)).statusCode).toBe(204);
    await t.settleJobs();
    expect(await store.exists(key)).toBe(true);

    expect((await officer.delete(`/api/content/items/${second.id}/files/${onSecond.id}`)).statusCode).toBe(204);
    await t.settleJobs();
    expect(await store.exists(key)).toBe(false);
    expect((await removalJobs(key)).map((job) => [job.status, job.attempts])).toEqual([
      ['completed', 1],
      ['completed', 1],
    ]);
  });

  it('keeps the bytes a registry document still uses', async () => {
    const bytes = Buffer.concat([aPdf(), Buffer.from('dung-chung')]);
    const key = keyOf(bytes);
    const item = await newItem('Văn bản dùng chung với hồ sơ');
    const attached = await attach(item.id, bytes);
    const producer = await givenProducer(officer, { name: 'HTX Giữ tệp' });
    const form = multipart({ fields: { kind: 'other' }, file: { filename: 'ho-so.pdf', bytes, contentType: 'application/pdf' } });
    expect((await officer.post(`/api/producers/${producer.id}/documents`, form.body, form.headers)).statusCode).toBe(201);

    expect((await officer.delete(`/api/content/items/${item.id}/files/${attached.id}`)).statusCode).toBe(204);
    await t.settleJobs();
    expect(await store.exists(key)).toBe(true);
    expect((await removalJobs(key)).map((job) => job.status)).toEqual(['completed']);
  });

  it('retries while the store fails, so the bytes do not leak', async () => {
    const bytes = Buffer.concat([aPdf(), Buffer.from('mat-ket-noi')]);
    const key = keyOf(bytes);
    const item = await newItem('Tin khi kho tệp lỗi');
    const attached = await attach(item.id, bytes);
    outage.failNextDeletes(1);
    expect((await officer.delete(`/api/content/items/${item.id}/files/${attached.id}`)).statusCode).toBe(204);
    await t.settleJobs();
    expect(await store.exists(key)).toBe(true);
    expect(await removalJobs(key)).toMatchObject([{ status: 'queued', attempts: 1 }]);

    t.clock.advance(60_000); // past the retry delay
    await t.settleJobs();
    expect(await store.exists(key)).toBe(false);
    expect(await removalJobs(key)).toMatchObject([{ status: 'completed', attempts: 2 }]);
  });

  it('removes at once the bytes of an attachment that was refused after they were stored', async () => {
    const item = await newItem('Tin đủ tệp');
    for (let n = 0; n < 20; n++) await attach(item.id, Buffer.concat([aPdf(), Buffer.from(`tep-${n}`)]));
    const refused = Buffer.concat([aPdf(), Buffer.from('tep-thua')]);
    const form = multipart({ fields: { purpose: 'attachment' }, file: { filename: 'thua.pdf', bytes: refused } });
    const response = await officer.post(`/api/content/items/${item.id}/files`, form.body, form.headers);
    expect(response.statusCode).toBe(409);
    expect(await store.exists(keyOf(refused))).toBe(false);
    expect(await store.exists(keyOf(Buffer.concat([aPdf(), Buffer.from('tep-0')])))).toBe(true);
  });
});
