import { pageOf } from '@ocop/contracts/common';
import {
  changeProducerStatusBody,
  createProducerBody,
  producerExportQuery,
  producerListQuery,
  producerView,
  updateProducerBody,
} from '@ocop/contracts/registry';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Clock } from '../../../platform/clock';
import { capability, requireActor } from '../../../platform/http/access';
import { auditContextOf } from '../../identity';
import type { ProducerService } from './producer.service';
import { PRODUCER_COLUMNS, PRODUCER_SHEET_NAME, type ProducerSheetRow } from '../imports/producer-columns';
import type { RegistryColumn } from '../imports/sheet-columns';
import { EXPORT_CONTENT_TYPES, exportFileName, primedBatches, streamSheet } from '../imports/registry-export';
import { toProducerSheetRow, toProducerView } from '../shared/registry.views';
import type { UnitDirectory } from '../shared/unit-directory';

const TAG = ['Chủ thể OCOP / Producers'];
const producerParams = z.object({ producerId: z.uuid() });

export function producerRoutes(deps: { producers: ProducerService; units: UnitDirectory; clock: Clock }): FastifyPluginAsyncZod {
  const { producers, units, clock } = deps;
  return async (app) => {
    app.get(
      '/producers',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: TAG,
          summary: 'Producers the user may see, filtered and searched (diacritics ignored)',
          querystring: producerListQuery,
          response: { 200: pageOf(producerView) },
        },
      },
      async (request) => {
        const result = await producers.listProducers({ grants: requireActor(request).grants }, request.query);
        return {
          items: await Promise.all(result.items.map((row) => toProducerView(row, units))),
          total: result.total,
          page: request.query.page,
          pageSize: request.query.pageSize,
        };
      },
    );

    app.get(
      '/producers/export',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: TAG,
          summary: 'The filtered list as xlsx or CSV, with the columns of the import template',
          querystring: producerExportQuery,
          produces: [EXPORT_CONTENT_TYPES.xlsx, EXPORT_CONTENT_TYPES.csv],
        },
      },
      async (request, reply) => {
        const { format, ...filters } = request.query;
        const actor = { grants: requireActor(request).grants };
        async function* batches() {
          for await (const rows of producers.iterateProducers(actor, filters))
            yield await Promise.all(rows.map((row) => toProducerSheetRow(row, units)));
        }
        const stream = streamSheet({
          format,
          sheetName: PRODUCER_SHEET_NAME,
          columns: PRODUCER_COLUMNS as unknown as readonly RegistryColumn<ProducerSheetRow, string>[],
          batches: await primedBatches(batches()),
        });
        return reply
          .header('content-disposition', `attachment; filename="${exportFileName('chu-the-ocop', clock.now(), format)}"`)
          .header('cache-control', 'no-store')
          .type(EXPORT_CONTENT_TYPES[format])
          .send(stream);
      },
    );

    app.post(
      '/producers',
      {
        config: { access: capability('producers.create') },
        schema: { tags: TAG, summary: 'Register a producer (chủ thể OCOP)', body: createProducerBody, response: { 201: producerView } },
      },
      async (request, reply) => {
        const actor = { grants: requireActor(request).grants };
        const created = await producers.registerProducer(actor, request.body, auditContextOf(request));
        return reply.status(201).send(await toProducerView({ ...created, productCount: 0, earliestDocumentValidTo: null }, units));
      },
    );

    app.get(
      '/producers/:producerId',
      {
        config: { access: 'authenticated' },
        schema: { tags: TAG, summary: 'One producer', params: producerParams, response: { 200: producerView } },
      },
      async (request) =>
        toProducerView(await producers.getProducer({ grants: requireActor(request).grants }, request.params.producerId), units),
    );

    app.patch(
      '/producers/:producerId',
      {
        config: { access: capability('producers.write') },
        schema: {
          tags: TAG,
          summary: 'Change a producer’s details (with the version read; 409 if someone changed it meanwhile)',
          params: producerParams,
          body: updateProducerBody,
          response: { 200: producerView },
        },
      },
      async (request) => {
        const actor = { grants: requireActor(request).grants };
        await producers.updateProducer(actor, request.params.producerId, request.body, auditContextOf(request));
        return toProducerView(await producers.getProducer(actor, request.params.producerId), units);
      },
    );

    app.post(
      '/producers/:producerId/status',
      {
        config: { access: capability('producers.change_status') },
        schema: {
          tags: TAG,
          summary: 'Suspend, re-activate or dissolve a producer (provincial staff)',
          params: producerParams,
          body: changeProducerStatusBody,
          response: { 200: producerView },
        },
      },
      async (request) => {
        const actor = { grants: requireActor(request).grants };
        await producers.changeProducerStatus(actor, request.params.producerId, request.body, auditContextOf(request));
        return toProducerView(await producers.getProducer(actor, request.params.producerId), units);
      },
    );
  };
}
