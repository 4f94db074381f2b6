import type { PublicLanguage } from '@ocop/contracts/catalogue';
import { formatSeasons } from '@ocop/domain/registry';
import type { FastifyPluginAsync } from 'fastify';
import { html, SafeHtml } from '../../../platform/html/html';
import { renderPublicPage } from '../../../platform/html/public-page';
import { PUBLIC_CACHE } from '../../../platform/http/public-edge';
import type { CatalogueProduct } from '../catalogue-ports';
import { nameIn } from './catalogue.pages';
import type { SalesPointDirectory } from '../sales-points/sales-point-directory';
import { renderWhereToBuy } from '../sales-points/sales-point.pages';
import { productImageUrl, productPicture } from './product-images';
import type { CatalogueService } from './catalogue.service';
import { producerPath } from '../producers/producer-index';
import { HTML_LANG, hreflangLinks, langAttribute, languageSwitch, producerText, readLanguage, withLanguage } from './public-language';

/** The inquiry form of a page, with a fresh token (the inquiries' part of the module makes it). */
export type InquiryFormOf = (target: { producerId: string; productId: string | null }, language: PublicLanguage) => Promise<SafeHtml>;

const TEXTS = {
  vi: {
    producer: 'Chủ thể',
    place: 'Nơi sản xuất',
    set: 'Bộ sản phẩm',
    price: 'Giá tham khảo',
    certificate: 'Giấy chứng nhận',
    verify: 'Kiểm tra',
    validUntil: 'còn hiệu lực đến',
    story: 'Câu chuyện sản phẩm',
    season: 'Mùa vụ',
    back: '← Danh mục sản phẩm OCOP',
    stars: (n: number) => `Sản phẩm OCOP ${n} sao`,
    notFound: 'Không tìm thấy sản phẩm OCOP này',
    notFoundDetail: 'Sản phẩm không có trong danh mục, hoặc không còn được mang nhãn OCOP.',
  },
  en: {
    producer: 'Producer',
    place: 'Made in',
    set: 'Product set',
    price: 'Indicative price',
    certificate: 'Certificate',
    verify: 'Verify',
    validUntil: 'valid until',
    story: 'The product’s story',
    season: 'In season',
    back: '← OCOP product catalogue',
    stars: (n: number) => `${n}-star OCOP product`,
    notFound: 'No such OCOP product',
    notFoundDetail: 'The product is not in the catalogue, or may no longer carry the OCOP mark.',
  },
  zh: {
    producer: '生产主体',
    place: '产地',
    set: '产品类别',
    price: '参考价格',
    certificate: '认证证书',
    verify: '查验',
    validUntil: '有效期至',
    story: '产品故事',
    season: '产季',
    back: '← OCOP产品目录',
    stars: (n: number) => `OCOP ${n}星产品`,
    notFound: '未找到该OCOP产品',
    notFoundDetail: '该产品不在目录中，或已不再使用OCOP标志。',
  },
} as const;

const day = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** JSON inside a script element: `<` escaped, so no text of a producer can close the element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

/** schema.org `Product` for search engines: name, image, brand, category, the OCOP award, the price range. */
export function productJsonLd(product: CatalogueProduct, language: PublicLanguage, publicUrl: string, description: string | null) {
  const url = new URL(`/san-pham/${encodeURIComponent(product.slug)}`, publicUrl).toString();
  return {
    '@context': 'https://schema.org',
    '@type': 'Product',
    name: nameIn(product, language),
    url,
    sku: product.code,
    ...(description ? { description: description.slice(0, 500) } : {}),
    ...(product.primaryImage ? { image: new URL(productImageUrl(product, 960, 'jpg') as string, publicUrl).toString() } : {}),
    brand: { '@type': 'Organization', name: product.producer.name },
    category: product.productSet.name,
    award: `OCOP ${product.stars}★ (${product.certificateNumber})`,
    ...(product.priceMin !== null || product.priceMax !== null
      ? {
          offers: {
            '@type': 'AggregateOffer',
            priceCurrency: 'VND',
            lowPrice: product.priceMin ?? product.priceMax,
            highPrice: product.priceMax ?? product.priceMin,
          },
        }
      : {}),
  };
}

/**
 * `GET /san-pham/:slug`: a certified product's public page — name in the reader's language (the
 * producer's English or Chinese text where given), stars and certificate with its verification,
 * producer, place, price range, story, where to buy (the open sales points that stock it); schema.org
 * JSON-LD and Open Graph tags for Zalo/Facebook.
 */
export function productPages(
  catalogue: CatalogueService,
  publicUrl: string,
  salesPoints: SalesPointDirectory,
  inquiryForm?: InquiryFormOf,
): FastifyPluginAsync {
  return async (app) => {
    app.get('/san-pham/:slug', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
      const { slug } = request.params as { slug: string };
      const language = readLanguage((request.query as { lang?: unknown }).lang);
      const t = TEXTS[language ?? 'vi'];
      const product = language && slug.length <= 200 ? await catalogue.bySlug(slug) : undefined;
      if (!product || !language) {
        const page = renderPublicPage({
          title: t.notFound,
          lang: HTML_LANG[language ?? 'vi'],
          body: html`<h1>${t.notFound}</h1><p>${language ? t.notFoundDetail : 'Ngôn ngữ không hỗ trợ (vi, en, zh) / Unsupported language'}</p><p><a href="${withLanguage('/san-pham', language ?? 'vi')}">${t.back}</a></p>`,
        });
        return reply
          .status(language ? 404 : 400)
          .header('cache-control', PUBLIC_CACHE.none)
          .type('text/html; charset=utf-8')
          .send(page);
      }
      const [texts, stockists] = await Promise.all([catalogue.texts(product.id), salesPoints.stocking(product.id)]);
      const name = nameIn(product, language);
      const path = `/san-pham/${encodeURIComponent(product.slug)}`;
      const description = (language === 'zh' ? texts?.descriptionZh : null) ?? texts?.description ?? null;
      const url = new URL(`/san-pham/${encodeURIComponent(product.slug)}`, publicUrl).toString();
      const summary = `${t.stars(product.stars)} · ${product.producer.name}${product.communeName ? ` · ${product.communeName}` : ''}`;
      // JPEG for the link previews (Zalo, Facebook): every previewer reads it.
      const image = product.primaryImage ? new URL(productImageUrl(product, 960, 'jpg') as string, publicUrl).toString() : null;
      const head = html`<meta property="og:type" content="product"><meta property="og:title" content="${name}"><meta property="og:description" content="${(description ?? summary).slice(0, 200)}"><meta property="og:url" content="${url}"><meta property="og:locale" content="${language === 'en' ? 'en_US' : language === 'zh' ? 'zh_CN' : 'vi_VN'}">${
        image ? html`<meta property="og:image" content="${image}">` : ''
      }<link rel="canonical" href="${url}">${hreflangLinks(path, publicUrl)}<script type="application/ld+json">${new SafeHtml(scriptJson(productJsonLd(product, language, publicUrl, description)))}</script>`;
      const price =
        product.priceMin !== null || product.priceMax !== null
          ? [product.priceMin, product.priceMax]
              .filter((n): n is number => n !== null)
              .map((n) => `${n.toLocaleString('vi-VN')} đ`)
              .join(' – ')
          : null;
      const row = (label: string, value: string | SafeHtml | null) =>
        value ? html`<dt>${label}</dt><dd style="margin:0 0 .5rem">${value}</dd>` : '';
      const season = formatSeasons(product.seasons, language);
      const seasonNote = texts?.seasonNote ?? null;
      const page = renderPublicPage({
        title: `${name} — OCOP ${product.stars}★`,
        head,
        lang: HTML_LANG[language],
        body: html`${languageSwitch(path, language)}<p><a href="${withLanguage('/san-pham', language)}">${t.back}</a></p>${
          // The page's first picture: fetched at once (it is what a reader looks at first), never lazily.
          productPicture(product, {
            widths: [320, 640, 960],
            sizes: '(max-width: 40rem) calc(100vw - 2rem), 38rem',
            box: 640,
            alt: name,
            eager: true,
            style: 'width:100%;height:auto;border-radius:.5rem;background:#eee',
          }) ?? ''
        }${producerText({ vi: product.nameVi, en: product.nameEn, zh: product.nameZh }, language, (content, lang) => html`<h1${langAttribute(lang)}>${content}</h1>`)}
<p style="font-size:1.2rem"><span style="color:#b8860b">${'★'.repeat(product.stars)}</span> ${t.stars(product.stars)}</p>
<dl>${row(t.producer, html`<a href="${withLanguage(producerPath(product.producer), language)}">${product.producer.name}</a>`)}${row(t.place, [product.communeName, product.legacyDistrictName, product.provinceName].filter(Boolean).join(', '))}${row(t.set, product.productSet.name)}${row(t.price, price)}${row(
          t.season,
          season
            ? html`<span data-testid="seasons">${season}</span>${seasonNote ? html` <small${langAttribute(language === 'vi' ? null : 'vi')}>(${seasonNote})</small>` : ''}`
            : null,
        )}${row(
          t.certificate,
          html`${product.certificateNumber}${product.validUntil ? html` — ${t.validUntil} ${day(product.validUntil)}` : ''} · <a href="${new URL(product.verificationUrl, 'http://x').pathname}">${t.verify}</a>`,
        )}</dl>${producerText({ vi: texts?.description ?? null, zh: texts?.descriptionZh }, language, (content, lang) => html`<p${langAttribute(lang)}>${content}</p>`)}${producerText(
          { vi: texts?.story ?? null, zh: texts?.storyZh },
          language,
          (content, lang) => html`<h2>${t.story}</h2><p style="white-space:pre-line"${langAttribute(lang)}>${content}</p>`,
        )}${renderWhereToBuy(stockists, language)}${
          inquiryForm ? await inquiryForm({ producerId: product.producer.id, productId: product.id }, language) : ''
        }`,
      });
      return reply.header('cache-control', PUBLIC_CACHE.page).type('text/html; charset=utf-8').send(Buffer.from(page));
    });
  };
}
