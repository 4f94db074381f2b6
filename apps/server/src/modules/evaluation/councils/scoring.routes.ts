import {
  conflictView,
  declareConflictBody,
  mySheetView,
  saveSheetBody,
  scoresView,
  sealView,
  submitSheetBody,
} from '@ocop/contracts/councils';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { capability, requireActor } from '../../../platform/http/access';
import { auditContextOf } from '../../identity';
import type { ScoringService } from './scoring.service';
import { toMySheetView, toScoresView } from './scoring.views';

const TAG = ['Chấm điểm / Scoring'];
const dossierParams = z.object({ dossierId: z.uuid() });

export function scoringRoutes(scoring: ScoringService): FastifyPluginAsyncZod {
  return async (app) => {
    app.put(
      '/evaluation/dossiers/:dossierId/conflict',
      {
        config: { access: capability('dossiers.score') },
        schema: {
          tags: TAG,
          summary: 'A member declares (or clears) a conflict of interest with a dossier; a conflict discards their draft',
          params: dossierParams,
          body: declareConflictBody,
          response: { 200: conflictView },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const saved = await scoring.declareConflict(
          { userId: actor.userId, grants: actor.grants },
          request.params.dossierId,
          request.body,
          auditContextOf(request),
        );
        return { ...saved, declaredAt: saved.declaredAt.toISOString() };
      },
    );

    app.get(
      '/evaluation/dossiers/:dossierId/my-sheet',
      {
        config: { access: capability('dossiers.score') },
        schema: {
          tags: TAG,
          summary: 'The member’s score sheet on a dossier: the frozen criteria version, their answers, comments and running total',
          params: dossierParams,
          response: { 200: mySheetView },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        return toMySheetView(await scoring.mySheet({ userId: actor.userId, grants: actor.grants }, request.params.dossierId));
      },
    );

    app.put(
      '/evaluation/dossiers/:dossierId/my-sheet',
      {
        config: { access: capability('dossiers.score') },
        schema: {
          tags: TAG,
          summary: 'Saves the member’s draft (answers and comments) over the revision they read',
          params: dossierParams,
          body: saveSheetBody,
          response: { 200: mySheetView },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const state = await scoring.save(
          { userId: actor.userId, grants: actor.grants },
          request.params.dossierId,
          request.body,
          auditContextOf(request),
        );
        return toMySheetView(state);
      },
    );

    app.post(
      '/evaluation/dossiers/:dossierId/my-sheet/submit',
      {
        config: { access: capability('dossiers.score') },
        schema: {
          tags: TAG,
          summary: 'Submits the complete sheet: locked and sealed into the dossier’s hash chain',
          params: dossierParams,
          body: submitSheetBody,
          response: { 200: mySheetView },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const state = await scoring.submit(
          { userId: actor.userId, grants: actor.grants },
          request.params.dossierId,
          request.body,
          auditContextOf(request),
        );
        return toMySheetView(state);
      },
    );

    app.get(
      '/evaluation/dossiers/:dossierId/scores',
      {
        // The secretariat (dossiers.manage) and the council's chair; the service narrows dossiers.read to them.
        config: { access: capability('dossiers.read') },
        schema: {
          tags: TAG,
          summary: 'Every member’s submitted sheet, the average, outliers, conflicts and who has not submitted',
          params: dossierParams,
          response: { 200: scoresView },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        return toScoresView(await scoring.scores({ userId: actor.userId, grants: actor.grants }, request.params.dossierId));
      },
    );

    app.get(
      '/evaluation/dossiers/:dossierId/seal',
      {
        config: { access: capability('dossiers.manage') },
        schema: {
          tags: TAG,
          summary: 'Verifies the hash chain of the dossier’s submitted sheets: ok, or the first broken link',
          params: dossierParams,
          response: { 200: sealView },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const report = await scoring.seal({ userId: actor.userId, grants: actor.grants }, request.params.dossierId);
        return { ok: report.broken.length === 0, sealedSheets: report.sealedSheets, broken: report.broken[0] ?? null };
      },
    );
  };
}
