import { errorMessage } from '@ocop/contracts/errors';
import type { ErrorCode } from '@ocop/domain/shared';
import {
  buildLinkset,
  linkHeader,
  parseResolverPath,
  queryWithoutLinkType,
  RESOLVER_MAX_PATH,
  RESOLVER_MAX_QUERY,
  readLinkType,
  resolverAnchor,
  resolverDescription,
  withQuery,
} from '@ocop/domain/traceability';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { html } from '../../../platform/html/html';
import { renderPublicPage } from '../../../platform/html/public-page';
import { PUBLIC_CACHE } from '../../../platform/http/public-edge';
import { sendProblem } from '../../../platform/http/problem';
import type { ResolverService } from './resolver.service';

/**
 * The GS1 Digital Link resolver on the public edge (GS1-Conformant Resolver Standard 1.2): GET and
 * HEAD on `/01/{gtin}[/22/…][/10/…][/21/…]` answer 307 to the item's default link (or the asked
 * `linkType`), the query string passed on; `linkType=linkset` (or `all`) and `Accept:
 * application/linkset+json` answer the RFC 9264 linkset; a malformed URI is 400, an unknown GTIN or
 * a missing link type 404. Every answer carries CORS headers; OPTIONS answers the preflight.
 * `/.well-known/gs1resolver` describes the resolver.
 */

// Any site may ask a resolver (standard 2.2); the redirect's headers are what a script reads.
const CORS: Readonly<Record<string, string>> = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'Link, Location, Content-Type',
  'cross-origin-resource-policy': 'cross-origin',
};
const PREFLIGHT: Readonly<Record<string, string>> = {
  ...CORS,
  allow: 'GET, HEAD, OPTIONS',
  'access-control-allow-methods': 'GET, HEAD, OPTIONS',
  'access-control-allow-headers': 'Accept, Accept-Language',
  'access-control-max-age': '86400',
};

const accepted = (request: FastifyRequest) => request.headers.accept ?? '';
const position = (accept: string, type: string) => {
  const at = accept.indexOf(type);
  return at < 0 ? Number.POSITIVE_INFINITY : at;
};

/** The linkset is asked for by media type: `application/linkset+json`, or plain JSON before HTML (standard 2.10). */
function asksLinkset(accept: string): 'application/linkset+json' | 'application/json' | undefined {
  if (accept.includes('application/linkset+json')) return 'application/linkset+json';
  const json = position(accept, 'application/json');
  return json < position(accept, 'text/html') ? 'application/json' : undefined;
}

/** `linkType` from the raw query (its name read case-insensitively, as GS1's own resolver does). */
function linkTypeParameter(query: string): string | undefined {
  if (query === '') return undefined;
  for (const [name, value] of new URLSearchParams(query)) if (name.toLowerCase() === 'linktype') return value;
  return undefined;
}

/** A refusal: a small bilingual page for a browser, problem+json otherwise. */
function refuse(request: FastifyRequest, reply: FastifyReply, status: 400 | 404, code: ErrorCode, details: Record<string, unknown>) {
  reply.headers(CORS).header('cache-control', PUBLIC_CACHE.none);
  if (position(accepted(request), 'text/html') < position(accepted(request), 'json')) {
    const title = status === 400 ? 'Mã GS1 Digital Link không hợp lệ' : 'Không tìm thấy';
    const page = renderPublicPage({
      title,
      body: html`<p class="verdict" style="color:#8a1c1c;background:#fde2e2;border-radius:.5rem;padding:1rem;font-size:1.4rem;font-weight:700;margin:0">${title}<span class="en" lang="en" style="display:block;font-size:1rem;font-weight:400">${status === 400 ? 'Malformed GS1 Digital Link' : 'Not found'}</span></p>
<p>${errorMessage(code, 'vi', details)}</p>
<p class="en" lang="en">${errorMessage(code, 'en', details)}</p>
<footer>OCOP — Mỗi xã một sản phẩm · <a href="/about">Giới thiệu</a></footer>`,
    });
    return reply.status(status).type('text/html; charset=utf-8').send(page);
  }
  return sendProblem(request, reply, status, code, details);
}

export function resolverPages(resolver: ResolverService, publicUrl: string): FastifyPluginAsync {
  const description = JSON.stringify(resolverDescription(publicUrl));
  const config = { access: 'public' as const };

  const resolve = async (request: FastifyRequest, reply: FastifyReply) => {
    const url = request.url;
    const mark = url.indexOf('?');
    const path = mark < 0 ? url : url.slice(0, mark);
    const query = mark < 0 ? '' : url.slice(mark + 1);
    if (path.length > RESOLVER_MAX_PATH) return refuse(request, reply, 400, 'digital_link.too_long', { max: RESOLVER_MAX_PATH });
    if (query.length > RESOLVER_MAX_QUERY) return refuse(request, reply, 400, 'digital_link.query_too_long', { max: RESOLVER_MAX_QUERY });
    const parsed = parseResolverPath(path);
    if (!parsed.ok) {
      const { ok: _ok, problem, ...details } = parsed;
      return refuse(request, reply, 400, `digital_link.${problem}`, problem === 'too_long' ? { max: RESOLVER_MAX_PATH } : details);
    }
    const asked = readLinkType(linkTypeParameter(query));
    const items = await resolver.linksOf(parsed.key);
    if (!items) return refuse(request, reply, 404, 'digital_link.gtin_unknown', { gtin: parsed.key.gtin });
    if (items.links.length === 0) return refuse(request, reply, 404, 'digital_link.no_link', { gtin: parsed.key.gtin });

    const anchor = resolverAnchor(publicUrl, parsed.key);
    reply.headers(CORS).header('vary', 'accept, accept-language').header('cache-control', PUBLIC_CACHE.page);
    const mediaType = asks(asked.kind, accepted(request));
    if (mediaType) {
      return (
        reply
          .header('link', linkHeader(anchor, { links: [], defaultLink: undefined }))
          .header('content-type', mediaType)
          // A Buffer, so Fastify adds no charset: RFC 9264's media type has no such parameter.
          .send(Buffer.from(JSON.stringify(buildLinkset(anchor, items))))
      );
    }
    const target = asked.kind === 'type' ? items.links.find((link) => link.type === asked.known) : items.defaultLink;
    if (!target) {
      const available = items.links.map((link) => `gs1:${link.type}`).join(', ');
      return refuse(request, reply, 404, 'digital_link.link_type_unavailable', {
        linkType: asked.kind === 'type' ? asked.type.slice(0, 100) : '',
        available,
      });
    }
    return reply
      .status(307)
      .header('location', withQuery(target.href, queryWithoutLinkType(query)))
      .header('link', linkHeader(anchor, items))
      .send();
  };

  return async (app) => {
    app.get('/.well-known/gs1resolver', { config, schema: { hide: true } }, async (_request, reply) =>
      reply.headers(CORS).header('cache-control', PUBLIC_CACHE.page).type('application/json; charset=utf-8').send(description),
    );
    for (const url of ['/01', '/01/*']) {
      app.get(url, { config, schema: { hide: true } }, resolve);
      app.options(url, { config, schema: { hide: true } }, async (_request, reply) => reply.status(204).headers(PREFLIGHT).send());
    }
    app.options('/.well-known/gs1resolver', { config, schema: { hide: true } }, async (_request, reply) =>
      reply.status(204).headers(PREFLIGHT).send(),
    );
  };
}

/** The linkset's media type when the request asks for it, by `linkType` or by `Accept`. */
function asks(kind: 'default' | 'linkset' | 'type', accept: string): string | undefined {
  if (kind === 'linkset') return asksLinkset(accept) ?? 'application/linkset+json';
  return kind === 'default' ? asksLinkset(accept) : undefined;
}
