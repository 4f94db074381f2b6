import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createS3FileStore } from '../../../platform/files/s3-file-store';
import { aPdf, multipart } from '../../../test-support/file-fixtures';
import { givenProducer } from '../../../test-support/registry-builders';
import { startS3Server } from '../../../test-support/s3-server';
import { type Client, type TestApp, startTestApp } from '../../../test-support/test-app';

describe('registry documents on an S3-compatible store', () => {
  let s3: Awaited<ReturnType<typeof startS3Server>>;
  let store: ReturnType<typeof createS3FileStore>;
  let t: TestApp;
  let officer: Client;

  beforeAll(async () => {
    s3 = await startS3Server();
    store = createS3FileStore(s3.storeOptions);
    t = await startTestApp({ store });
    officer = await t.as({ role: 'province_officer' });
  });
  afterAll(async () => {
    await t.close();
    store.close();
    await s3.stop();
  });

  it('uploads a certificate into the bucket and serves it back, then removes the object with the document', async () => {
    const producer = await givenProducer(officer, { name: 'Hợp tác xã Chè Tà Xùa' });
    const form = multipart({
      fields: { kind: 'food_safety_certificate', number: '125/2025/ATTP-CNĐK', validFrom: '2025-03-01', validTo: '2028-02-29' },
      file: { filename: 'Giấy chứng nhận ATTP.pdf', bytes: aPdf(), contentType: 'application/pdf' },
    });
    const created = await officer.post(`/api/producers/${producer.id}/documents`, form.body, form.headers);
    expect(created.statusCode).toBe(201);
    const document = created.json();

    const key = createHash('sha256').update(aPdf()).digest('hex');
    expect(await store.exists(key)).toBe(true);

    const download = await officer.get(document.file.url);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.rawPayload.equals(aPdf())).toBe(true);

    expect((await officer.delete(`/api/documents/${document.id}`)).statusCode).toBe(204);
    await t.settleJobs(); // the object goes after the commit, through the outbox
    expect(await store.exists(key)).toBe(false);
  });
});
