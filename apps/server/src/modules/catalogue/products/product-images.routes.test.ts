import { sql } from 'drizzle-orm';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { givenLegacyCertificate } from '../../../test-support/certification-builders';
import { aJpeg, aPdf, aPngDeclaring, multipart } from '../../../test-support/file-fixtures';
import { givenProducer, givenProduct } from '../../../test-support/registry-builders';
import { startTestApp, type TestApp } from '../../../test-support/test-app';
import { queryRows } from '../../../platform/database/database';

type Uploaded = { file: { id: string } };

describe('product pictures sized for phones', () => {
  let t: TestApp;
  const products: Record<string, { id: string; slug: string; fileId: string }> = {};
  let documentFileId = '';
  let uncertifiedImage = { productId: '', fileId: '' };

  beforeAll(async () => {
    t = await startTestApp();
    const officer = await t.as({ role: 'province_officer' });
    const producer = await givenProducer(officer, { name: 'HTX Chè Tà Xùa' });
    const withPicture = async (nameVi: string, certified: boolean) => {
      const product = await givenProduct(t, officer, producer.id, { nameVi });
      // A 4:3 photo: its shape travels into the width/height attributes.
      const form = multipart({ file: { filename: 'anh.jpg', bytes: await aJpeg({ width: 1200, height: 900 }) } });
      const uploaded = await officer.post(`/api/products/${product.id}/images`, form.body, form.headers);
      expect(uploaded.statusCode).toBe(201);
      if (certified)
        await givenLegacyCertificate(t, { expiresOn: '2028-05-01', producerId: producer.id, productId: product.id, productName: nameVi });
      return { id: product.id, slug: product.slug, fileId: (uploaded.json() as Uploaded).file.id };
    };
    products.tea = await withPicture('Chè Shan tuyết Tà Xùa', true);
    products.bomb = await withPicture('Mật ong hoa ban', true);
    products.corrupt = await withPicture('Mận hậu Mộc Châu', true);
    const uncertified = await withPicture('Măng rừng sấy', false);
    uncertifiedImage = { productId: uncertified.id, fileId: uncertified.fileId };
    const document = multipart({ fields: { kind: 'food_safety_certificate' }, file: { filename: 'giay-phep.pdf', bytes: aPdf() } });
    const uploadedDocument = await officer.post(`/api/products/${products.tea.id}/documents`, document.body, document.headers);
    expect(uploadedDocument.statusCode).toBe(201);
    documentFileId = (uploadedDocument.json() as Uploaded).file.id;
    await t.settleJobs();
    // What sharp is given for these two: a header declaring 900 megapixels, and bytes of no picture.
    for (const [key, bytes] of [
      ['bomb', await aPngDeclaring(30_000, 30_000)],
      ['corrupt', Buffer.from('not a picture at all, only text pretending to be one')],
    ] as const) {
      const [file] = await queryRows<{ original: string; medium: string | null; thumb: string | null }>(
        t.database.db,
        sql`select store_key as original, variants->'medium'->>'key' as medium, variants->'thumb'->>'key' as thumb from stored_files where id = ${products[key]?.fileId}`,
      );
      for (const blobKey of [file?.original, file?.medium, file?.thumb])
        if (blobKey) writeFileSync(join(t.filesDir, blobKey.slice(0, 2), blobKey.slice(2, 4), blobKey), bytes);
    }
  });
  afterAll(async () => t.close());

  const get = (url: string) => t.anonymous.get(url);
  const base = (key: string) => `/anh-san-pham/${products[key]?.id}/${products[key]?.fileId}`;

  it('shows each product’s picture in the catalogue: srcset of small widths, lazy, with its size', async () => {
    const page = await get('/san-pham?q=che%20shan%20tuyet');
    const img = /<img [^>]*>/.exec(page.body)?.[0] ?? '';
    expect(img).toContain(`src="${base('tea')}/160.webp"`);
    expect(img).toContain(`srcset="${base('tea')}/160.webp 160w, ${base('tea')}/320.webp 320w"`);
    expect(img).toContain('sizes="72px"');
    expect(img).toMatch(/width="72" height="72" loading="lazy" decoding="async"/);
    const api = (await get('/api/public/catalogue?q=che%20shan%20tuyet')).json() as { items: { imageUrl: string | null }[] };
    expect(api.items[0]?.imageUrl).toBe(`${base('tea')}/640.webp`);
  });

  it('shows the product page’s picture at once, in the photo’s shape, and offers it to link previews as JPEG', async () => {
    const page = (await get(`/san-pham/${products.tea?.slug}`)).body;
    const img = /<img [^>]*>/.exec(page)?.[0] ?? '';
    expect(img).toContain(`${base('tea')}/320.webp 320w, ${base('tea')}/640.webp 640w, ${base('tea')}/960.webp 960w`);
    expect(img).toContain('sizes="(max-width: 40rem) calc(100vw - 2rem), 38rem"');
    expect(img).toMatch(/alt="Chè Shan tuyết Tà Xùa" width="640" height="480" fetchpriority="high" decoding="async"/);
    expect(img).not.toContain('loading="lazy"');
    expect(page).toContain(`<meta property="og:image" content="http://localhost${base('tea')}/960.jpg">`);
    const ld = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/.exec(page)?.[1] ?? '{}') as { image?: string };
    expect(ld.image).toBe(`http://localhost${base('tea')}/960.jpg`);
  });

  it('makes each width once, as WebP or JPEG, cached for a year, and keeps it on disk', async () => {
    for (const [size, format, width] of [
      ['320.webp', 'webp', 320],
      ['960.jpg', 'jpeg', 960],
      ['160.webp', 'webp', 160],
    ] as const) {
      const response = await get(`${base('tea')}/${size}`);
      expect(response.statusCode, size).toBe(200);
      expect(response.headers['content-type']).toBe(format === 'webp' ? 'image/webp' : 'image/jpeg');
      expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      const meta = await sharp(response.rawPayload).metadata();
      expect(meta).toMatchObject({ format, width, height: (width * 3) / 4 });
      // The second answer is the kept copy: the same bytes.
      expect((await get(`${base('tea')}/${size}`)).rawPayload.equals(response.rawPayload)).toBe(true);
    }
    const kept = readdirSync(join(t.filesDir, '.public-images'));
    expect(kept.filter((name) => name.startsWith(products.tea?.fileId ?? '-')).sort()).toEqual(
      [`${products.tea?.fileId}-160.webp`, `${products.tea?.fileId}-320.webp`, `${products.tea?.fileId}-960.jpg`].sort(),
    );
  });

  it('answers any other width with the 400-pixel copy', async () => {
    for (const size of ['123.webp', '5000.webp', '0.webp']) {
      const response = await get(`${base('tea')}/${size}`);
      expect(response.statusCode, size).toBe(200);
      expect((await sharp(response.rawPayload).metadata()).width, size).toBe(400);
    }
    expect(existsSync(join(t.filesDir, '.public-images', `${products.tea?.fileId}-123.webp`))).toBe(false);
  });

  it('serves no file but a certified product’s own primary picture', async () => {
    const tea = products.tea as { id: string; fileId: string };
    const corrupt = products.corrupt as { id: string; fileId: string };
    for (const url of [
      `/anh-san-pham/${tea.id}/${documentFileId}/320.webp`, // the product's licence, by its id
      `/anh-san-pham/${tea.id}/${corrupt.fileId}/320.webp`, // another product's picture
      `/anh-san-pham/${uncertifiedImage.productId}/${uncertifiedImage.fileId}/320.webp`, // not in the catalogue
      `/anh-san-pham/${tea.id}/${tea.fileId}/320.png`,
      `/anh-san-pham/${tea.id}/${tea.fileId}/320`,
      `/anh-san-pham/x/${tea.fileId}/320.webp`,
    ]) {
      const response = await get(url);
      expect(response.statusCode, url).toBe(404);
      expect(response.headers['cache-control'], url).toBe('no-store');
    }
    expect(documentFileId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses a source of 900 megapixels from its header and an unreadable one with a 422, the event loop free', async () => {
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const bomb = await get(`${base('bomb')}/640.webp`);
    const corrupt = await get(`${base('corrupt')}/640.jpg`);
    delay.disable();
    for (const response of [bomb, corrupt]) {
      expect(response.statusCode).toBe(422);
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.body).toContain('Không xử lý được ảnh này');
    }
    // Nothing decoded 900 megapixels on the event loop (or anywhere: it would take seconds and gigabytes).
    expect(delay.max / 1e6).toBeLessThan(250);
    expect(readdirSync(join(t.filesDir, '.public-images')).some((name) => name.startsWith(products.bomb?.fileId ?? '-'))).toBe(false);
  });
});
