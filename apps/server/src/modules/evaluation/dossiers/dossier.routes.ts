import {
  advisoryReviewBody,
  communeReportBody,
  createDossierBody,
  decisionBody,
  decisionView,
  dossierListQuery,
  dossierListView,
  dossierView,
  evidenceBody,
  ministryResultBody,
  samplesBody,
  transitionBody,
  updateDossierBody,
} from '@ocop/contracts/dossiers';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { capability, requireActor } from '../../../platform/http/access';
import { auditContextOf } from '../../identity';
import type { DossierService } from './dossier.service';

const TAG = ['Hồ sơ đánh giá / Evaluation dossiers'];
const params = z.object({ dossierId: z.uuid() });
const READ = { access: capability('dossiers.read') };
const actorOf = (request: Parameters<typeof requireActor>[0]) => {
  const actor = requireActor(request);
  return { userId: actor.userId, grants: actor.grants };
};

/**
 * Dossiers over HTTP. Every write answers the dossier as it now is (with the steps the caller may
 * take next); who may take a step is the lifecycle's business, checked in the service, so the routes
 * let through every role that reads dossiers and the service refuses the rest.
 */
export function dossierRoutes(dossiers: DossierService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/evaluation/dossiers',
      {
        config: READ,
        schema: {
          tags: TAG,
          summary: 'The board: dossiers one may read by round, state, kind, commune, producer or name; with counts per state',
          querystring: dossierListQuery,
          response: { 200: dossierListView },
        },
      },
      async (request) => dossiers.list(actorOf(request), request.query),
    );

    app.post(
      '/evaluation/dossiers',
      {
        config: { access: capability('dossiers.file') },
        schema: {
          tags: TAG,
          summary: 'Opens a dossier (first evaluation, upgrade or re-evaluation) of one’s product in an open round',
          body: createDossierBody,
          response: { 201: dossierView },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const row = await dossiers.open(actor, request.body, auditContextOf(request));
        return reply.status(201).send(await dossiers.viewAfter(actor, row.id));
      },
    );

    app.get(
      '/evaluation/dossiers/:dossierId',
      {
        config: READ,
        schema: {
          tags: TAG,
          summary: 'One dossier with its checklist, clock, history and the steps the reader may take',
          params,
          response: { 200: dossierView },
        },
      },
      async (request) => dossiers.get(actorOf(request), request.params.dossierId),
    );

    const write = <B extends z.ZodType>(
      method: 'put' | 'post' | 'delete',
      path: string,
      summary: string,
      body: B | null,
      run: (
        actor: ReturnType<typeof actorOf>,
        id: string,
        body: z.infer<B>,
        request: Parameters<typeof auditContextOf>[0],
      ) => Promise<unknown>,
    ) => {
      const schema = {
        tags: TAG,
        summary,
        params: path.includes(':evidenceId') ? params.extend({ evidenceId: z.uuid() }) : params,
        ...(body ? { body } : {}),
        response: { 200: dossierView },
      };
      app[method](path, { config: READ, schema }, async (request) => {
        const actor = actorOf(request);
        const { dossierId } = request.params as { dossierId: string };
        await run(actor, dossierId, request.body as z.infer<B>, request);
        return dossiers.viewAfter(actor, dossierId);
      });
    };

    write(
      'put',
      '/evaluation/dossiers/:dossierId/registration',
      'The producer’s Mẫu 01 fields (draft or returned)',
      updateDossierBody,
      (actor, id, body, request) => dossiers.updateRegistration(actor, id, body, auditContextOf(request)),
    );
    write(
      'post',
      '/evaluation/dossiers/:dossierId/evidence',
      'Offers a registry document as evidence (for a criterion or the whole dossier)',
      evidenceBody,
      (actor, id, body, request) => dossiers.addEvidence(actor, id, body, auditContextOf(request)),
    );
    write(
      'delete',
      '/evaluation/dossiers/:dossierId/evidence/:evidenceId',
      'Withdraws a piece of evidence',
      null,
      (actor, id, _body, request) =>
        dossiers.removeEvidence(actor, id, (request.params as { evidenceId: string }).evidenceId, auditContextOf(request)),
    );
    write(
      'post',
      '/evaluation/dossiers/:dossierId/transitions',
      'Takes one step of the lifecycle (submit, return_to_producer, propose, receive, return_for_completion, complete, send_to_advisory, send_to_council, close_scoring, not_recognise); 409 when the dossier moved meanwhile',
      transitionBody,
      (actor, id, body, request) => dossiers.transition(actor, id, body, auditContextOf(request)),
    );
    write(
      'put',
      '/evaluation/dossiers/:dossierId/commune-report',
      'The commune’s Mẫu 03 report (before proposing)',
      communeReportBody,
      (actor, id, body, request) => dossiers.saveCommuneReport(actor, id, body, auditContextOf(request)),
    );
    write(
      'put',
      '/evaluation/dossiers/:dossierId/advisory-review',
      'The advisory team’s review, site-visit notes and extra lab tests',
      advisoryReviewBody,
      (actor, id, body, request) => dossiers.saveAdvisoryReview(actor, id, body, auditContextOf(request)),
    );
    write(
      'put',
      '/evaluation/dossiers/:dossierId/samples',
      'The product samples the office received (of 5; none for tourism)',
      samplesBody,
      (actor, id, body, request) => dossiers.recordSamples(actor, id, body, auditContextOf(request)),
    );
    write(
      'post',
      '/evaluation/dossiers/:dossierId/ministry-result',
      'The ministry’s result on a ≥ 90-point proposal: 5★ recognises at once; 3★–4★ await the province’s decision',
      ministryResultBody,
      (actor, id, body, request) => dossiers.recordMinistryResult(actor, id, body, auditContextOf(request)),
    );

    app.post(
      '/evaluation/decisions',
      {
        config: { access: capability('dossiers.manage') },
        schema: {
          tags: TAG,
          summary:
            'Records a decision: recognition of scored dossiers (3★–4★) or approval of ≥ 90-point results proposed to the ministry; all or nothing',
          body: decisionBody,
          response: { 201: decisionView },
        },
      },
      async (request, reply) => {
        const decision = await dossiers.recordDecision(actorOf(request), request.body, auditContextOf(request));
        return reply.status(201).send({
          id: decision.id,
          number: decision.number,
          kind: decision.kind,
          signedOn: decision.signedOn,
          dossierIds: decision.dossierIds,
        });
      },
    );
  };
}
