import { createSiteBody, type SiteView, siteListQuery, sitePage, siteView, updateSiteBody } from '@ocop/contracts/traceability';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { capability, requireActor } from '../../../platform/http/access';
import { auditContextOf } from '../../identity';
import type { SiteService } from './site.service';
import type { SiteRow } from './site.tables';

const TAG = ['Truy xuất nguồn gốc / Traceability'];
const params = z.object({ siteId: z.uuid() });
const actorOf = (request: Parameters<typeof requireActor>[0]) => {
  const actor = requireActor(request);
  return { userId: actor.userId, grants: actor.grants };
};

/** A producer's sites over HTTP: list, read, record, correct. */
export function siteRoutes(sites: SiteService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/traceability/sites',
      {
        config: { access: capability('lots.read') },
        schema: { tags: TAG, summary: 'Producer sites the reader may see', querystring: siteListQuery, response: { 200: sitePage } },
      },
      async (request) => {
        const { page, pageSize, ...filters } = request.query;
        const result = await sites.listSites(actorOf(request), { ...filters, page, pageSize });
        return { items: result.items.map(toSiteView), total: result.total, page, pageSize };
      },
    );

    app.post(
      '/traceability/sites',
      {
        config: { access: capability('lots.write') },
        schema: {
          tags: TAG,
          summary: 'Record a site of a producer (farm, processing facility, warehouse, shop), with its GLN if it has one',
          body: createSiteBody,
          response: { 201: siteView },
        },
      },
      async (request, reply) => {
        const created = await sites.createSite(actorOf(request), request.body, auditContextOf(request));
        return reply.status(201).send(toSiteView(created));
      },
    );

    app.get(
      '/traceability/sites/:siteId',
      {
        config: { access: capability('lots.read') },
        schema: { tags: TAG, summary: 'One producer site', params, response: { 200: siteView } },
      },
      async (request) => toSiteView(await sites.getSite(actorOf(request), request.params.siteId)),
    );

    app.put(
      '/traceability/sites/:siteId',
      {
        config: { access: capability('lots.write') },
        schema: {
          tags: TAG,
          summary: 'Correct a site’s fields (all of them, with the revision read; 409 if someone changed it meanwhile)',
          params,
          body: updateSiteBody,
          response: { 200: siteView },
        },
      },
      async (request) => toSiteView(await sites.updateSite(actorOf(request), request.params.siteId, request.body, auditContextOf(request))),
    );
  };
}

export function toSiteView(row: SiteRow): SiteView {
  return {
    id: row.id,
    producerId: row.producerId,
    provinceCode: row.provinceCode,
    name: row.name,
    kind: row.kind,
    gln: row.gln,
    communeCode: row.communeCode,
    address: row.address,
    locationUri: row.locationUri,
    revision: row.revision,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
