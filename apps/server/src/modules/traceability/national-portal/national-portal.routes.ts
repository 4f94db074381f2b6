import { nationalPortalExportQuery } from '@ocop/contracts/traceability';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { createReadStream } from 'node:fs';
import { capability, requireActor } from '../../../platform/http/access';
import { contentDisposition } from '../../../platform/http/uploads';
import { auditContextOf } from '../../identity';
import type { PortalExportService } from './national-portal.service';

const TAG = ['Truy xuất nguồn gốc / Traceability'];

/** The national traceability portal export over HTTP: one GET answering the ZIP. */
export function nationalPortalRoutes(exports: PortalExportService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/traceability/exports/national-portal',
      {
        config: { access: capability('traceability.export') },
        schema: {
          tags: TAG,
          summary:
            'Organisations, products, lots and events of a period in the national traceability portal’s shapes (ZIP of JSON files with a manifest)',
          querystring: nationalPortalExportQuery,
          produces: ['application/zip'],
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const done = await exports.exportForPortal({ userId: actor.userId, grants: actor.grants }, request.query, auditContextOf(request));
        const stream = createReadStream(done.path);
        // The file was only ever the answer: it goes once the answer is sent, or the client leaves.
        reply.raw.once('close', () => void done.discard());
        return reply
          .header('content-disposition', contentDisposition('attachment', done.fileName))
          .header('content-length', String(done.bytes))
          .header('cache-control', 'no-store')
          .type('application/zip')
          .send(stream);
      },
    );
  };
}
