import type { FastifyPluginAsync } from 'fastify';
import { PUBLIC_CACHE } from '../../../platform/http/public-edge';
import type { CatalogueProduct } from '../catalogue-ports';
import type { CatalogueService } from './catalogue.service';
import { producerPath, publicProducers } from '../producers/producer-index';

/** The licence the open data is published under (the province may choose another in its settings later). */
export const OPEN_DATA_LICENCE = { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' } as const;

/** The open-data columns, in order; `docs/open-data.md` describes each. */
export const OPEN_DATA_COLUMNS = [
  'code',
  'name_vi',
  'name_en',
  'stars',
  'product_group',
  'product_set',
  'producer',
  'commune',
  'former_district',
  'province',
  'price_min',
  'price_max',
  'seasons',
  'certificate_number',
  'certificate_valid_until',
  'verification_url',
  'url',
] as const;

type OpenDataRow = Record<(typeof OPEN_DATA_COLUMNS)[number], string | number | null | readonly number[]>;

function rowOf(product: CatalogueProduct, publicUrl: string): OpenDataRow {
  return {
    code: product.code,
    name_vi: product.nameVi,
    name_en: product.nameEn,
    stars: product.stars,
    product_group: product.productSet.groupName,
    product_set: product.productSet.name,
    producer: product.producer.name,
    commune: product.communeName,
    former_district: product.legacyDistrictName,
    province: product.provinceName,
    price_min: product.priceMin,
    price_max: product.priceMax,
    seasons: product.seasons,
    certificate_number: product.certificateNumber,
    certificate_valid_until: product.validUntil,
    verification_url: new URL(product.verificationUrl, publicUrl).toString(),
    url: new URL(`/san-pham/${encodeURIComponent(product.slug)}`, publicUrl).toString(),
  };
}

/**
 * A CSV cell: quoted when it holds a separator, quote or line break; a text a spreadsheet would run
 * as a formula (= + - @ first) gets a leading apostrophe, since producers write these names.
 */
export function csvCell(value: string | number | null | readonly number[]): string {
  if (value === null) return '';
  // A list of month numbers: "10;11;12;1" would read as a range of its own; in calendar order, ";"-separated.
  if (typeof value === 'object') return value.join(';');
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const xml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/**
 * Open data (`/du-lieu-mo/san-pham-ocop.csv|json`: the certified products with a licence field),
 * `robots.txt` and `sitemap.xml` (the catalogue and every product page).
 */
export function openDataRoutes(catalogue: CatalogueService, publicUrl: string): FastifyPluginAsync {
  return async (app) => {
    app.get('/du-lieu-mo/san-pham-ocop.json', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) => {
      const products = await catalogue.all();
      reply.header('cache-control', PUBLIC_CACHE.page).type('application/json; charset=utf-8');
      return {
        title: 'Danh sách sản phẩm OCOP được công nhận / Certified OCOP products',
        licence: OPEN_DATA_LICENCE,
        schema: new URL('/du-lieu-mo/schema', publicUrl).toString(),
        generatedAt: new Date().toISOString(),
        count: products.length,
        items: products.map((product) => rowOf(product, publicUrl)),
      };
    });

    app.get('/du-lieu-mo/san-pham-ocop.csv', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) => {
      const products = await catalogue.all();
      const lines = [OPEN_DATA_COLUMNS.join(',')];
      for (const product of products) {
        const row = rowOf(product, publicUrl);
        lines.push(OPEN_DATA_COLUMNS.map((column) => csvCell(row[column])).join(','));
      }
      // A byte-order mark so that Excel opens the Vietnamese text as UTF-8.
      return reply
        .header('cache-control', PUBLIC_CACHE.page)
        .header('content-disposition', 'attachment; filename="san-pham-ocop.csv"')
        .header('x-licence', `${OPEN_DATA_LICENCE.name} ${OPEN_DATA_LICENCE.url}`)
        .type('text/csv; charset=utf-8')
        .send(`\uFEFF${lines.join('\r\n')}\r\n`);
    });

    app.get('/du-lieu-mo/schema', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) => {
      reply.header('cache-control', PUBLIC_CACHE.page);
      return {
        licence: OPEN_DATA_LICENCE,
        columns: OPEN_DATA_COLUMNS,
        documentation: 'docs/open-data.md',
      };
    });

    app.get('/robots.txt', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) =>
      reply
        .header('cache-control', PUBLIC_CACHE.page)
        .type('text/plain; charset=utf-8')
        .send(
          `User-agent: *\nAllow: /san-pham\nAllow: /chu-the/\nAllow: /diem-ban\nAllow: /du-lieu-mo/\nAllow: /c/\nAllow: /tin-tuc\nAllow: /van-ban\nDisallow: /api/\nDisallow: /s/\nDisallow: /hoi-mua\nSitemap: ${new URL('/sitemap.xml', publicUrl)}\nSitemap: ${new URL('/sitemap-noi-dung.xml', publicUrl)}\n`,
        ),
    );

    app.get('/sitemap.xml', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) => {
      const products = await catalogue.all();
      const urls = [
        new URL('/san-pham', publicUrl).toString(),
        ...products.map((product) => new URL(`/san-pham/${encodeURIComponent(product.slug)}`, publicUrl).toString()),
        ...publicProducers(products).map((producer) => new URL(producerPath(producer), publicUrl).toString()),
      ];
      // The sitemap protocol takes 50,000 addresses per file: the catalogue's products come first, then producers.
      const body = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls
        .slice(0, 50_000)
        .map((url) => `<url><loc>${xml(url)}</loc></url>`)
        .join('\n')}\n</urlset>\n`;
      return reply.header('cache-control', PUBLIC_CACHE.page).type('application/xml; charset=utf-8').send(body);
    });
  };
}
