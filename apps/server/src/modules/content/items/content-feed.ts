import { CONTENT_LIMITS } from '@ocop/domain/content';
import { isDomainError } from '@ocop/domain/shared';
import type { FastifyPluginAsync } from 'fastify';
import { PUBLIC_CACHE } from '../../../platform/http/public-edge';
import { contentDisposition } from '../../../platform/http/uploads';
import type { ContentFiles } from './content-files';
import type { ContentService } from './content.service';
import type { ContentItemRow } from './content.tables';
import { publicPathOf } from './content-support';
import { CONTENT_FILE_PATH, richTextToPlain } from './rich-text';

/** XML text and attribute values: the five special characters as references, and no control character XML 1.0 forbids. */
export function xmlText(text: string): string {
  return (
    text
      // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters XML 1.0 forbids
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`)
  );
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** RSS 2.0 of the last published news: title, link, guid, RFC 822 date, the summary (or the start of the text). */
export function rssOf(items: readonly ContentItemRow[], publicUrl: string): string {
  const channelLink = new URL('/tin-tuc', publicUrl).toString();
  const entry = (item: ContentItemRow) => {
    const link = new URL(publicPathOf(item), publicUrl).toString();
    const description = item.summary ?? richTextToPlain(item.bodyHtml).slice(0, 500);
    return `<item><title>${xmlText(item.title)}</title><link>${xmlText(link)}</link><guid isPermaLink="true">${xmlText(link)}</guid>${
      item.publishedAt ? `<pubDate>${item.publishedAt.toUTCString()}</pubDate>` : ''
    }<description>${xmlText(description)}</description></item>`;
  };
  const newest = items[0]?.publishedAt;
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>Tin tức OCOP</title><link>${xmlText(channelLink)}</link><description>Tin tức của Chương trình OCOP — Mỗi xã một sản phẩm</description><language>vi</language><atom:link href="${xmlText(new URL('/tin-tuc/rss.xml', publicUrl).toString())}" rel="self" type="application/rss+xml"/>${
    newest ? `<lastBuildDate>${newest.toUTCString()}</lastBuildDate>` : ''
  }
${items.map(entry).join('\n')}
</channel></rss>
`;
}

/**
 * The RSS feed `/tin-tuc/rss.xml`, the news and legal texts' own sitemap (`/sitemap-noi-dung.xml`,
 * listed in robots.txt beside the catalogue's), and the public download of a published item's files
 * (`/noi-dung/tep/:fileId`: content-disposition attachment, the sniffed type, nosniff).
 */
export function contentFeedRoutes(content: ContentService, files: ContentFiles, publicUrl: string): FastifyPluginAsync {
  return async (app) => {
    app.get('/tin-tuc/rss.xml', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) => {
      const { rows } = await content.publishedPage('news', {}, 1, CONTENT_LIMITS.feedItems);
      return reply.header('cache-control', PUBLIC_CACHE.page).type('application/rss+xml; charset=utf-8').send(rssOf(rows, publicUrl));
    });

    app.get('/sitemap-noi-dung.xml', { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) => {
      // The sitemap protocol takes 50,000 addresses per file.
      const [news, legal] = await Promise.all([content.publishedSlugs('news', 25_000), content.publishedSlugs('legal', 24_998)]);
      const entries = [
        { path: '/tin-tuc', updatedAt: null },
        { path: '/van-ban', updatedAt: null },
        ...news.map((row) => ({ path: publicPathOf({ kind: 'news', slug: row.slug }), updatedAt: row.updatedAt })),
        ...legal.map((row) => ({ path: publicPathOf({ kind: 'legal', slug: row.slug }), updatedAt: row.updatedAt })),
      ];
      const body = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${entries
        .map(
          (entry) =>
            `<url><loc>${xmlText(new URL(entry.path, publicUrl).toString())}</loc>${entry.updatedAt ? `<lastmod>${entry.updatedAt.toISOString().slice(0, 10)}</lastmod>` : ''}</url>`,
        )
        .join('\n')}\n</urlset>\n`;
      return reply.header('cache-control', PUBLIC_CACHE.page).type('application/xml; charset=utf-8').send(body);
    });

    app.get(`${CONTENT_FILE_PATH}:fileId`, { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
      const { fileId } = request.params as { fileId: string };
      const notFound = () =>
        reply
          .status(404)
          .header('cache-control', PUBLIC_CACHE.none)
          .type('text/plain; charset=utf-8')
          .send('Không tìm thấy tệp / No such file');
      if (!UUID.test(fileId)) return notFound();
      try {
        const download = await files.downloadPublished(fileId);
        return (
          reply
            .header('content-type', download.mediaType)
            .header('content-length', String(download.sizeBytes))
            .header('content-disposition', contentDisposition('attachment', download.fileName))
            .header('x-content-type-options', 'nosniff')
            .header('content-security-policy', "default-src 'none'; sandbox")
            // The edge's same-origin policy would keep a news picture out of a reader's feed or a partner's page.
            .header('cross-origin-resource-policy', 'cross-origin')
            .header('cache-control', PUBLIC_CACHE.page)
            .send(download.stream)
        );
      } catch (error) {
        if (isDomainError(error) && error.code === 'content.file_not_found') return notFound();
        throw error;
      }
    });
  };
}
