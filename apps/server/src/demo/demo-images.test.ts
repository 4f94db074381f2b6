import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, SON_LA, type TestApp, startTestApp } from '../test-support/test-app';
import { attachDemoImages, demoProductSvg, renderDemoProductImage, wrapWords } from './demo-images';
import { seedRegistryDemo } from './registry-demo';

describe('demo product pictures', () => {
  it('draws the product’s Vietnamese name on its group’s colour, marked as demo data', async () => {
    const svg = demoProductSvg({ name: 'Chè Shan tuyết Tà Xùa (Demo)', setCode: '1.5.1', producerName: 'HTX Chè <Tà Xùa> (Demo)' });
    expect(svg).toContain('Chè Shan tuyết Tà Xùa</text>');
    expect(svg).toContain('HTX Chè &lt;Tà Xùa&gt;</text>');
    expect(svg).toContain('Ảnh minh hoạ · Dữ liệu demo');
    expect(demoProductSvg({ name: 'x', setCode: '6.1.1' })).not.toEqual(demoProductSvg({ name: 'x', setCode: '4.1.1' }));
    const png = await renderDemoProductImage({ name: 'Mật ong bạc hà Mèo Vạc', setCode: '1.2.2' });
    const meta = await sharp(png).metadata();
    expect(meta).toMatchObject({ format: 'png', width: 1200, height: 900 });
  });

  it('wraps long names on at most three lines', () => {
    expect(wrapWords('Cà phê bột nguyên chất Arabica Sơn La rang mộc', 20)).toEqual([
      'Cà phê bột nguyên',
      'chất Arabica Sơn La',
      'rang mộc',
    ]);
    expect(wrapWords('một hai ba bốn năm sáu bảy tám chín mười', 8, 2)).toEqual(['một hai', 'ba bốn…']);
  });

  describe('attachDemoImages', () => {
    let t: TestApp;
    let officer: Client;
    beforeAll(async () => {
      t = await startTestApp();
      officer = await t.as({ role: 'province_officer' });
      await seedRegistryDemo(t.modules.registry, { provinceCode: SON_LA });
    });
    afterAll(() => t.close());

    it('gives every demo product one generated primary picture, once', async () => {
      const first = await attachDemoImages(t.modules.registry, { provinceCode: SON_LA });
      const products = (await officer.get('/api/products?pageSize=200')).json().items as {
        id: string;
        primaryImageUrl: string | null;
        isDemo?: boolean;
      }[];
      expect(first.attached).toBe(products.length);
      expect(first.attached).toBeGreaterThanOrEqual(8);
      expect(products.every((product) => product.primaryImageUrl?.endsWith('?variant=thumb'))).toBe(true);
      const [one] = products;
      if (!one) throw new Error('no demo product');
      const images = (await officer.get(`/api/products/${one.id}/images`)).json();
      expect(images).toHaveLength(1);
      expect(images[0]).toMatchObject({ isPrimary: true, altText: expect.stringMatching(/^Ảnh minh hoạ \(dữ liệu demo\): /) });
      const thumb = await officer.get(one.primaryImageUrl as string);
      expect(thumb.headers['content-type']).toBe('image/webp');
      expect((await attachDemoImages(t.modules.registry, { provinceCode: SON_LA })).attached).toBe(0);
    });
  });
});
