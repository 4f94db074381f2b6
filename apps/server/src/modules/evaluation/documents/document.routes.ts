import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { capability, requireActor } from '../../../platform/http/access';
import { contentDisposition } from '../../../platform/http/uploads';
import type { DocumentService, RenderedDocument } from './document.service';

const TAG = ['Văn bản đánh giá / Evaluation documents'];
const dossierParams = z.object({ dossierId: z.uuid() });
const roundParams = z.object({ roundId: z.uuid() });

/** The process's documents as PDF (Vietnamese, Be Vietnam Pro): each route names who may read it. */
export function documentRoutes(documents: DocumentService): FastifyPluginAsyncZod {
  return async (app) => {
    const send = (reply: { header: (k: string, v: string) => unknown; send: (b: Buffer) => unknown }, document: RenderedDocument) => {
      reply.header('content-type', 'application/pdf');
      reply.header('content-disposition', contentDisposition('inline', document.name));
      reply.header('cache-control', 'private, no-store');
      return reply.send(document.bytes);
    };
    const actorOf = (request: Parameters<typeof requireActor>[0]) => {
      const actor = requireActor(request);
      return { userId: actor.userId, grants: actor.grants };
    };

    const perDossier = [
      ['registration-form.pdf', 'Mẫu 01: the registration form, as filed (or as it would be filed now)', documents.registrationForm],
      ['commune-report.pdf', 'Mẫu 03: the commune’s report', documents.communeReport],
      [
        'result-letter.pdf',
        'The result letter to the commune and the producer, with what to improve for the next star',
        documents.resultLetter,
      ],
    ] as const;
    for (const [file, summary, render] of perDossier) {
      app.get(
        `/evaluation/dossiers/:dossierId/${file}`,
        { config: { access: capability('dossiers.read') }, schema: { tags: TAG, summary, params: dossierParams } },
        async (request, reply) => send(reply, await render(actorOf(request), request.params.dossierId)),
      );
    }

    app.get(
      '/evaluation/rounds/:roundId/minutes.pdf',
      {
        config: { access: capability('dossiers.manage') },
        schema: {
          tags: TAG,
          summary: 'The council’s minutes of a round: members, conflicts, every member’s totals, the averages and the results',
          params: roundParams,
          querystring: z.object({ councilId: z.uuid().optional() }),
        },
      },
      async (request, reply) => send(reply, await documents.minutes(actorOf(request), request.params.roundId, request.query.councilId)),
    );

    app.get(
      '/evaluation/rounds/:roundId/draft-decision.pdf',
      {
        config: { access: capability('dossiers.manage') },
        schema: {
          tags: TAG,
          summary: 'The draft recognition decision of a round: its scored products the province recognises, with their stars',
          params: roundParams,
        },
      },
      async (request, reply) => send(reply, await documents.draftDecision(actorOf(request), request.params.roundId)),
    );

    app.get(
      '/evaluation/decisions/:decisionId/decision.pdf',
      {
        config: { access: capability('dossiers.read') },
        schema: {
          tags: TAG,
          summary: 'A recorded decision with its number, date and products',
          params: z.object({ decisionId: z.uuid() }),
        },
      },
      async (request, reply) => send(reply, await documents.decision(actorOf(request), request.params.decisionId)),
    );
  };
}
