import { type ApiKeyView, apiKeyList, apiKeyListQuery, apiKeyView, createApiKeyBody, createdApiKeyView } from '@ocop/contracts/api-keys';
import { API_KEYS_LIVE_MAX, apiKeyStatus } from '@ocop/domain/traceability';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { capability, requireActor } from '../../../platform/http/access';
import { auditContextOf } from '../../identity';
import { type ApiKeyService, prefixOf } from './api-key.service';
import type { ApiKeyRow } from './api-key.tables';

const TAG = ['Truy xuất nguồn gốc / Traceability'];
const managerOf = (request: Parameters<typeof requireActor>[0]) => {
  const actor = requireActor(request);
  return { userId: actor.userId, grants: actor.grants };
};

/** API keys of a producer's own software, managed in the back office (never with a key). */
export function apiKeyRoutes(keys: ApiKeyService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/traceability/api-keys',
      {
        config: { access: capability('api_keys.manage') },
        schema: {
          tags: TAG,
          summary: 'A producer’s API keys (never their secrets): the live ones, then the latest revoked or expired',
          querystring: apiKeyListQuery,
          response: { 200: apiKeyList },
        },
      },
      async (request) => {
        const { items, liveCount, now } = await keys.listKeys(managerOf(request), request.query.producerId);
        return { items: items.map((row) => toApiKeyView(row, now)), liveCount, liveMax: API_KEYS_LIVE_MAX };
      },
    );

    app.post(
      '/traceability/api-keys',
      {
        config: { access: capability('api_keys.manage') },
        schema: {
          tags: TAG,
          summary: 'Issue an API key for a producer’s software; the token is in this answer only, never shown again',
          body: createApiKeyBody,
          response: { 201: createdApiKeyView },
        },
      },
      async (request, reply) => {
        const { row, token, now } = await keys.createKey(managerOf(request), request.body, auditContextOf(request));
        // The token must not linger in any cache between here and the person who copies it.
        reply.header('cache-control', 'no-store');
        return reply.status(201).send({ ...toApiKeyView(row, now), token });
      },
    );

    app.post(
      '/traceability/api-keys/:apiKeyId/revocation',
      {
        config: { access: capability('api_keys.manage') },
        schema: {
          tags: TAG,
          summary: 'Revoke an API key: it stops working at once (revoking it again changes nothing)',
          params: z.object({ apiKeyId: z.uuid() }),
          response: { 200: apiKeyView },
        },
      },
      async (request) => {
        const { row, now } = await keys.revokeKey(managerOf(request), request.params.apiKeyId, auditContextOf(request));
        return toApiKeyView(row, now);
      },
    );
  };
}

function toApiKeyView(row: ApiKeyRow, now: Date): ApiKeyView {
  return {
    id: row.id,
    producerId: row.producerId,
    name: row.name,
    prefix: prefixOf(row),
    scopes: row.scopes,
    status: apiKeyStatus(row, now),
    createdAt: row.createdAt.toISOString(),
    expiresOn: row.expiresOn,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  };
}
