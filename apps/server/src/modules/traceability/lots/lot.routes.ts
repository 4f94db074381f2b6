import { createLotBody, lotListQuery, lotPage, lotView, type LotView, updateLotBody } from '@ocop/contracts/traceability';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { capability, requireActor } from '../../../platform/http/access';
import { auditContextOf } from '../../identity';
import type { LotService } from './lot.service';
import type { LotRow } from './lot.tables';

const TAG = ['Truy xuất nguồn gốc / Traceability'];
const params = z.object({ lotId: z.uuid() });
const actorOf = (request: Parameters<typeof requireActor>[0]) => {
  const actor = requireActor(request);
  return { userId: actor.userId, grants: actor.grants };
};

/** Production lots over HTTP: list, read, record, correct. */
export function lotRoutes(lots: LotService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/traceability/lots',
      {
        config: { access: capability('lots.read') },
        schema: {
          tags: TAG,
          summary: 'Production lots the reader may see, the latest first',
          querystring: lotListQuery,
          response: { 200: lotPage },
        },
      },
      async (request) => {
        const { page, pageSize, ...filters } = request.query;
        const result = await lots.listLots(actorOf(request), { ...filters, page, pageSize });
        return { items: result.items.map(toLotView), total: result.total, page, pageSize };
      },
    );

    app.post(
      '/traceability/lots',
      {
        config: { access: capability('lots.write') },
        schema: {
          tags: TAG,
          summary: 'Record a production lot (lô sản xuất) of a product',
          body: createLotBody,
          response: { 201: lotView },
        },
      },
      async (request, reply) => {
        const created = await lots.createLot(actorOf(request), request.body, auditContextOf(request));
        return reply.status(201).send(toLotView(created));
      },
    );

    app.get(
      '/traceability/lots/:lotId',
      {
        config: { access: capability('lots.read') },
        schema: { tags: TAG, summary: 'One production lot', params, response: { 200: lotView } },
      },
      async (request) => toLotView(await lots.getLot(actorOf(request), request.params.lotId)),
    );

    app.put(
      '/traceability/lots/:lotId',
      {
        config: { access: capability('lots.write') },
        schema: {
          tags: TAG,
          summary: 'Correct a lot’s fields (all of them, with the revision read; 409 if someone changed it meanwhile)',
          params,
          body: updateLotBody,
          response: { 200: lotView },
        },
      },
      async (request) => toLotView(await lots.updateLot(actorOf(request), request.params.lotId, request.body, auditContextOf(request))),
    );
  };
}

/** Rows never leave unmapped; `numeric(15, 3)` fits a JSON number exactly. */
export function toLotView(row: LotRow): LotView {
  return {
    id: row.id,
    productId: row.productId,
    producerId: row.producerId,
    provinceCode: row.provinceCode,
    lotCode: row.lotCode,
    producedOn: row.producedOn,
    expiresOn: row.expiresOn,
    bestBefore: row.bestBefore,
    quantity: Number(row.quantity),
    unit: row.unit,
    growingAreaCode: row.growingAreaCode,
    growingAreaCommuneCode: row.growingAreaCommuneCode,
    notes: row.notes,
    classUri: row.classUri,
    revision: row.revision,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
