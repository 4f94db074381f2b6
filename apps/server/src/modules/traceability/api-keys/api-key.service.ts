import { vietnamDate } from '@ocop/domain/registry';
import { can, DomainError, type RoleGrant } from '@ocop/domain/shared';
import {
  API_KEYS_LIVE_MAX,
  API_KEY_USE_RECORD_MS,
  apiKeyCapabilities,
  apiKeyExpiresAt,
  apiKeyStatus,
  checkApiKeyFields,
  formatApiKeyToken,
  parseApiKeyToken,
  shouldRecordApiKeyUse,
  type ApiKeyFieldsInput,
} from '@ocop/domain/traceability';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../../../platform/clock';
import type { Transactions } from '../../../platform/database/transaction';
import type { ApiKeyAuthenticator, ApiKeyCaller } from '../../../platform/http/access';
import type { AuditContext, AuditService } from '../../identity';
import type { TraceabilityRegistry } from '../traceability-ports';
import type { ApiKeyRepository } from './api-key.repository';
import type { ApiKeyRow } from './api-key.tables';

export type ApiKeyService = ReturnType<typeof createApiKeyService>;

/** A person managing keys through the back office (keys never manage keys). */
export type ApiKeyManager = { userId: string; grants: readonly RoleGrant[] };

/** Every list: all live keys (at most 20) and the latest revoked or expired ones. */
export const API_KEY_LIST_LIMIT = 100;

const hashOf = (secret: string) => createHash('sha256').update(secret).digest('hex');
// Compared even when the lookup id is unknown, so an unknown key costs what a wrong secret costs.
const NO_KEY_HASH = hashOf('no such key');
const producerNotFound = () => new DomainError('not_found', 'producer.not_found', 'No such producer.', { field: 'producerId' });
const keyNotFound = () => new DomainError('not_found', 'api_key.not_found', 'No such API key.');

/** The public start of a token, as lists show it. */
export const prefixOf = (row: Pick<ApiKeyRow, 'lookupId'>) => `ocop_${row.lookupId}`;

/**
 * API keys of a producer's own software: its members and the province's administrators issue and
 * revoke them (`api_keys.manage`); anyone else, and producers outside their reach, get 404. The
 * secret is shown once, in the creation's answer; only its SHA-256 is stored.
 */
export function createApiKeyService(deps: {
  transactions: Transactions;
  clock: Clock;
  audit: AuditService;
  repository: ApiKeyRepository;
  registry: TraceabilityRegistry;
}) {
  const { transactions, clock, audit, repository, registry } = deps;

  /** The producer's place, if the manager may manage its keys; 404 otherwise (its existence does not leak). */
  async function managedProducer(manager: ApiKeyManager, producerId: string) {
    const place = await registry.producerPlace(producerId);
    if (!place || !can(manager.grants, 'api_keys.manage', place)) throw producerNotFound();
    return { id: place.producerId, provinceCode: place.provinceCode };
  }

  const audited = (row: ApiKeyRow) => ({
    producerId: row.producerId,
    name: row.name,
    prefix: prefixOf(row),
    scopes: row.scopes,
    expiresOn: row.expiresOn,
  });

  /** The key behind a token, or null; writes its last use at most once a minute. */
  async function authenticate(token: string): Promise<ApiKeyCaller | null> {
    const parts = parseApiKeyToken(token);
    if (!parts) return null;
    const row = await repository.findByLookupId(parts.lookupId);
    const given = Buffer.from(hashOf(parts.secret));
    const matches = timingSafeEqual(given, Buffer.from(row?.secretHash ?? NO_KEY_HASH));
    const now = clock.now();
    if (!row || !matches || apiKeyStatus(row, now) !== 'active') return null;
    if (shouldRecordApiKeyUse(row.lastUsedAt, now)) {
      await repository.touchLastUsed(row.id, now, new Date(now.getTime() - API_KEY_USE_RECORD_MS));
    }
    return {
      apiKeyId: row.id,
      label: `API: ${row.name} (${prefixOf(row)})`,
      // A member of its producer, as far as scope goes; the capabilities below narrow what it may do.
      grants: [
        { role: 'producer_member', provinceCode: row.provinceCode, communeCode: null, producerId: row.producerId, salesPointId: null },
      ],
      capabilities: apiKeyCapabilities(row.scopes),
    };
  }

  const authenticator: ApiKeyAuthenticator = { authenticate };

  return {
    authenticator,

    listKeys: (manager: ApiKeyManager, producerId: string) =>
      transactions.run(async () => {
        const producer = await managedProducer(manager, producerId);
        const now = clock.now();
        const [items, liveCount] = [
          await repository.listByProducer(producer.id, now, API_KEY_LIST_LIMIT),
          await repository.countLive(producer.id, now),
        ];
        return { items, liveCount, now };
      }),

    /** Issues a key; the answer's token is the only copy of its secret anywhere. */
    createKey: (manager: ApiKeyManager, input: ApiKeyFieldsInput & { producerId: string }, context: AuditContext) =>
      transactions.run(async () => {
        const producer = await managedProducer(manager, input.producerId);
        const now = clock.now();
        const fields = checkApiKeyFields(input, vietnamDate(now));
        await repository.lockProducerKeys(producer.id);
        if ((await repository.countLive(producer.id, now)) >= API_KEYS_LIVE_MAX) {
          throw new DomainError('conflict', 'api_key.too_many', 'The producer already has the most live keys allowed.', {
            max: API_KEYS_LIVE_MAX,
          });
        }
        const lookupId = randomBytes(8).toString('hex');
        const secret = randomBytes(32).toString('base64url');
        const row = await repository.insert({
          provinceCode: producer.provinceCode,
          producerId: producer.id,
          name: fields.name,
          lookupId,
          secretHash: hashOf(secret),
          scopes: fields.scopes,
          createdBy: manager.userId,
          createdAt: now,
          expiresOn: fields.expiresOn,
          expiresAt: fields.expiresOn === null ? null : apiKeyExpiresAt(fields.expiresOn),
        });
        await audit.record(context, {
          action: 'api_key.created',
          entityType: 'api_key',
          entityId: row.id,
          provinceCode: row.provinceCode,
          after: audited(row),
        });
        return { row, token: formatApiKeyToken(lookupId, secret), now };
      }),

    /** Revokes a key at once; revoking a revoked key changes nothing and answers it as it is. */
    revokeKey: (manager: ApiKeyManager, apiKeyId: string, context: AuditContext) =>
      transactions.run(async () => {
        const before = await repository.findByIdForUpdate(apiKeyId);
        const place = before && { provinceCode: before.provinceCode, producerId: before.producerId };
        if (!before || !place || !can(manager.grants, 'api_keys.manage', place)) throw keyNotFound();
        const now = clock.now();
        if (before.revokedAt !== null) return { row: before, now };
        const row = await repository.saveRevocation(before.id, manager.userId, now);
        if (!row) throw keyNotFound();
        await audit.record(context, {
          action: 'api_key.revoked',
          entityType: 'api_key',
          entityId: row.id,
          provinceCode: row.provinceCode,
          before: { ...audited(before), status: apiKeyStatus(before, now) },
          after: { status: 'revoked' },
        });
        return { row, now };
      }),
  };
}
