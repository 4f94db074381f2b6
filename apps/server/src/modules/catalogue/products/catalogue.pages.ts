import {
  type CatalogueItemView,
  type CatalogueQuery,
  catalogueQuery,
  cataloguePageView,
  type PublicLanguage,
} from '@ocop/contracts/catalogue';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { ALL_MONTHS, formatSeasons, vietnamDate } from '@ocop/domain/registry';
import type { Clock } from '../../../platform/clock';
import { html, type SafeHtml } from '../../../platform/html/html';
import { renderPublicPage } from '../../../platform/html/public-page';
import { PUBLIC_CACHE } from '../../../platform/http/public-edge';
import type { CatalogueProduct } from '../catalogue-ports';
import type { CataloguePage, CatalogueService } from './catalogue.service';
import { productImageUrl, productPicture } from './product-images';
import { HTML_LANG, hreflangLinks, langAttribute, languageSwitch, withLanguage } from './public-language';

const TEXTS = {
  vi: {
    title: 'Sản phẩm OCOP',
    search: 'Tìm sản phẩm, chủ thể, xã, huyện',
    button: 'Tìm',
    allStars: 'Mọi hạng sao',
    stars: (n: number) => `${n} sao`,
    allGroups: 'Mọi nhóm sản phẩm',
    anySeason: 'Mọi mùa vụ',
    inSeason: 'Vào mùa ',
    thisMonth: 'tháng này',
    found: (n: number) => `${n.toLocaleString('vi-VN')} sản phẩm`,
    none: 'Không tìm thấy sản phẩm nào. Hãy thử từ khóa khác.',
    price: 'Giá',
    previous: '← Trang trước',
    next: 'Trang sau →',
    invalid: 'Yêu cầu không hợp lệ',
  },
  en: {
    title: 'OCOP products',
    search: 'Search products, producers, communes, districts',
    button: 'Search',
    allStars: 'Any stars',
    stars: (n: number) => `${n} stars`,
    allGroups: 'Any product group',
    anySeason: 'Any season',
    inSeason: 'In season: ',
    thisMonth: 'this month',
    found: (n: number) => `${n.toLocaleString('en')} products`,
    none: 'No product found. Try other words.',
    price: 'Price',
    previous: '← Previous page',
    next: 'Next page →',
    invalid: 'Invalid request',
  },
  zh: {
    title: 'OCOP产品',
    search: '搜索产品、生产主体、乡、县（越南文或英文）',
    button: '搜索',
    allStars: '全部星级',
    stars: (n: number) => `${n}星`,
    allGroups: '全部产品类别',
    anySeason: '全部产季',
    inSeason: '产季：',
    thisMonth: '本月',
    found: (n: number) => `共${n.toLocaleString('zh-CN')}个产品`,
    none: '未找到产品。请尝试其他关键词。',
    price: '价格',
    previous: '← 上一页',
    next: '下一页 →',
    invalid: '请求无效',
  },
} as const;

/** The public name of a product in a language: the producer's own text where given, else Vietnamese. */
export function nameIn(product: CatalogueProduct, language: PublicLanguage): string {
  if (language === 'en' && product.nameEn) return product.nameEn;
  if (language === 'zh' && product.nameZh) return product.nameZh;
  return product.nameVi;
}

/** True when `nameIn` falls back to the Vietnamese name on a page in another language. */
export function nameIsFallback(product: CatalogueProduct, language: PublicLanguage): boolean {
  return language === 'en' ? !product.nameEn : language === 'zh' ? !product.nameZh : false;
}

export function catalogueItem(product: CatalogueProduct, language: PublicLanguage): CatalogueItemView {
  return {
    id: product.id,
    slug: product.slug,
    code: product.code,
    name: nameIn(product, language),
    nameVi: product.nameVi,
    producer: product.producer,
    productSet: product.productSet,
    place: {
      communeCode: product.communeCode,
      communeName: product.communeName,
      legacyDistrictName: product.legacyDistrictName,
      provinceName: product.provinceName,
    },
    stars: product.stars,
    priceMin: product.priceMin,
    priceMax: product.priceMax,
    seasons: [...product.seasons],
    imageUrl: productImageUrl(product, 640),
    url: `/san-pham/${encodeURIComponent(product.slug)}`,
    certificate: {
      number: product.certificateNumber,
      status: product.certificateStatus,
      validUntil: product.validUntil,
      verificationUrl: product.verificationUrl,
    },
  };
}

const money = (n: number) => `${n.toLocaleString('vi-VN')} đ`;
function priceRange(product: CatalogueProduct): string | null {
  if (product.priceMin !== null && product.priceMax !== null && product.priceMin !== product.priceMax)
    return `${money(product.priceMin)} – ${money(product.priceMax)}`;
  const one = product.priceMin ?? product.priceMax;
  return one === null ? null : money(one);
}

/** The address of a catalogue page with some of the query changed (only what differs from the defaults). */
function pageHref(query: CatalogueQuery, change: Partial<CatalogueQuery>): string {
  const next = { ...query, ...change };
  const params = new URLSearchParams();
  if (next.q) params.set('q', next.q);
  if (next.stars) params.set('stars', String(next.stars));
  if (next.group) params.set('group', next.group);
  if (next.set) params.set('set', next.set);
  if (next.place) params.set('place', next.place);
  if (next.month) params.set('month', String(next.month));
  if (next.sort) params.set('sort', next.sort);
  if (next.page > 1) params.set('page', String(next.page));
  if (next.lang !== 'vi') params.set('lang', next.lang);
  const text = params.toString();
  return text ? `/san-pham?${text}` : '/san-pham';
}

function productCard(product: CatalogueProduct, language: PublicLanguage): SafeHtml {
  const t = TEXTS[language];
  const price = priceRange(product);
  const place = [product.communeName, product.legacyDistrictName].filter(Boolean).join(', ');
  return html`<li style="display:flex;gap:.75rem;padding:.75rem 0;border-bottom:1px solid #e5e5e0">${
    productPicture(product, {
      widths: [160, 320],
      sizes: '72px',
      box: 72,
      square: true,
      alt: '',
      style: 'border-radius:.5rem;object-fit:cover;background:#eee;flex:none',
    }) ?? html`<span style="width:72px;height:72px;border-radius:.5rem;background:#eee;flex:none"></span>`
  }<span><a href="${withLanguage(`/san-pham/${encodeURIComponent(product.slug)}`, language)}" style="font-weight:700"${langAttribute(nameIsFallback(product, language) ? 'vi' : null)}>${nameIn(product, language)}</a>
<br><span style="color:#b8860b" aria-label="${t.stars(product.stars)}">${'★'.repeat(product.stars)}</span> · ${product.producer.name}
<br><small>${place}${price ? html` · ${t.price} ${price}` : ''}</small></span></li>`;
}

/** The query of a catalogue page but its language and page: what the language switch and hreflang keep. */
function searchOf(query: CatalogueQuery): URLSearchParams {
  return new URLSearchParams(pageHref(query, { page: 1, lang: 'vi' }).split('?')[1] ?? '');
}

/** The month in Vietnam (UTC+7, no daylight saving), 1–12: the season filter marks it. */
const vietnamMonth = (now: Date) => Number(vietnamDate(now).slice(5, 7));

export function cataloguePageHtml(
  result: CataloguePage,
  query: CatalogueQuery,
  groups: readonly { code: string; name: string }[],
  publicUrl: string,
  currentMonth: number,
): string {
  const language = query.lang;
  const t = TEXTS[language];
  const lastPage = Math.max(1, Math.ceil(result.total / result.pageSize));
  const option = (value: string, label: string, selected: boolean) =>
    html`<option value="${value}"${selected ? html` selected` : ''}>${label}</option>`;
  const search = searchOf(query);
  return renderPublicPage({
    title: query.q ? `${query.q} — ${t.title}` : t.title,
    lang: HTML_LANG[language],
    head: hreflangLinks('/san-pham', publicUrl, search),
    body: html`${languageSwitch('/san-pham', language, search)}<h1>${t.title}</h1>
<form method="get" action="/san-pham" role="search" style="display:flex;flex-wrap:wrap;gap:.5rem">
<input type="search" name="q" value="${query.q ?? ''}" maxlength="500" placeholder="${t.search}" aria-label="${t.search}" style="flex:1 1 14rem;font:inherit;padding:.5rem">
<select name="stars" aria-label="${t.allStars}" style="font:inherit;padding:.5rem">${option('', t.allStars, !query.stars)}${[5, 4, 3].map((n) => option(String(n), t.stars(n), query.stars === n))}</select>
<select name="group" aria-label="${t.allGroups}" style="font:inherit;padding:.5rem">${option('', t.allGroups, !query.group)}${groups.map((group) => option(group.code, group.name, query.group === group.code))}</select>
<select name="month" aria-label="${t.anySeason}" style="font:inherit;padding:.5rem">${option('', t.anySeason, !query.month)}${ALL_MONTHS.map(
      (month) =>
        option(
          String(month),
          `${t.inSeason}${formatSeasons([month], language)}${month === currentMonth ? ` (${t.thisMonth})` : ''}`,
          query.month === month,
        ),
    )}</select>
${language === 'vi' ? '' : html`<input type="hidden" name="lang" value="${language}">`}<button style="font:inherit;padding:.5rem 1rem;background:#1d6b34;color:#fff;border:0;border-radius:.25rem">${t.button}</button></form>
<p data-testid="catalogue-total">${t.found(result.total)}</p>
${result.items.length === 0 ? html`<p>${t.none}</p>` : html`<ul style="list-style:none;padding:0;margin:0">${result.items.map((product) => productCard(product, query.lang))}</ul>`}
<nav style="display:flex;justify-content:space-between;margin-top:1rem">${
      result.page > 1 ? html`<a href="${pageHref(query, { page: result.page - 1 })}" rel="prev">${t.previous}</a>` : html`<span></span>`
    }${result.page < lastPage ? html`<a href="${pageHref(query, { page: result.page + 1 })}" rel="next">${t.next}</a>` : ''}</nav>
<footer><a href="/du-lieu-mo/san-pham-ocop.csv">CSV</a> · <a href="/du-lieu-mo/san-pham-ocop.json">JSON</a></footer>`,
  });
}

function invalidPage(reason: string): string {
  const t = TEXTS.vi;
  return renderPublicPage({
    title: t.invalid,
    body: html`<h1>${t.invalid}</h1><p role="alert">${reason}</p><p><a href="/san-pham">${t.title}</a></p>`,
  });
}

const sendHtml = (reply: FastifyReply, page: string, cache: string) =>
  reply.header('cache-control', cache).type('text/html; charset=utf-8').send(Buffer.from(page));

/**
 * `GET /san-pham`: the catalogue as server-rendered HTML (search, filters, paging; no script), and
 * `GET /api/public/catalogue`: the same as JSON. A bad query (page=-1, a search of 10,000
 * characters, an unknown language) is a 400 saying which field and why, in Vietnamese and English.
 */
export function cataloguePages(catalogue: CatalogueService, publicUrl: string, clock: Clock): FastifyPluginAsync {
  return async (app) => {
    app.get('/san-pham', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
      // The form sends its empty choices ("stars=&group="): an empty field is no filter.
      const fields = Object.entries(request.query as Record<string, unknown>).filter(([, value]) => value !== '');
      const parsed = catalogueQuery.safeParse(Object.fromEntries(fields));
      if (!parsed.success) {
        const reason = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
        return sendHtml(reply.status(400), invalidPage(reason), PUBLIC_CACHE.none);
      }
      const [result, groups] = await Promise.all([catalogue.search(parsed.data), catalogue.groups()]);
      return sendHtml(reply, cataloguePageHtml(result, parsed.data, groups, publicUrl, vietnamMonth(clock.now())), PUBLIC_CACHE.page);
    });

    app.get(
      '/api/public/catalogue',
      {
        config: { access: 'public' },
        schema: {
          tags: ['Cổng công khai / Public portal'],
          summary: 'The certified products (those that may show the OCOP mark today): search without diacritics, filters, paging',
          querystring: catalogueQuery,
          response: { 200: cataloguePageView },
        },
      },
      async (request, reply) => {
        const query = request.query as CatalogueQuery;
        const result = await catalogue.search(query);
        reply.header('cache-control', PUBLIC_CACHE.page);
        return { ...result, items: result.items.map((product) => catalogueItem(product, query.lang)) };
      },
    );
  };
}
