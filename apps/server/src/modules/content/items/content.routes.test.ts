import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aPdf, aPng, aWindowsExecutable, multipart } from '../../../test-support/file-fixtures';
import { givenProducer } from '../../../test-support/registry-builders';
import { type Client, HANOI, startTestApp, type TestApp } from '../../../test-support/test-app';

type Item = {
  id: string;
  slug: string;
  status: string;
  version: number;
  bodyHtml: string;
  publishedAt: string | null;
  files: { id: string; url: string }[];
};

const news = (title: string, bodyHtml = '<p>Nội dung</p>') => ({ kind: 'news', title, bodyHtml, summary: 'Tóm tắt' });
const legal = {
  kind: 'legal',
  title: 'Quyết định 26/2026/QĐ-TTg',
  bodyHtml: '<p>Tiêu chí OCOP</p>',
  legalKind: 'decision',
  documentNumber: '26/2026/QĐ-TTg',
  issuingBody: 'Thủ tướng Chính phủ',
  signedOn: '2026-05-22',
  effectiveOn: '2026-07-06',
};

describe('content: the secretariat writes, publishes and attaches', () => {
  let t: TestApp;
  let officer: Client;
  let hanoi: Client;
  const upload = (client: Client, itemId: string, file: { filename: string; bytes: Buffer }, purpose = 'attachment') => {
    const form = multipart({ fields: { purpose }, file });
    return client.post(`/api/content/items/${itemId}/files`, form.body, form.headers);
  };
  const create = async (client: Client, body: Record<string, unknown>) => {
    const response = await client.post('/api/content/items', body);
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as Item;
  };

  beforeAll(async () => {
    t = await startTestApp();
    officer = await t.as({ role: 'province_officer' });
    hanoi = await t.as({ role: 'province_officer', provinceCode: HANOI });
  });
  afterAll(async () => t.close());

  it('creates a draft with a slug from the title, edits it at its version, publishes and unpublishes', async () => {
    const item = await create(officer, news('Sơn La có 85 sản phẩm OCOP'));
    expect(item).toMatchObject({ slug: 'son-la-co-85-san-pham-ocop', status: 'draft', version: 1, publishedAt: null });
    const second = await create(officer, news('Sơn La có 85 sản phẩm OCOP'));
    expect(second.slug).toBe('son-la-co-85-san-pham-ocop-2');

    const edited = await officer.put(`/api/content/items/${item.id}`, { ...news('Sơn La có 85 sản phẩm OCOP', '<p>Mới</p>'), version: 1 });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ version: 2, bodyHtml: '<p>Mới</p>' });
    const stale = await officer.put(`/api/content/items/${item.id}`, { ...news('Cũ'), version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('content.stale_version');

    const published = await officer.post(`/api/content/items/${item.id}/publish`, { version: 2 });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({ status: 'published', version: 3 });
    expect(published.json().publishedAt).toBe('2026-03-02T02:00:00.000Z');
    const again = await officer.post(`/api/content/items/${item.id}/publish`, { version: 3 });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('content.step_not_allowed');
    const unpublished = await officer.post(`/api/content/items/${item.id}/unpublish`, { version: 3 });
    expect(unpublished.json()).toMatchObject({ status: 'unpublished', version: 4, publishedAt: '2026-03-02T02:00:00.000Z' });

    // Two writers asking for one address at once: one gets it, the other a 409.
    const both = await Promise.all([1, 2].map(() => officer.post('/api/content/items', { ...news('Cùng địa chỉ'), slug: 'cung-dia-chi' })));
    expect(both.map((response) => response.statusCode).sort()).toEqual([201, 409]);
    const taken = await officer.put(`/api/content/items/${second.id}`, { ...news('X'), slug: item.slug, version: 1 });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe('content.slug_taken');

    const list = (await officer.get('/api/content/items?kind=news')).json() as { items: Item[]; total: number };
    expect(list.items.map((row) => row.id)).toEqual(expect.arrayContaining([item.id, second.id]));
  });

  it('refuses producer members and commune officers (403) and hides another province’s items (404)', async () => {
    const item = await create(officer, news('Tin nội bộ tỉnh'));
    const producer = await givenProducer(officer, { name: 'HTX Chè Tà Xùa' });
    const member = await t.as({ role: 'producer_member', producerId: producer.id });
    const commune = await t.as({ role: 'commune_officer' });
    for (const client of [member, commune]) {
      expect((await client.get('/api/content/items')).statusCode).toBe(403);
      expect((await client.post('/api/content/items', news('Không được'))).statusCode).toBe(403);
      expect((await client.post(`/api/content/items/${item.id}/publish`, { version: 1 })).statusCode).toBe(403);
    }
    expect((await hanoi.get(`/api/content/items/${item.id}`)).statusCode).toBe(404);
    expect((await hanoi.put(`/api/content/items/${item.id}`, { ...news('Sửa'), version: 1 })).statusCode).toBe(404);
    expect((await hanoi.post(`/api/content/items/${item.id}/publish`, { version: 1 })).statusCode).toBe(404);
    expect((await upload(hanoi, item.id, { filename: 'a.pdf', bytes: aPdf() })).statusCode).toBe(404);
    const hanoiList = (await hanoi.get('/api/content/items')).json() as { items: Item[] };
    expect(hanoiList.items.map((row) => row.id)).not.toContain(item.id);
    // A province officer cannot write for another province; a system administrator must say which.
    expect((await hanoi.post('/api/content/items', { ...news('Tin'), provinceCode: '14' })).statusCode).toBe(403);
    const admin = await t.as({ role: 'system_admin' });
    const without = await admin.post('/api/content/items', news('Tin của quản trị'));
    expect(without.statusCode).toBe(422);
    expect(without.json().code).toBe('content.province_required');
    expect((await admin.post('/api/content/items', { ...news('Tin của quản trị'), provinceCode: '14' })).statusCode).toBe(201);
  });

  it('stores only the sanitised body', async () => {
    const item = await create(
      officer,
      news(
        'Tin có mã độc',
        '<p onclick="alert(1)" style="color:red">Chào <strong>Sơn La</strong> <a href="javascript:alert(1)">x</a> <a href="https://sonla.gov.vn">y</a></p><script>alert(2)</script><iframe src="https://evil.example"></iframe><img src=x onerror=alert(3)>',
      ),
    );
    expect(item.bodyHtml).toBe(
      '<p>Chào <strong>Sơn La</strong> <a>x</a> <a href="https://sonla.gov.vn" rel="noopener noreferrer">y</a></p>',
    );
    expect((await officer.get(`/api/content/items/${item.id}`)).json().bodyHtml).toBe(item.bodyHtml);
  });

  it('bounds the body (413 past 200 KB sanitised, 400 past the request bound) and checks legal texts', async () => {
    const big = `<p>${'Nông sản Sơn La. '.repeat(13_000)}</p>`;
    const tooBig = await officer.post('/api/content/items', news('Quá dài', big));
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json()).toMatchObject({ code: 'content.body_too_large' });
    expect(tooBig.json().detail).toMatch(/tối đa 200 KB/);
    // Markup the sanitiser would remove still counts against the request's own bound.
    const request = await officer.post('/api/content/items', news('Quá dài', `<p>${'<b></b>'.repeat(60_000)}</p>`));
    expect(request.statusCode).toBe(400);
    expect((await officer.post('/api/content/items', news('x'.repeat(301)))).statusCode).toBe(400);
    const missing = await officer.post('/api/content/items', { ...legal, issuingBody: null });
    expect(missing.statusCode).toBe(422);
    expect(missing.json()).toMatchObject({ code: 'content.legal_field_required', details: { field: 'issuingBody' } });
    const dates = await officer.post('/api/content/items', { ...legal, effectiveOn: '2026-05-01' });
    expect(dates.json().code).toBe('content.effective_before_signed');
  });

  it('attaches files by their sniffed type within their bounds, and serves only published items’ files publicly', async () => {
    const item = await create(officer, legal);
    const pdf = await upload(officer, item.id, { filename: 'QĐ 26-2026.pdf', bytes: aPdf() });
    expect(pdf.statusCode, pdf.body).toBe(201);
    expect(pdf.json()).toMatchObject({ mediaType: 'application/pdf', purpose: 'attachment' });
    const fileUrl = pdf.json().url as string;

    const exe = await upload(officer, item.id, { filename: 'quyet-dinh.pdf', bytes: aWindowsExecutable() });
    expect(exe.statusCode).toBe(422);
    expect(exe.json()).toMatchObject({ code: 'file.type_not_allowed', details: { detected: 'EXE' } });
    const notImage = await upload(officer, item.id, { filename: 'bia.png', bytes: aPdf() }, 'image');
    expect(notImage.json().code).toBe('file.not_an_image');
    const hugeImage = await upload(
      officer,
      item.id,
      { filename: 'bia.png', bytes: Buffer.concat([await aPng(), Buffer.alloc(10 * 1024 * 1024)]) },
      'image',
    );
    expect(hugeImage.statusCode).toBe(413);
    const huge = await upload(officer, item.id, { filename: 'lon.pdf', bytes: Buffer.concat([aPdf(), Buffer.alloc(20 * 1024 * 1024)]) });
    expect(huge.statusCode).toBe(413);
    expect(huge.json().code).toBe('file.too_large');

    const cover = await upload(officer, item.id, { filename: 'bia.png', bytes: await aPng(320, 200) }, 'image');
    expect(cover.statusCode).toBe(201);
    const withCover = await officer.put(`/api/content/items/${item.id}`, { ...legal, version: 1, coverFileId: cover.json().id });
    expect(withCover.json().coverFileId).toBe(cover.json().id);
    const wrongCover = await officer.put(`/api/content/items/${item.id}`, { ...legal, version: 2, coverFileId: pdf.json().id });
    expect(wrongCover.json().code).toBe('content.file_not_found');

    expect((await t.anonymous.get(fileUrl)).statusCode).toBe(404);
    expect((await officer.get(`/api/content/items/${item.id}/files/${pdf.json().id}`)).statusCode).toBe(200);
    await officer.post(`/api/content/items/${item.id}/publish`, { version: 2 });
    const download = await t.anonymous.get(fileUrl);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toBe(`attachment; filename="QD 26-2026.pdf"; filename*=UTF-8''Q%C4%90%2026-2026.pdf`);
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.rawPayload.equals(aPdf())).toBe(true);
    await officer.post(`/api/content/items/${item.id}/unpublish`, { version: 3 });
    expect((await t.anonymous.get(fileUrl)).statusCode).toBe(404);
    expect((await t.anonymous.get('/noi-dung/tep/khong-phai-uuid')).statusCode).toBe(404);

    const removed = await officer.delete(`/api/content/items/${item.id}/files/${cover.json().id}`);
    expect(removed.statusCode).toBe(204);
    const after = (await officer.get(`/api/content/items/${item.id}`)).json();
    expect(after.coverFileId).toBeNull();
    expect(after.files).toHaveLength(1);
  });

  it('keeps the bytes a published attachment shares with a registry document that is removed', async () => {
    const bytes = Buffer.from('%PDF-1.4\n% Quyết định dùng chung\n%%EOF\n', 'utf8');
    const item = await create(officer, news('Văn bản dùng chung'));
    const attached = await upload(officer, item.id, { filename: 'chung.pdf', bytes });
    await officer.post(`/api/content/items/${item.id}/publish`, { version: 1 });
    const producer = await givenProducer(officer, { name: 'HTX Dùng chung' });
    const form = multipart({
      fields: { kind: 'food_safety_certificate' },
      file: { filename: 'chung.pdf', bytes, contentType: 'application/pdf' },
    });
    const document = await officer.post(`/api/producers/${producer.id}/documents`, form.body, form.headers);
    expect(document.statusCode, document.body).toBe(201);
    expect((await officer.delete(`/api/documents/${document.json().id}`)).statusCode).toBe(204);
    await t.settleJobs();
    const download = await t.anonymous.get(attached.json().url);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(bytes)).toBe(true);
  });

  it('holds at most 20 files on one item', async () => {
    const item = await create(officer, news('Nhiều tệp'));
    for (let n = 0; n < 20; n++) expect((await upload(officer, item.id, { filename: `t${n}.pdf`, bytes: aPdf() })).statusCode).toBe(201);
    const one = await upload(officer, item.id, { filename: 't21.pdf', bytes: aPdf() });
    expect(one.statusCode).toBe(409);
    expect(one.json()).toMatchObject({ code: 'content.too_many_files', details: { limit: 20 } });
  });
});
