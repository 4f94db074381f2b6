import type { FastifyPluginAsync } from 'fastify';
import { html, SafeHtml } from '../../../platform/html/html';
import { renderPublicPage } from '../../../platform/html/public-page';
import { PUBLIC_CACHE } from '../../../platform/http/public-edge';
import type { CatalogueSources } from '../catalogue-ports';
import type { FormTokens } from '../inquiries/form-token';
import { inquiryForm } from '../inquiries/inquiry-form';
import { productImageUrl } from '../products/product-images';
import { nameIn, nameIsFallback } from '../products/catalogue.pages';
import { HTML_LANG, hreflangLinks, langAttribute, languageSwitch, readLanguage, withLanguage } from '../products/public-language';
import type { CatalogueService } from '../products/catalogue.service';
import { type PublicProducer, publicProducerBySlug } from './producer-index';

const KINDS = {
  vi: { enterprise: 'Doanh nghiệp', cooperative: 'Hợp tác xã', cooperative_group: 'Tổ hợp tác', household_business: 'Hộ kinh doanh' },
  en: {
    enterprise: 'Enterprise',
    cooperative: 'Cooperative',
    cooperative_group: 'Cooperative group',
    household_business: 'Household business',
  },
  zh: { enterprise: '企业', cooperative: '合作社', cooperative_group: '合作组', household_business: '个体经营户' },
} as const;

const TEXTS = {
  vi: {
    kind: 'Loại hình',
    place: 'Địa chỉ',
    phone: 'Điện thoại',
    products: 'Sản phẩm OCOP',
    stars: (n: number) => `${n} sao`,
    back: '← Danh mục sản phẩm OCOP',
    notFound: 'Không tìm thấy chủ thể OCOP này',
    notFoundDetail: 'Chủ thể không có sản phẩm nào trong danh mục sản phẩm OCOP.',
    summary: (n: number) => `Chủ thể OCOP có ${n} sản phẩm được công nhận`,
  },
  en: {
    kind: 'Kind',
    place: 'Address',
    phone: 'Phone',
    products: 'OCOP products',
    stars: (n: number) => `${n} stars`,
    back: '← OCOP product catalogue',
    notFound: 'No such OCOP producer',
    notFoundDetail: 'The producer has no product in the OCOP catalogue.',
    summary: (n: number) => `OCOP producer with ${n} certified product${n === 1 ? '' : 's'}`,
  },
  zh: {
    kind: '类型',
    place: '地址',
    phone: '电话',
    products: 'OCOP产品',
    stars: (n: number) => `${n}星`,
    back: '← OCOP产品目录',
    notFound: '未找到该OCOP生产主体',
    notFoundDetail: '该生产主体在OCOP产品目录中没有产品。',
    summary: (n: number) => `拥有${n}个认证产品的OCOP生产主体`,
  },
} as const;

const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

/** schema.org `Organization`: name, address (commune, province), its products, the phone only when shown. */
export function producerJsonLd(producer: PublicProducer, url: string, publicUrl: string, phone: string | null) {
  return {
    '@context': 'https://schema.org',
    '@type': 'Organization',
    name: producer.name,
    url,
    address: {
      '@type': 'PostalAddress',
      ...(producer.communeName ? { addressLocality: producer.communeName } : {}),
      ...(producer.provinceName ? { addressRegion: producer.provinceName } : {}),
      addressCountry: 'VN',
    },
    ...(phone ? { telephone: phone } : {}),
    makesOffer: producer.products.map((product) => ({
      '@type': 'Offer',
      itemOffered: {
        '@type': 'Product',
        name: product.nameVi,
        url: new URL(`/san-pham/${encodeURIComponent(product.slug)}`, publicUrl).toString(),
      },
    })),
  };
}

/**
 * `GET /chu-the/:slug`: a producer's public page (only producers with a product in the catalogue):
 * who they are, their place, their certified products, the inquiry form; the phone number only when
 * its members chose to show it. An out-of-date name in the address redirects to the current one.
 */
export function producerPages(deps: {
  catalogue: CatalogueService;
  sources: CatalogueSources;
  tokens: FormTokens;
  showPhone: (producerId: string) => Promise<boolean>;
  publicUrl: string;
}): FastifyPluginAsync {
  return async (app) => {
    app.get('/chu-the/:slug', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
      const { slug } = request.params as { slug: string };
      const language = readLanguage((request.query as { lang?: unknown }).lang);
      const t = TEXTS[language ?? 'vi'];
      const producer = language && slug.length <= 200 ? publicProducerBySlug(await deps.catalogue.all(), slug) : undefined;
      const profile = producer ? await deps.sources.producerProfile(producer.id) : null;
      if (!producer || !profile || !language) {
        const body = html`<h1>${t.notFound}</h1><p>${language ? t.notFoundDetail : 'Ngôn ngữ không hỗ trợ (vi, en, zh) / Unsupported language'}</p><p><a href="${withLanguage('/san-pham', language ?? 'vi')}">${t.back}</a></p>`;
        return reply
          .status(language ? 404 : 400)
          .header('cache-control', PUBLIC_CACHE.none)
          .type('text/html; charset=utf-8')
          .send(renderPublicPage({ title: t.notFound, body, lang: HTML_LANG[language ?? 'vi'] }));
      }
      const query = language === 'vi' ? '' : `?lang=${language}`;
      if (producer.slug !== slug) return reply.status(301).header('location', `/chu-the/${producer.slug}${query}`).send();
      const url = new URL(`/chu-the/${producer.slug}`, deps.publicUrl).toString();
      const phone = profile.phone && (await deps.showPhone(producer.id)) ? profile.phone : null;
      const kinds = KINDS[language];
      // JPEG for the preview: Zalo and Facebook may not read WebP.
      const pictured = producer.products.find((product) => product.primaryImage);
      const image = pictured ? productImageUrl(pictured, 960, 'jpg') : null;
      const summary = t.summary(producer.products.length);
      const head = html`<meta property="og:type" content="website"><meta property="og:title" content="${producer.name}"><meta property="og:description" content="${summary}${producer.communeName ? ` · ${producer.communeName}` : ''}"><meta property="og:url" content="${url}">${
        image ? html`<meta property="og:image" content="${new URL(image, deps.publicUrl).toString()}">` : ''
      }<link rel="canonical" href="${url}">${hreflangLinks(`/chu-the/${producer.slug}`, deps.publicUrl)}<script type="application/ld+json">${new SafeHtml(scriptJson(producerJsonLd(producer, url, deps.publicUrl, phone)))}</script>`;
      const row = (label: string, value: string | SafeHtml | null) =>
        value ? html`<dt>${label}</dt><dd style="margin:0 0 .5rem">${value}</dd>` : '';
      const products = producer.products.map(
        (product) =>
          html`<li><a href="/san-pham/${encodeURIComponent(product.slug)}${query}"${langAttribute(nameIsFallback(product, language) ? 'vi' : null)}>${nameIn(product, language)}</a> <span style="color:#b8860b">${'★'.repeat(product.stars)}</span> ${t.stars(product.stars)}</li>`,
      );
      const body = html`${languageSwitch(`/chu-the/${producer.slug}`, language)}<p><a href="/san-pham${query}">${t.back}</a></p><h1${langAttribute(language === 'vi' ? null : 'vi')}>${producer.name}</h1><p>${summary}</p><dl>${row(t.kind, kinds[profile.type])}${row(
        t.place,
        [producer.communeName, producer.legacyDistrictName, producer.provinceName].filter(Boolean).join(', '),
      )}${row(t.phone, phone ? html`<a href="tel:${phone.replace(/[^\d+]/g, '')}">${phone}</a>` : null)}</dl><h2>${t.products}</h2><ul>${products}</ul>${inquiryForm(
        { producerId: producer.id, productId: null, token: await deps.tokens.issue(), language },
      )}`;
      return reply
        .header('cache-control', PUBLIC_CACHE.page)
        .type('text/html; charset=utf-8')
        .send(renderPublicPage({ title: `${producer.name} — OCOP`, head, body, lang: HTML_LANG[language] }));
    });
  };
}
