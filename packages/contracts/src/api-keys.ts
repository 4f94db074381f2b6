import { API_KEY_SCOPES } from '@ocop/domain/traceability';
import { z } from 'zod';
import { isoDate } from './common';

/** The keys one list answers with: every live key (at most 20) comes first, then the latest revoked or expired ones. */
export const API_KEY_LIST_MAX = 100;

export const API_KEY_STATUSES = ['active', 'revoked', 'expired'] as const;

/**
 * A new key as the client asks for it. The name and scopes are loose here (the domain's
 * `checkApiKeyFields` answers 422 naming the field, in the user's language); their sizes are bounded.
 */
export const createApiKeyBody = z
  .object({
    producerId: z.uuid(),
    name: z.string().max(200),
    scopes: z.array(z.string().max(40)).max(10),
    /** The last day the key works (Vietnam time); none: until revoked. */
    expiresOn: isoDate.nullable().optional(),
  })
  .strict();
export type CreateApiKeyBody = z.input<typeof createApiKeyBody>;

export const apiKeyListQuery = z.object({ producerId: z.uuid() }).strict();

/** A key as it is listed: never its secret, which exists only in the creation's answer. */
export const apiKeyView = z.object({
  id: z.uuid(),
  producerId: z.uuid(),
  name: z.string(),
  /** The public start of the token (`ocop_<lookup id>`), to tell keys apart; it opens nothing. */
  prefix: z.string(),
  scopes: z.array(z.enum(API_KEY_SCOPES)),
  status: z.enum(API_KEY_STATUSES),
  createdAt: z.iso.datetime(),
  expiresOn: isoDate.nullable(),
  revokedAt: z.iso.datetime().nullable(),
  /** Written at most once a minute, so it may lag the latest use by that much. */
  lastUsedAt: z.iso.datetime().nullable(),
});
export type ApiKeyView = z.infer<typeof apiKeyView>;

export const apiKeyList = z.object({ items: z.array(apiKeyView), liveCount: z.number().int(), liveMax: z.number().int() });
export type ApiKeyList = z.infer<typeof apiKeyList>;

/** The creation's answer: the only time the whole token is ever shown. */
export const createdApiKeyView = apiKeyView.extend({ token: z.string() });
export type CreatedApiKeyView = z.infer<typeof createdApiKeyView>;
