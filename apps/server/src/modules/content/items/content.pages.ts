import { CONTENT_LIMITS, LEGAL_KINDS, publicContentQuery, type PublicContentQuery } from '@ocop/contracts/content';
import type { ContentKind } from '@ocop/domain/content';
import { isDomainError } from '@ocop/domain/shared';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { html, SafeHtml } from '../../../platform/html/html';
import { renderPublicPage } from '../../../platform/html/public-page';
import { PUBLIC_CACHE } from '../../../platform/http/public-edge';
import type { ContentFileRow, ContentItemRow } from './content.tables';
import type { ContentService } from './content.service';
import { fileAddress, publicPathOf } from './content-support';
import { LEGAL_KIND_NAMES, PAGE_TEXTS, type PageLanguage, vietnamDay } from './content-page-texts';

const BASE: Record<ContentKind, string> = { news: '/tin-tuc', legal: '/van-ban' };

const sendHtml = (reply: FastifyReply, status: number, page: string, cache: string) =>
  reply.status(status).header('cache-control', cache).type('text/html; charset=utf-8').send(Buffer.from(page));

function problemPage(reply: FastifyReply, status: 400 | 404, language: PageLanguage, detail: string, kind: ContentKind) {
  const t = PAGE_TEXTS[language];
  const title = status === 404 ? t.notFound : t.invalid;
  return sendHtml(
    reply,
    status,
    renderPublicPage({
      title,
      body: html`<h1>${title}</h1><p role="alert">${detail}</p><p><a href="${BASE[kind]}">${kind === 'news' ? t.backNews : t.backLegal}</a></p>`,
    }),
    PUBLIC_CACHE.none,
  );
}

/** The query of a public page, or the reasons it is refused (in both languages, with the field). */
function parseQuery(query: unknown): { ok: true; value: PublicContentQuery } | { ok: false; reason: string } {
  const fields = Object.entries((query ?? {}) as Record<string, unknown>).filter(([, value]) => value !== '');
  const parsed = publicContentQuery.safeParse(Object.fromEntries(fields));
  if (parsed.success) return { ok: true, value: parsed.data };
  const reason = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
  return { ok: false, reason: `Tham số không hợp lệ / Invalid parameter — ${reason}` };
}

function href(kind: ContentKind, query: PublicContentQuery, change: Partial<PublicContentQuery>): string {
  const next = { ...query, ...change };
  const params = new URLSearchParams();
  if (next.loai && kind === 'legal') params.set('loai', next.loai);
  if (next.page > 1) params.set('page', String(next.page));
  if (next.lang !== 'vi') params.set('lang', next.lang);
  const text = params.toString();
  return text ? `${BASE[kind]}?${text}` : BASE[kind];
}

const withLang = (path: string, language: PageLanguage) => (language === 'vi' ? path : `${path}?lang=${language}`);

function listEntry(item: ContentItemRow, language: PageLanguage): SafeHtml {
  const t = PAGE_TEXTS[language];
  const meta =
    item.kind === 'legal'
      ? html`${item.legalKind ? LEGAL_KIND_NAMES[item.legalKind][language] : ''} ${item.documentNumber ?? ''} · ${item.issuingBody ?? ''}${item.signedOn ? html` · ${t.signed} ${vietnamDay(item.signedOn)}` : ''}`
      : html`${t.published} ${item.publishedAt ? vietnamDay(item.publishedAt) : ''}`;
  return html`<li style="padding:.75rem 0;border-bottom:1px solid #e5e5e0"><a href="${withLang(publicPathOf(item), language)}" style="font-weight:700">${item.title}</a><br><small>${meta}</small>${item.summary ? html`<br>${item.summary}` : ''}</li>`;
}

function listPage(kind: ContentKind, rows: ContentItemRow[], total: number, query: PublicContentQuery): string {
  const language = query.lang;
  const t = PAGE_TEXTS[language];
  const title = kind === 'news' ? t.news : t.legal;
  const lastPage = Math.max(1, Math.ceil(total / CONTENT_LIMITS.publicPageSize));
  const kindFilter =
    kind === 'legal'
      ? html`<form method="get" action="/van-ban" style="display:flex;gap:.5rem"><select name="loai" aria-label="${t.kind}" style="font:inherit;padding:.4rem"><option value="">${t.allKinds}</option>${LEGAL_KINDS.map(
          (legalKind) =>
            html`<option value="${legalKind}"${query.loai === legalKind ? html` selected` : ''}>${LEGAL_KIND_NAMES[legalKind][language]}</option>`,
        )}</select>${language === 'vi' ? '' : html`<input type="hidden" name="lang" value="${language}">`}<button style="font:inherit;padding:.4rem 1rem">${t.filter}</button></form>`
      : '';
  const head =
    kind === 'news' ? html`<link rel="alternate" type="application/rss+xml" title="${t.news}" href="/tin-tuc/rss.xml">` : undefined;
  return renderPublicPage({
    title,
    head,
    body: html`<div lang="${language}"><h1>${title}</h1>${kindFilter}
${rows.length === 0 ? html`<p>${t.none}</p>` : html`<ul style="list-style:none;padding:0;margin:0">${rows.map((row) => listEntry(row, language))}</ul>`}
<nav style="display:flex;justify-content:space-between;margin-top:1rem">${
      query.page > 1 ? html`<a href="${href(kind, query, { page: query.page - 1 })}" rel="prev">${t.previous}</a>` : html`<span></span>`
    }${query.page < lastPage ? html`<a href="${href(kind, query, { page: query.page + 1 })}" rel="next">${t.next}</a>` : ''}</nav>
<footer><a href="${href(kind, query, { lang: language === 'vi' ? 'en' : 'vi', page: 1 })}">${t.other}</a> · <a href="${kind === 'news' ? '/van-ban' : '/tin-tuc'}">${kind === 'news' ? t.legal : t.news}</a> · <a href="/san-pham">${t.products}</a>${kind === 'news' ? html` · <a href="/tin-tuc/rss.xml">${t.rss}</a>` : ''}</footer></div>`,
  });
}

const bytesText = (n: number) => (n >= 1024 * 1024 ? `${(n / (1024 * 1024)).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1024))} KB`);

function itemPage(item: ContentItemRow, files: ContentFileRow[], language: PageLanguage, publicUrl: string): string {
  const t = PAGE_TEXTS[language];
  const url = new URL(publicPathOf(item), publicUrl).toString();
  const cover = item.coverFileId ? files.find((file) => file.id === item.coverFileId) : undefined;
  const attachments = files.filter((file) => file.purpose === 'attachment');
  const row = (label: string, value: string | null) => (value ? html`<dt>${label}</dt><dd style="margin:0 0 .5rem">${value}</dd>` : '');
  const legal =
    item.kind === 'legal'
      ? html`<dl>${row(t.kind, item.legalKind ? LEGAL_KIND_NAMES[item.legalKind][language] : null)}${row(t.number, item.documentNumber)}${row(t.issuer, item.issuingBody)}${row(t.signed, item.signedOn && vietnamDay(item.signedOn))}${row(t.effective, item.effectiveOn && vietnamDay(item.effectiveOn))}</dl>`
      : html`<p><small>${t.published} ${item.publishedAt ? vietnamDay(item.publishedAt) : ''}</small></p>`;
  const head = html`<meta property="og:type" content="article"><meta property="og:title" content="${item.title}">${
    item.summary
      ? html`<meta property="og:description" content="${item.summary.slice(0, 200)}"><meta name="description" content="${item.summary.slice(0, 200)}">`
      : ''
  }<meta property="og:url" content="${url}">${cover ? html`<meta property="og:image" content="${new URL(fileAddress(cover.id), publicUrl).toString()}">` : ''}<link rel="canonical" href="${url}">`;
  return renderPublicPage({
    title: item.title,
    head,
    // The body is the sanitised HTML stored by the service (rich-text.ts); nothing else here is unescaped.
    body: html`<p><a href="${withLang(BASE[item.kind], language)}">${item.kind === 'news' ? t.backNews : t.backLegal}</a></p><article><h1>${item.title}</h1>${legal}${
      cover
        ? html`<img src="${fileAddress(cover.id)}" alt="" loading="lazy" decoding="async" style="max-width:100%;height:auto;border-radius:.5rem">`
        : ''
    }${item.summary ? html`<p><strong>${item.summary}</strong></p>` : ''}<div class="body">${new SafeHtml(item.bodyHtml)}</div>${
      attachments.length > 0
        ? html`<h2>${t.attachments}</h2><ul>${attachments.map((file) => html`<li><a href="${fileAddress(file.id)}" download>${file.originalName}</a> <small>(${file.extension.toUpperCase()}, ${bytesText(file.sizeBytes)})</small></li>`)}</ul>`
        : ''
    }</article><footer><a href="${withLang(publicPathOf(item), language === 'vi' ? 'en' : 'vi')}">${t.other}</a></footer>`,
  });
}

/**
 * The public pages of news and legal texts (server-rendered, no script, cacheable for five minutes):
 * `/tin-tuc` and `/van-ban` (paged, newest first; legal texts by kind), `/tin-tuc/:slug` and
 * `/van-ban/:slug` (published items only). A bad page or language is a 400; anything unknown a 404.
 */
export function contentPages(content: ContentService, publicUrl: string): FastifyPluginAsync {
  return async (app) => {
    for (const kind of ['news', 'legal'] as const) {
      app.get(BASE[kind], { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
        const query = parseQuery(request.query);
        if (!query.ok) return problemPage(reply, 400, 'vi', query.reason, kind);
        const { rows, total } = await content.publishedPage(
          kind,
          { legalKind: kind === 'legal' ? query.value.loai : undefined },
          query.value.page,
          CONTENT_LIMITS.publicPageSize,
        );
        return sendHtml(reply, 200, listPage(kind, rows, total, query.value), PUBLIC_CACHE.page);
      });

      app.get(`${BASE[kind]}/:slug`, { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
        const { slug } = request.params as { slug: string };
        const query = parseQuery(request.query);
        if (!query.ok) return problemPage(reply, 400, 'vi', query.reason, kind);
        const language = query.value.lang;
        if (slug.length > CONTENT_LIMITS.slugLength) return problemPage(reply, 404, language, PAGE_TEXTS[language].notFoundDetail, kind);
        try {
          const found = await content.published(kind, slug);
          return sendHtml(reply, 200, itemPage(found.item, found.files, language, publicUrl), PUBLIC_CACHE.page);
        } catch (error) {
          if (isDomainError(error) && error.code === 'content.not_found')
            return problemPage(reply, 404, language, PAGE_TEXTS[language].notFoundDetail, kind);
          throw error;
        }
      });
    }
  };
}
