import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aDocx, aJpeg, anElfExecutable, aPdf, aPng, aWindowsExecutable, multipart } from '../../../test-support/file-fixtures';
import { givenProducer, givenProduct } from '../../../test-support/registry-builders';
import { type Client, HANOI, SON_LA, type TestApp, startTestApp } from '../../../test-support/test-app';

/** Every stored blob under the files folder (temporary uploads included). */
function storedBlobs(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else found.push(path);
    }
  };
  if (existsSync(root)) walk(root);
  return found;
}

describe('product images and documents', () => {
  let t: TestApp;
  let officer: Client;
  let memberA: Client;
  let memberB: Client;
  let producerA: { id: string };
  let producerB: { id: string };
  let productA: { id: string };
  let productB: { id: string };

  beforeAll(async () => {
    t = await startTestApp();
    officer = await t.as({ role: 'province_officer' });
    producerA = await givenProducer(officer, { name: 'Hợp tác xã Chè Tà Xùa' });
    producerB = await givenProducer(officer, { name: 'HTX Mận hậu Mộc Châu', communeCode: '03670', legacyCommuneCode: null });
    productA = await givenProduct(t, officer, producerA.id, { nameVi: 'Chè Shan tuyết Tà Xùa' });
    productB = await givenProduct(t, officer, producerB.id, { nameVi: 'Mận hậu sấy dẻo' });
    memberA = await t.as({ role: 'producer_member', producerId: producerA.id });
    memberB = await t.as({ role: 'producer_member', producerId: producerB.id });
  });
  afterAll(() => t.close());

  const upload = (
    client: Client,
    url: string,
    file: { filename: string; bytes: Buffer; contentType?: string },
    fields: Record<string, string> = {},
  ) => {
    const form = multipart({ fields, file });
    return client.post(url, form.body, form.headers);
  };

  describe('product images', () => {
    it('stores a photo upright, without EXIF or GPS, with smaller thumbnail and medium WebP variants', async () => {
      const photo = await aJpeg({ width: 1200, height: 900, gps: true });
      const response = await upload(
        officer,
        `/api/products/${productA.id}/images`,
        { filename: 'chè-tà-xùa.jpg', bytes: photo, contentType: 'image/jpeg' },
        { altText: 'Búp chè' },
      );
      expect(response.statusCode).toBe(201);
      const image = response.json();
      expect(image).toMatchObject({ productId: productA.id, position: 1, isPrimary: true, altText: 'Búp chè' });
      expect(image.file).toMatchObject({ originalName: 'chè-tà-xùa.jpg', mediaType: 'image/jpeg', width: 1200, height: 900 });

      const original = await officer.get(image.file.url);
      const thumb = await officer.get(image.file.thumbUrl);
      const medium = await officer.get(image.file.mediumUrl);
      expect(original.statusCode).toBe(200);
      expect(original.headers['content-type']).toBe('image/jpeg');
      expect(original.headers['x-content-type-options']).toBe('nosniff');
      expect((await sharp(original.rawPayload).metadata()).exif).toBeUndefined();
      for (const [variant, width] of [
        [thumb, 320],
        [medium, 1024],
      ] as const) {
        expect(variant.statusCode).toBe(200);
        expect(variant.headers['content-type']).toBe('image/webp');
        expect((await sharp(variant.rawPayload).metadata()).width).toBe(width);
      }
      expect(thumb.rawPayload.length).toBeLessThan(medium.rawPayload.length);
      expect(medium.rawPayload.length).toBeLessThan(original.rawPayload.length);
    });

    it('keeps several images in order with one primary, which fills the product’s primaryImageUrl', async () => {
      const second = (
        await upload(officer, `/api/products/${productA.id}/images`, { filename: 'hop-che.png', bytes: await aPng() })
      ).json();
      expect(second).toMatchObject({ position: 2, isPrimary: false });
      const list = (await officer.get(`/api/products/${productA.id}/images`)).json() as {
        id: string;
        isPrimary: boolean;
        file: { thumbUrl: string };
      }[];
      const [first] = list;
      if (!first) throw new Error('no image');
      expect(list.map((image) => image.id)).toEqual([first.id, second.id]);

      const reordered = await officer.put(`/api/products/${productA.id}/images/order`, { imageIds: [second.id, first.id] });
      expect(reordered.statusCode).toBe(200);
      expect(reordered.json().map((image: { id: string; position: number }) => [image.id, image.position])).toEqual([
        [second.id, 1],
        [first.id, 2],
      ]);
      expect((await officer.put(`/api/products/${productA.id}/images/order`, { imageIds: [second.id] })).json().code).toBe(
        'product_image.order_mismatch',
      );

      const primary = await officer.post(`/api/products/${productA.id}/images/${second.id}/primary`);
      expect(
        primary
          .json()
          .filter((image: { isPrimary: boolean }) => image.isPrimary)
          .map((image: { id: string }) => image.id),
      ).toEqual([second.id]);
      const product = (await officer.get(`/api/products/${productA.id}`)).json();
      expect(product.primaryImageUrl).toBe(`/api/files/${second.file.id}?variant=thumb`);
      const listed = (await officer.get(`/api/products?producerId=${producerA.id}`)).json();
      expect(listed.items[0].primaryImageUrl).toBe(product.primaryImageUrl);

      // Removing the primary image makes the next one primary and removes its bytes from storage.
      const before = storedBlobs(t.filesDir).length;
      expect((await officer.delete(`/api/products/${productA.id}/images/${second.id}`)).statusCode).toBe(204);
      const after = (await officer.get(`/api/products/${productA.id}/images`)).json();
      expect(after.map((image: { id: string; isPrimary: boolean }) => [image.id, image.isPrimary])).toEqual([[first.id, true]]);
      await t.settleJobs(); // the bytes go after the commit, through the outbox
      expect(storedBlobs(t.filesDir).length).toBe(before - 3);
      expect((await officer.get(second.file.url)).statusCode).toBe(404);

      const audit = await t.modules.identity.audit.list(
        [{ role: 'system_admin', provinceCode: null, communeCode: null, producerId: null, salesPointId: null }],
        {
          entityType: 'product',
          entityId: productA.id,
          page: 1,
          pageSize: 50,
        },
      );
      expect(audit.items.map((entry) => entry.action)).toEqual(
        expect.arrayContaining([
          'product_image.added',
          'product_image.reordered',
          'product_image.primary_changed',
          'product_image.removed',
        ]),
      );
    });

    it('lets a producer member manage the images of its own products only', async () => {
      const own = await upload(memberA, `/api/products/${productA.id}/images`, { filename: 'nhan.png', bytes: await aPng(300, 300) });
      expect(own.statusCode).toBe(201);
      const blobs = storedBlobs(t.filesDir).length;
      const other = await upload(memberA, `/api/products/${productB.id}/images`, { filename: 'nhan.png', bytes: await aPng(301, 300) });
      expect(other.statusCode).toBe(404);
      expect(other.json()).toMatchObject({ code: 'product.not_found', title: 'Không tìm thấy sản phẩm.' });
      expect(storedBlobs(t.filesDir).length).toBe(blobs);
      expect((await memberB.get(`/api/products/${productA.id}/images`)).statusCode).toBe(404);
      expect((await memberB.get(own.json().file.url)).statusCode).toBe(404);
      expect((await memberB.delete(`/api/products/${productA.id}/images/${own.json().id}`)).statusCode).toBe(404);
    });

    it('refuses a file that is not an image, in Vietnamese, and stores nothing', async () => {
      const blobs = storedBlobs(t.filesDir).length;
      for (const bytes of [
        aPdf(),
        Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"></svg>'),
        (await aJpeg({ width: 64, height: 64 })).subarray(0, 60),
      ]) {
        const response = await upload(officer, `/api/products/${productA.id}/images`, {
          filename: 'anh.jpg',
          bytes,
          contentType: 'image/jpeg',
        });
        expect(response.statusCode).toBe(422);
        expect(response.json().code).toBe('file.not_an_image');
        expect(response.json().title).toMatch(/^Tệp không phải là ảnh JPEG, PNG hoặc WebP/);
      }
      expect(storedBlobs(t.filesDir).length).toBe(blobs);
    });
  });

  describe('documents', () => {
    it('stores a food-safety certificate with its number, issuer and validity, and serves it under its name', async () => {
      const response = await upload(
        officer,
        `/api/producers/${producerA.id}/documents`,
        { filename: '..\\..\\Giấy chứng nhận ATTP;<2025>.pdf', bytes: aPdf(), contentType: 'application/pdf' },
        {
          kind: 'food_safety_certificate',
          number: '125/2025/ATTP-CNĐK',
          issuer: 'Chi cục ATVSTP Sơn La',
          validFrom: '2025-03-01',
          validTo: '2028-02-29',
        },
      );
      expect(response.statusCode).toBe(201);
      const document = response.json();
      expect(document).toMatchObject({
        producerId: producerA.id,
        productId: null,
        kind: 'food_safety_certificate',
        number: '125/2025/ATTP-CNĐK',
        validTo: '2028-02-29',
        expired: false,
        file: { mediaType: 'application/pdf', originalName: 'Giấy chứng nhận ATTP;2025.pdf', thumbUrl: null },
      });
      const download = await officer.get(document.file.url);
      expect(download.statusCode).toBe(200);
      expect(download.headers['content-type']).toBe('application/pdf');
      expect(download.headers['x-content-type-options']).toBe('nosniff');
      expect(download.headers['content-disposition']).toBe(
        `attachment; filename="Giay chung nhan ATTP_2025.pdf"; filename*=UTF-8''${encodeURIComponent('Giấy chứng nhận ATTP;2025.pdf')}`,
      );
      expect(download.rawPayload.equals(aPdf())).toBe(true);
      const list = (await memberA.get(`/api/producers/${producerA.id}/documents`)).json();
      expect(list.map((d: { id: string }) => d.id)).toContain(document.id);
    });

    it('accepts DOCX and XLSX documents for a product, and refuses a Windows or Linux program named .pdf', async () => {
      const docx = await upload(
        memberA,
        `/api/products/${productA.id}/documents`,
        { filename: 'cong-bo.docx', bytes: aDocx() },
        { kind: 'product_standard_declaration' },
      );
      expect(docx.statusCode).toBe(201);
      expect(docx.json()).toMatchObject({
        productId: productA.id,
        file: { mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
      });

      const blobs = storedBlobs(t.filesDir).length;
      const count = (await officer.get(`/api/producers/${producerA.id}/documents`)).json().length;
      for (const bytes of [aWindowsExecutable(), anElfExecutable()]) {
        const response = await upload(
          officer,
          `/api/producers/${producerA.id}/documents`,
          { filename: 'giay-phep.pdf', bytes, contentType: 'application/pdf' },
          { kind: 'business_licence' },
        );
        expect(response.statusCode).toBe(422);
        expect(response.json().code).toBe('file.type_not_allowed');
        expect(response.json().title).toMatch(/^Loại tệp không được chấp nhận: nội dung tệp là (EXE|ELF)/);
      }
      expect(storedBlobs(t.filesDir).length).toBe(blobs);
      expect((await officer.get(`/api/producers/${producerA.id}/documents`)).json()).toHaveLength(count);
    });

    it('refuses a 60 MB upload with 413 in Vietnamese and keeps nothing, not even a temporary file', async () => {
      const blobs = storedBlobs(t.filesDir).length;
      const big = Buffer.concat([aPdf(), Buffer.alloc(60 * 1024 * 1024, 0x20)]);
      const response = await upload(
        officer,
        `/api/producers/${producerA.id}/documents`,
        { filename: 'ho-so.pdf', bytes: big },
        { kind: 'other' },
      );
      expect(response.statusCode).toBe(413);
      expect(response.json()).toMatchObject({ code: 'file.too_large', title: 'Tệp quá lớn: tối đa 20 MB. Không có gì được lưu.' });
      expect(storedBlobs(t.filesDir).length).toBe(blobs);
      expect(readdirSync(join(t.filesDir, '.incoming'))).toEqual([]);
      const image = await upload(officer, `/api/products/${productA.id}/images`, {
        filename: 'anh.jpg',
        bytes: Buffer.alloc(11 * 1024 * 1024),
      });
      expect(image.statusCode).toBe(413);
      expect(image.json().title).toContain('tối đa 10 MB');
    });

    it('refuses validity dates in the wrong order and unknown kinds', async () => {
      const inverted = await upload(
        officer,
        `/api/producers/${producerA.id}/documents`,
        { filename: 'a.pdf', bytes: aPdf() },
        { kind: 'test_report', validFrom: '2026-01-10', validTo: '2025-12-31' },
      );
      expect(inverted.statusCode).toBe(422);
      expect(inverted.json()).toMatchObject({
        code: 'document.validity_inverted',
        title: 'Ngày hết hiệu lực (2025-12-31) không được trước ngày có hiệu lực (2026-01-10).',
      });
      const unknown = await upload(
        officer,
        `/api/producers/${producerA.id}/documents`,
        { filename: 'a.pdf', bytes: aPdf() },
        { kind: 'passport' },
      );
      expect(unknown.statusCode).toBe(422);
      expect(unknown.json().details.field).toBe('kind');
      const missing = await officer.post(
        `/api/producers/${producerA.id}/documents`,
        multipart({ fields: { kind: 'other' } }).body,
        multipart({ fields: { kind: 'other' } }).headers,
      );
      expect([400, 422]).toContain(missing.statusCode);
    });

    it('lets only those who may read the producer download its documents', async () => {
      const document = (
        await upload(
          officer,
          `/api/producers/${producerB.id}/documents`,
          { filename: 'dkkd.pdf', bytes: aPdf() },
          { kind: 'business_licence', number: '5500123456' },
        )
      ).json();
      const council = await t.as({ role: 'council_member' });
      const otherCommune = await t.as({ role: 'commune_officer', communeCode: '03868' });
      const hanoi = await t.as({ role: 'province_officer', provinceCode: HANOI });
      expect((await memberB.get(document.file.url)).statusCode).toBe(200);
      expect((await council.get(document.file.url)).statusCode).toBe(200);
      for (const outsider of [memberA, otherCommune, hanoi]) {
        const response = await outsider.get(document.file.url);
        expect(response.statusCode).toBe(404);
        expect(response.json().code).toBe('file.not_found');
        expect((await outsider.get(`/api/documents/${document.id}`)).statusCode).toBe(404);
      }
      expect((await t.anonymous.get(document.file.url)).statusCode).toBe(401);
      expect((await memberA.delete(`/api/documents/${document.id}`)).statusCode).toBe(404);
      expect((await council.delete(`/api/documents/${document.id}`)).statusCode).toBe(403);
    });

    it('changes a document’s details and removes it with its file', async () => {
      const document = (
        await upload(
          officer,
          `/api/products/${productB.id}/documents`,
          { filename: 'kiem-nghiem.pdf', bytes: Buffer.concat([aPdf(), Buffer.from('kn-1')]) },
          { kind: 'test_report' },
        )
      ).json();
      const changed = await memberB.put(`/api/documents/${document.id}`, {
        kind: 'test_report',
        number: 'KN-2026/15',
        issuer: 'Viện Kiểm nghiệm',
        validFrom: '2026-01-15',
        validTo: null,
        version: 1,
      });
      expect(changed.statusCode).toBe(200);
      expect(changed.json()).toMatchObject({
        number: 'KN-2026/15',
        issuer: 'Viện Kiểm nghiệm',
        validFrom: '2026-01-15',
        validTo: null,
        version: 2,
      });
      // Two edits made on the same version: the second one is told to reload, and changes nothing.
      const [first, second] = await Promise.all([
        memberB.put(`/api/documents/${document.id}`, { kind: 'test_report', number: 'KN-2026/16', version: 2 }),
        officer.put(`/api/documents/${document.id}`, { kind: 'test_report', number: 'KN-2026/17', version: 2 }),
      ]);
      expect([first?.statusCode, second?.statusCode].sort()).toEqual([200, 409]);
      const refused = first?.statusCode === 409 ? first : second;
      expect(refused?.json()).toMatchObject({ code: 'document.stale_version', details: { currentVersion: 3 } });
      const kept = first?.statusCode === 200 ? 'KN-2026/16' : 'KN-2026/17';
      expect((await officer.get(`/api/documents/${document.id}`)).json()).toMatchObject({ number: kept, version: 3 });
      const blobs = storedBlobs(t.filesDir).length;
      expect((await memberB.delete(`/api/documents/${document.id}`)).statusCode).toBe(204);
      expect((await memberB.get(document.file.url)).statusCode).toBe(404);
      await t.settleJobs();
      expect(storedBlobs(t.filesDir).length).toBe(blobs - 1);
    });

    it('gives each producer the first end of validity among its and its products’ documents, in the list and alone', async () => {
      const producer = await givenProducer(officer, { name: 'HTX Hạn Giấy Tờ' });
      const product = await givenProduct(t, officer, producer.id, { nameVi: 'Chè hạn giấy tờ' });
      const validToOf = async () => ({
        alone: (await officer.get(`/api/producers/${producer.id}`)).json().earliestDocumentValidTo,
        listed: (await officer.get(`/api/producers?q=${encodeURIComponent('han giay to')}`)).json().items[0]?.earliestDocumentValidTo,
      });
      expect(await validToOf()).toEqual({ alone: null, listed: null });
      const pdf = (tag: string) => ({ filename: 'x.pdf', bytes: Buffer.concat([aPdf(), Buffer.from(tag)]) });
      await upload(officer, `/api/producers/${producer.id}/documents`, pdf('a'), { kind: 'business_licence' });
      await upload(officer, `/api/producers/${producer.id}/documents`, pdf('b'), {
        kind: 'food_safety_certificate',
        validTo: '2027-06-30',
      });
      expect(await validToOf()).toEqual({ alone: '2027-06-30', listed: '2027-06-30' });
      await upload(officer, `/api/products/${product.id}/documents`, pdf('c'), { kind: 'food_safety_certificate', validTo: '2026-04-15' });
      expect(await validToOf()).toEqual({ alone: '2026-04-15', listed: '2026-04-15' });
    });

    it('lists the province’s documents that have expired, for supervision', async () => {
      const add = async (producerId: string, kind: string, validTo: string) =>
        (
          await upload(
            officer,
            `/api/producers/${producerId}/documents`,
            { filename: 'x.pdf', bytes: Buffer.concat([aPdf(), Buffer.from(`${kind}${validTo}`)]) },
            { kind, validFrom: '2023-01-01', validTo },
          )
        ).json();
      const expired = await add(producerB.id, 'food_safety_certificate', '2026-02-28');
      await add(producerB.id, 'food_safety_certificate', '2029-01-01');
      await add(producerB.id, 'business_licence', '2025-01-01');
      expect(expired.expired).toBe(true); // the test clock says 2 March 2026
      const files = t.modules.registry.files;
      const rows = await files.listExpiringDocuments(SON_LA, '2026-03-02', { kinds: ['food_safety_certificate'] });
      expect(rows.map((row) => row.id)).toEqual([expired.id]);
      const soon = await files.listExpiringDocuments(SON_LA, '2030-01-01', { kinds: ['food_safety_certificate'] });
      expect(soon.map((row) => row.validTo)).toEqual(expect.arrayContaining(['2026-02-28', '2028-02-29', '2029-01-01']));
      expect(await files.listExpiringDocuments(HANOI, '2030-01-01')).toEqual([]);
    });
  });
});
