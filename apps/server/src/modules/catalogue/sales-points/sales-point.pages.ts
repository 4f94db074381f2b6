import type { PublicLanguage } from '@ocop/contracts/catalogue';
import { SALES_POINT_KIND_NAMES } from '@ocop/contracts/sales-points';
import { salesPointCoverage } from '@ocop/domain/catalogue';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { html, type SafeHtml } from '../../../platform/html/html';
import { renderPublicPage } from '../../../platform/html/public-page';
import { PUBLIC_CACHE } from '../../../platform/http/public-edge';
import { nameIn } from '../products/catalogue.pages';
import { HTML_LANG, languageSwitch, readLanguage, withLanguage } from '../products/public-language';
import type { CatalogueService } from '../products/catalogue.service';
import type { PublicSalesPoint, SalesPointDirectory } from './sales-point-directory';
import { type MapMarker, type MapTiles, provinceOutline, renderSketchMap, renderTileMap } from './sales-point-map';

const TEXTS = {
  vi: {
    title: 'Điểm giới thiệu và bán sản phẩm OCOP',
    intro:
      'Nơi mua sản phẩm OCOP đã được chứng nhận: cửa hàng giới thiệu sản phẩm, góc OCOP tại bưu điện, gian hàng hội chợ và cửa hàng trực tuyến.',
    none: 'Chưa có điểm bán nào được đăng ký.',
    mapCaption: (n: number) => `Bản đồ ${n} điểm bán`,
    sketch: 'ranh giới tỉnh vẽ phác, chỉ để định hướng',
    coverage: 'Độ phủ điểm bán',
    districts: (covered: number, total: number) => `Huyện cũ (trước 7/2025) có điểm bán: ${covered}/${total}`,
    communes: (covered: number, total: number) => `Xã, phường (từ 7/2025) có điểm bán: ${covered}/${total}`,
    uncovered: (n: number) => `${n} xã, phường chưa có điểm bán`,
    online: (n: number) => `Cửa hàng trực tuyến: ${n}`,
    district: 'Huyện cũ',
    points: 'Số điểm',
    address: 'Địa chỉ',
    hours: 'Giờ mở cửa',
    phone: 'Điện thoại',
    website: 'Trang web',
    operator: 'Đơn vị vận hành',
    products: (n: number) => `${n} sản phẩm OCOP`,
    stock: 'Sản phẩm OCOP đang bày bán',
    noStock: 'Điểm bán chưa cập nhật sản phẩm.',
    back: '← Tất cả điểm bán',
    catalogue: 'Danh mục sản phẩm OCOP',
    notFound: 'Không tìm thấy điểm bán này',
    badLanguage: 'Ngôn ngữ không hỗ trợ (vi, en, zh) / Unsupported language',
    whereToBuy: 'Nơi mua',
    nowhere: 'Chưa có điểm bán nào đăng ký sản phẩm này. Hãy liên hệ chủ thể.',
  },
  en: {
    title: 'OCOP showcases and sales points',
    intro: 'Where to buy certified OCOP products: showcase shops, OCOP corners in post offices, fair booths and online stores.',
    none: 'No sales point is registered yet.',
    mapCaption: (n: number) => `Map of ${n} sales points`,
    sketch: 'province boundary sketched, for orientation only',
    coverage: 'Coverage',
    districts: (covered: number, total: number) => `Former districts (before July 2025) with a point: ${covered}/${total}`,
    communes: (covered: number, total: number) => `Communes and wards (since July 2025) with a point: ${covered}/${total}`,
    uncovered: (n: number) => `${n} communes and wards without a point`,
    online: (n: number) => `Online stores: ${n}`,
    district: 'Former district',
    points: 'Points',
    address: 'Address',
    hours: 'Opening hours',
    phone: 'Phone',
    website: 'Website',
    operator: 'Run by',
    products: (n: number) => `${n} OCOP products`,
    stock: 'OCOP products on sale',
    noStock: 'The point has not listed its products yet.',
    back: '← All sales points',
    catalogue: 'OCOP product catalogue',
    notFound: 'No such sales point',
    badLanguage: 'Ngôn ngữ không hỗ trợ (vi, en, zh) / Unsupported language',
    whereToBuy: 'Where to buy',
    nowhere: 'No sales point lists this product yet. Contact the producer.',
  },
  zh: {
    title: 'OCOP产品展示与销售点',
    intro: '购买经认证的OCOP产品的地点：产品展示店、邮局OCOP专柜、展会摊位和网店。',
    none: '尚无登记的销售点。',
    mapCaption: (n: number) => `${n}个销售点地图`,
    sketch: '省界为示意图，仅供参考',
    coverage: '销售点覆盖',
    districts: (covered: number, total: number) => `设有销售点的原县（2025年7月前）：${covered}/${total}`,
    communes: (covered: number, total: number) => `设有销售点的乡、坊（2025年7月起）：${covered}/${total}`,
    uncovered: (n: number) => `${n}个乡、坊尚无销售点`,
    online: (n: number) => `网店：${n}`,
    district: '原县',
    points: '销售点数',
    address: '地址',
    hours: '营业时间',
    phone: '电话',
    website: '网站',
    operator: '运营单位',
    products: (n: number) => `${n}个OCOP产品`,
    stock: '在售OCOP产品',
    noStock: '该销售点尚未更新产品。',
    back: '← 全部销售点',
    catalogue: 'OCOP产品目录',
    notFound: '未找到该销售点',
    badLanguage: 'Ngôn ngữ không hỗ trợ (vi, en, zh) / Unsupported language',
    whereToBuy: '购买地点',
    nowhere: '尚无销售点登记此产品。请联系生产主体。',
  },
} as const;

type Texts = (typeof TEXTS)[keyof typeof TEXTS];
const textsOf = (language: PublicLanguage): Texts => TEXTS[language];
const KIND_NAMES_ZH: Record<PublicSalesPoint['kind'], string> = {
  showcase: 'OCOP产品展示与销售点',
  post_office: '邮局OCOP专柜',
  fair_booth: '展会摊位',
  online_store: '网店',
};
const kindName = (point: PublicSalesPoint, language: PublicLanguage) =>
  language === 'zh' ? KIND_NAMES_ZH[point.kind] : SALES_POINT_KIND_NAMES[point.kind][language];
const placeOf = (point: PublicSalesPoint) => [point.address, point.communeName].filter(Boolean).join(', ');

/** One point's contact lines (address, hours, phone, website), shared by the list, the detail and the product page. */
function contactLines(point: PublicSalesPoint, t: Texts): SafeHtml {
  const line = (label: string, value: SafeHtml | string | null) =>
    value ? html`<div><span style="color:#57606a">${label}:</span> ${value}</div>` : '';
  return html`${line(t.address, placeOf(point) || null)}${line(t.hours, point.hours)}${line(
    t.phone,
    point.phone ? html`<a href="tel:${point.phone.replace(/[^0-9+]/g, '')}">${point.phone}</a>` : null,
  )}${line(t.website, point.websiteUrl ? html`<a href="${point.websiteUrl}" rel="nofollow noopener noreferrer">${point.websiteUrl}</a>` : null)}`;
}

/** "Where to buy" on a product page: the open points that stock it, each linking to its entry. */
export function renderWhereToBuy(points: readonly PublicSalesPoint[], language: PublicLanguage): SafeHtml {
  const t = textsOf(language);
  return html`<section id="noi-mua"><h2>${t.whereToBuy}</h2>${
    points.length === 0
      ? html`<p>${t.nowhere}</p>`
      : html`<ul style="padding-left:1.1rem">${points.map(
          (point) =>
            html`<li style="margin-bottom:.6rem"><a href="${withLanguage(`/diem-ban/${point.id}`, language)}"><strong>${point.name}</strong></a> · ${kindName(point, language)}${contactLines(point, t)}</li>`,
        )}</ul><p><a href="${withLanguage('/diem-ban', language)}">${t.title} →</a></p>`
  }</section>`;
}

function coverageSection(points: readonly PublicSalesPoint[], units: Awaited<ReturnType<SalesPointDirectory['provinces']>>, t: Texts) {
  return [...units].map(([provinceCode, province]) => {
    const coverage = salesPointCoverage({
      districts: province.districts,
      communes: province.communes,
      points: points.filter((point) => point.provinceCode === provinceCode).map((point) => ({ ...point, status: 'active' as const })),
    });
    const uncovered = coverage.communes.filter((row) => row.points === 0);
    return html`<section><h2>${t.coverage} — ${province.provinceName}</h2><p>${t.districts(coverage.districtsCovered, coverage.districts.length)}<br>${t.communes(
      coverage.communesCovered,
      coverage.communes.length,
    )}<br>${t.online(coverage.onlineStores)}</p><table style="border-collapse:collapse;width:100%"><thead><tr><th style="text-align:left">${t.district}</th><th style="text-align:right">${t.points}</th></tr></thead><tbody>${coverage.districts.map(
      (row) =>
        html`<tr style="border-top:1px solid #ddd"><td>${row.points > 0 ? '✓ ' : '✗ '}${row.name}</td><td style="text-align:right">${row.points}</td></tr>`,
    )}</tbody></table>${
      uncovered.length > 0
        ? html`<details style="margin-top:.5rem"><summary>${t.uncovered(uncovered.length)}</summary><p>${uncovered.map((row) => row.name).join(', ')}</p></details>`
        : ''
    }</section>`;
  });
}

function sendPage(reply: FastifyReply, status: number, title: string, body: SafeHtml, language: PublicLanguage) {
  return reply
    .status(status)
    .header('cache-control', status === 200 ? PUBLIC_CACHE.page : PUBLIC_CACHE.none)
    .type('text/html; charset=utf-8')
    .send(Buffer.from(renderPublicPage({ title, body, lang: HTML_LANG[language] })));
}

/**
 * `GET /diem-ban`: the open points on a map (over the province outline, or over tiles when
 * `MAP_TILES_URL` is set), the coverage by former district and new commune, and the list;
 * `GET /diem-ban/:id`: one point and the certified products on its shelf.
 */
export function salesPointPages(directory: SalesPointDirectory, catalogue: CatalogueService, tiles: MapTiles | null): FastifyPluginAsync {
  return async (app) => {
    app.get('/diem-ban', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
      const language = readLanguage((request.query as { lang?: unknown }).lang);
      if (!language) return sendPage(reply, 400, TEXTS.vi.badLanguage, html`<h1>${TEXTS.vi.badLanguage}</h1>`, 'vi');
      const t = textsOf(language);
      const points = await directory.points();
      const markers: MapMarker[] = points.flatMap((point) =>
        point.location ? [{ id: point.id, name: point.name, location: point.location, href: `#diem-${point.id}` }] : [],
      );
      const maps = [...new Set(points.map((point) => point.provinceCode))].map((provinceCode) => {
        const outline = provinceOutline(provinceCode);
        const own = markers.filter((marker) => points.find((point) => point.id === marker.id)?.provinceCode === provinceCode);
        const caption = `${t.mapCaption(own.length)}${outline?.accuracy === 'sketch' && !tiles ? ` (${t.sketch})` : ''}`;
        return tiles ? renderTileMap(own, outline, tiles, caption) : renderSketchMap(own, outline, caption);
      });
      const numbered = new Map(markers.map((marker, index) => [marker.id, index + 1]));
      const body = html`${languageSwitch('/diem-ban', language)}<p><a href="${withLanguage('/san-pham', language)}">← ${t.catalogue}</a></p><h1>${t.title}</h1><p>${t.intro}</p>${
        points.length === 0
          ? html`<p>${t.none}</p>`
          : html`${maps}<ul style="padding-left:0;list-style:none">${points.map(
              (point) =>
                html`<li id="diem-${point.id}" style="margin-bottom:.8rem">${
                  numbered.has(point.id)
                    ? html`<span style="display:inline-block;min-width:1.3rem;border-radius:50%;background:#c0392b;color:#fff;text-align:center;font-weight:700;font-size:.75rem;margin-right:.3rem">${numbered.get(point.id)}</span>`
                    : ''
                }<a href="${withLanguage(`/diem-ban/${point.id}`, language)}"><strong>${point.name}</strong></a> · ${kindName(point, language)} · ${t.products(point.productIds.length)}${contactLines(point, t)}</li>`,
            )}</ul>${coverageSection(points, await directory.provinces(), t)}`
      }`;
      return sendPage(reply, 200, t.title, body, language);
    });

    app.get('/diem-ban/:id', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
      const { id } = request.params as { id: string };
      const language = readLanguage((request.query as { lang?: unknown }).lang);
      if (!language) return sendPage(reply, 400, TEXTS.vi.badLanguage, html`<h1>${TEXTS.vi.badLanguage}</h1>`, 'vi');
      const t = textsOf(language);
      const point = id.length <= 64 ? await directory.byId(id) : undefined;
      if (!point) {
        return sendPage(
          reply,
          404,
          t.notFound,
          html`<h1>${t.notFound}</h1><p><a href="${withLanguage('/diem-ban', language)}">${t.back}</a></p>`,
          language,
        );
      }
      const products = await catalogue.byIds(point.productIds);
      const body = html`<p><a href="${withLanguage('/diem-ban', language)}">${t.back}</a></p><h1>${point.name}</h1><p>${kindName(point, language)}${
        point.operatorName ? html` · ${t.operator}: ${point.operatorName}` : ''
      }</p>${contactLines(point, t)}<h2>${t.stock}</h2>${
        products.length === 0
          ? html`<p>${t.noStock}</p>`
          : html`<ul style="padding-left:1.1rem">${products.map(
              (product) =>
                html`<li><a href="${withLanguage(`/san-pham/${encodeURIComponent(product.slug)}`, language)}">${nameIn(product, language)}</a> <span style="color:#b8860b">${'★'.repeat(product.stars)}</span> · ${product.producer.name}</li>`,
            )}</ul>`
      }`;
      return sendPage(reply, 200, `${point.name} — ${t.title}`, body, language);
    });
  };
}
