import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DomainError } from '@ocop/domain/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { capability, requireActor } from '../../../platform/http/access';
import type { CaptureActor, EpcisCaptureService, ErrorBehaviour } from './epcis-capture.service';
import { MAX_EVENTS_PER_DOCUMENT } from './epcis-document';
import { parseEventQuery } from './epcis-query';
import type { EpcisQueryService } from './epcis-query.service';

const TAG = ['EPCIS 2.0'];
/** The largest document capture reads: 10,000 events of about 1.5 KB. A 20 MB document gets 413. */
export const CAPTURE_BODY_LIMIT = 16 * 1024 * 1024;
const VERSION = '2.0.0';

/** What the repository says of itself on every answer and in discovery (EPCIS 2.0 REST binding §12). */
const DISCOVERY_HEADERS: Record<string, string> = {
  'GS1-EPCIS-Version': VERSION,
  'GS1-EPCIS-Min': VERSION,
  'GS1-EPCIS-Max': VERSION,
  'GS1-CBV-Version': VERSION,
  'GS1-CBV-Min': VERSION,
  'GS1-CBV-Max': VERSION,
  'GS1-Extensions': '',
  'GS1-Vendor-Version': 'ocop-epcis-1',
  // Events are given back as they were captured, URNs and Digital Links alike; queries match both.
  'GS1-EPC-Format': 'No_Preference',
  'GS1-EPCIS-Capture-Limit': String(MAX_EVENTS_PER_DOCUMENT),
  'GS1-EPCIS-Capture-File-Size-Limit': String(CAPTURE_BODY_LIMIT),
  'GS1-Capture-Error-Behaviour': 'all',
};

function captureActor(request: FastifyRequest): CaptureActor {
  const actor = requireActor(request);
  const apiKeyId = (actor as { apiKeyId?: string | null }).apiKeyId ?? null;
  return { userId: apiKeyId ? null : actor.userId, apiKeyId, grants: actor.grants };
}

function errorBehaviour(request: FastifyRequest): ErrorBehaviour {
  const raw = request.headers['gs1-capture-error-behaviour'];
  if (raw === undefined) return 'rollback';
  if (raw === 'rollback' || raw === 'proceed') return raw;
  throw new DomainError('malformed', 'epcis.header_invalid', 'Bad GS1-Capture-Error-Behaviour.', {
    header: 'GS1-Capture-Error-Behaviour',
    allowed: 'rollback, proceed',
  });
}

/** JSON-LD when asked for, JSON otherwise; the content is the same. */
function sendJsonLd(request: FastifyRequest, reply: FastifyReply, body: unknown) {
  const wantsLd = (request.headers.accept ?? '').includes('application/ld+json');
  return reply
    .headers(DISCOVERY_HEADERS)
    .header('vary', 'accept')
    .type(wantsLd ? 'application/ld+json; charset=utf-8' : 'application/json; charset=utf-8')
    .send(body);
}

/** The address of the next page: this request's path and query, with the token replaced. */
function nextPageLink(request: FastifyRequest, token: string): string {
  const url = new URL(request.url, 'http://x');
  url.searchParams.set('nextPageToken', token);
  return `<${url.pathname}${url.search}>; rel="next"`;
}

const rawQuery = z.record(z.string(), z.union([z.string(), z.array(z.string())]));

/** EPCIS 2.0 over HTTP (the GS1 REST binding's capture, events and EPC resources), at `/epcis`. */
export function epcisRoutes(capture: EpcisCaptureService, query: EpcisQueryService): FastifyPluginAsyncZod {
  return async (app) => {
    for (const url of [
      '/epcis',
      '/epcis/capture',
      '/epcis/capture/:captureID',
      '/epcis/events',
      '/epcis/events/:eventID',
      '/epcis/epcs/:epc/events',
    ]) {
      app.options(url, { config: { access: 'public' }, schema: { hide: true } }, async (_request, reply) =>
        reply
          .headers(DISCOVERY_HEADERS)
          .header('allow', url === '/epcis/capture' ? 'GET, POST, OPTIONS' : 'GET, OPTIONS')
          .status(204)
          .send(),
      );
    }

    app.get(
      '/epcis',
      { config: { access: 'public' }, schema: { tags: TAG, summary: 'The top-level EPCIS resources' } },
      async (request, reply) => sendJsonLd(request, reply, ['capture', 'events', 'epcs']),
    );

    app.post(
      '/epcis/capture',
      {
        bodyLimit: CAPTURE_BODY_LIMIT,
        config: { access: capability('epcis.capture') },
        schema: {
          tags: TAG,
          summary: 'Capture an EPCISDocument (JSON / JSON-LD): 202 with the capture job in Location',
          description:
            'All or nothing unless `GS1-Capture-Error-Behaviour: proceed`. Events without `eventID` get their CBV 2.0 §8.9 hash ID, so a repeat is stored once.',
        },
      },
      async (request, reply) => {
        const job = await capture.captureDocument(captureActor(request), request.body, { errorBehaviour: errorBehaviour(request) });
        return reply.headers(DISCOVERY_HEADERS).header('location', `/epcis/capture/${job.captureID}`).status(202).send(job);
      },
    );

    app.get(
      '/epcis/capture/:captureID',
      {
        config: { access: capability('epcis.capture') },
        schema: { tags: TAG, summary: 'A capture job', params: z.object({ captureID: z.uuid() }) },
      },
      async (request, reply) => sendJsonLd(request, reply, await capture.getCapture(captureActor(request), request.params.captureID)),
    );

    app.get(
      '/epcis/events',
      {
        config: { access: capability('epcis.read') },
        schema: { tags: TAG, summary: 'SimpleEventQuery: events matching the parameters, a page at a time', querystring: rawQuery },
      },
      async (request, reply) => {
        const result = await query.queryEvents(requireActor(request), parseEventQuery(request.query));
        if (result.nextPageToken) reply.header('link', nextPageLink(request, result.nextPageToken));
        return sendJsonLd(request, reply, result.document);
      },
    );

    app.get(
      '/epcis/events/:eventID',
      {
        config: { access: capability('epcis.read') },
        schema: {
          tags: TAG,
          summary: 'One event by its eventID (URL-encoded)',
          params: z.object({ eventID: z.string().min(1).max(2_000) }),
        },
      },
      async (request, reply) => sendJsonLd(request, reply, await query.getEvent(requireActor(request), request.params.eventID)),
    );

    app.get(
      '/epcis/epcs/:epc/events',
      {
        config: { access: capability('epcis.read') },
        schema: {
          tags: TAG,
          summary: 'Events naming one EPC (URL-encoded URN or Digital Link) anywhere (MATCH_anyEPC)',
          params: z.object({ epc: z.string().min(1).max(2_000) }),
          querystring: rawQuery,
        },
      },
      async (request, reply) => {
        const parsed = parseEventQuery({ ...request.query, MATCH_anyEPC: request.params.epc.replaceAll('|', '%7C') });
        const result = await query.queryEvents(requireActor(request), parsed);
        if (result.nextPageToken) reply.header('link', nextPageLink(request, result.nextPageToken));
        return sendJsonLd(request, reply, result.document);
      },
    );
  };
}
