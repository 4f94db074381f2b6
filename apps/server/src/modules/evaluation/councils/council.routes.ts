import {
  addCouncilMemberBody,
  assignDossiersBody,
  type CouncilView,
  councilListQuery,
  councilListView,
  councilView,
  createCouncilBody,
} from '@ocop/contracts/councils';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { capability, requireActor } from '../../../platform/http/access';
import { auditContextOf } from '../../identity';
import type { CouncilDetail, CouncilService } from './council.service';
import type { CouncilRow } from './council.tables';

const TAG = ['Hội đồng đánh giá / Councils'];
const councilParams = z.object({ councilId: z.uuid() });
const memberParams = z.object({ councilId: z.uuid(), memberId: z.uuid() });
const access = { access: capability('councils.manage') };

const toSummary = (council: CouncilRow) => ({
  id: council.id,
  provinceCode: council.provinceCode,
  roundId: council.roundId,
  name: council.name,
  establishedBy: council.establishedBy,
  spreadLimit: council.spreadLimit,
  quorum: council.quorum,
  writtenOpinion: council.writtenOpinion,
  createdAt: council.createdAt.toISOString(),
});

const toCouncilView = (council: CouncilDetail): CouncilView => ({
  ...toSummary(council),
  members: council.members.map(({ id, userId, fullName, title, position, department }) => ({
    id,
    userId,
    fullName,
    title,
    position,
    department,
  })),
  dossiers: council.dossiers.map(({ id, state }) => ({ id, state })),
});

export function councilRoutes(councils: CouncilService): FastifyPluginAsyncZod {
  return async (app) => {
    app.post(
      '/evaluation/councils',
      {
        config: access,
        schema: {
          tags: TAG,
          summary: 'Sets up a round’s evaluation council (Art. 7.3.b)',
          body: createCouncilBody,
          response: { 201: councilView },
        },
      },
      async (request, reply) => {
        const actor = requireActor(request);
        const council = await councils.create({ userId: actor.userId, grants: actor.grants }, request.body, auditContextOf(request));
        return reply.status(201).send(toCouncilView(council));
      },
    );

    app.get(
      '/evaluation/councils',
      {
        config: access,
        schema: { tags: TAG, summary: 'The councils of a round', querystring: councilListQuery, response: { 200: councilListView } },
      },
      async (request) => {
        const actor = requireActor(request);
        const items = await councils.listOfRound({ userId: actor.userId, grants: actor.grants }, request.query.roundId);
        return { items: items.map(toSummary) };
      },
    );

    app.get(
      '/evaluation/councils/:councilId',
      {
        config: access,
        schema: { tags: TAG, summary: 'A council with its members and dossiers', params: councilParams, response: { 200: councilView } },
      },
      async (request) => {
        const actor = requireActor(request);
        return toCouncilView(await councils.get({ userId: actor.userId, grants: actor.grants }, request.params.councilId));
      },
    );

    app.post(
      '/evaluation/councils/:councilId/members',
      {
        config: access,
        schema: {
          tags: TAG,
          summary: 'Seats a user: chair or member (a council member of the province), secretary or advisory (also a province officer)',
          params: councilParams,
          body: addCouncilMemberBody,
          response: { 200: councilView },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const council = await councils.addMember(
          { userId: actor.userId, grants: actor.grants },
          request.params.councilId,
          request.body,
          auditContextOf(request),
        );
        return toCouncilView(council);
      },
    );

    app.delete(
      '/evaluation/councils/:councilId/members/:memberId',
      {
        config: access,
        schema: { tags: TAG, summary: 'Removes a member who has submitted no sheet', params: memberParams, response: { 200: councilView } },
      },
      async (request) => {
        const actor = requireActor(request);
        const council = await councils.removeMember(
          { userId: actor.userId, grants: actor.grants },
          request.params.councilId,
          request.params.memberId,
          auditContextOf(request),
        );
        return toCouncilView(council);
      },
    );

    app.post(
      '/evaluation/councils/:councilId/dossiers',
      {
        config: access,
        schema: {
          tags: TAG,
          summary: 'Assigns dossiers of the council’s round (received, under advisory review or being scored) to it',
          params: councilParams,
          body: assignDossiersBody,
          response: { 200: councilView },
        },
      },
      async (request) => {
        const actor = requireActor(request);
        const council = await councils.assignDossiers(
          { userId: actor.userId, grants: actor.grants },
          request.params.councilId,
          request.body,
          auditContextOf(request),
        );
        return toCouncilView(council);
      },
    );
  };
}
