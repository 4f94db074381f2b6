import {
  createRoundBody,
  holidaysBody,
  holidayView,
  openDefaultRoundsBody,
  roundsQuery,
  roundView,
  updateRoundBody,
} from '@ocop/contracts/dossiers';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { capability, requireActor } from '../../../platform/http/access';
import { auditContextOf } from '../../identity';
import type { RoundService } from './round.service';
import type { EvaluationRoundRow } from './round.tables';

const TAG = ['Đợt đánh giá / Evaluation rounds'];
const MANAGE = { access: capability('rounds.manage') };
const actorOf = (request: Parameters<typeof requireActor>[0]) => {
  const actor = requireActor(request);
  return { userId: actor.userId, grants: actor.grants };
};
const toRoundView = (round: EvaluationRoundRow & { dossierCount?: number }) => ({
  id: round.id,
  provinceCode: round.provinceCode,
  level: round.level,
  kind: round.kind,
  year: round.year,
  ordinal: round.ordinal,
  name: round.name,
  filingBy: round.filingBy,
  proposalsBy: round.proposalsBy,
  resultsBy: round.resultsBy,
  status: round.status,
  dossierCount: round.dossierCount ?? 0,
});

export function roundRoutes(rounds: RoundService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/evaluation/rounds',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: TAG,
          summary: 'Rounds of the provinces one’s roles name, in date order',
          querystring: roundsQuery,
          response: { 200: z.array(roundView) },
        },
      },
      async (request) => (await rounds.list(actorOf(request), request.query)).map(toRoundView),
    );

    app.post(
      '/evaluation/rounds',
      {
        config: MANAGE,
        schema: { tags: TAG, summary: 'Opens an extra round with its deadlines', body: createRoundBody, response: { 201: roundView } },
      },
      async (request, reply) =>
        reply.status(201).send(toRoundView(await rounds.create(actorOf(request), request.body, auditContextOf(request)))),
    );

    app.post(
      '/evaluation/rounds/defaults',
      {
        config: MANAGE,
        schema: {
          tags: TAG,
          summary: 'Opens the year’s Art. 5 rounds (province: proposals by 30/4 and 30/10; ministry’s 5★ rounds) not opened yet',
          body: openDefaultRoundsBody,
          response: { 200: z.array(roundView) },
        },
      },
      async (request) =>
        (await rounds.openDefaults(actorOf(request), request.body.provinceCode, request.body.year, auditContextOf(request))).map(
          toRoundView,
        ),
    );

    app.patch(
      '/evaluation/rounds/:roundId',
      {
        config: MANAGE,
        schema: {
          tags: TAG,
          summary: 'Changes a round’s name, deadlines or status (closed rounds take no new dossiers)',
          params: z.object({ roundId: z.uuid() }),
          body: updateRoundBody,
          response: { 200: roundView },
        },
      },
      async (request) => toRoundView(await rounds.update(actorOf(request), request.params.roundId, request.body, auditContextOf(request))),
    );

    app.get(
      '/evaluation/holidays',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: TAG,
          summary: 'A province’s public holidays of a year (skipped by the commune’s 15 working days)',
          querystring: z.object({ provinceCode: z.string().regex(/^\d{2}$/), year: z.coerce.number().int().min(2019).max(2100) }),
          response: { 200: z.array(holidayView) },
        },
      },
      async (request) =>
        (await rounds.holidays(request.query.provinceCode, `${request.query.year}-01-01`, `${request.query.year}-12-31`)).map(
          ({ day, name }) => ({ day, name }),
        ),
    );

    app.put(
      '/evaluation/holidays',
      {
        config: MANAGE,
        schema: {
          tags: TAG,
          summary: 'Replaces a province’s holidays of a year',
          body: holidaysBody,
          response: { 200: z.array(holidayView) },
        },
      },
      async (request) =>
        (await rounds.setHolidays(actorOf(request), request.body, auditContextOf(request))).map(({ day, name }) => ({ day, name })),
    );
  };
}
