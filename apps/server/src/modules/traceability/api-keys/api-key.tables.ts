import { API_KEY_SCOPES } from '@ocop/domain/traceability';
import { sql } from 'drizzle-orm';
import { check, date, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { tenantProvinces, users } from '../../identity/identity.tables';
import { producers } from '../../registry/producers/producer.tables';

/**
 * An API key of a producer's own software (issue 13): it calls the EPCIS capture and queries as a
 * member of its producer would, limited to its scopes. The token is `ocop_<lookupId>_<secret>`;
 * only the SHA-256 of the 256-bit secret is kept (a random secret that long needs no slow hash),
 * so the table opens nothing if it leaks.
 */
export const apiKeys = pgTable(
  'api_keys',
  {
    id: uuid().primaryKey().defaultRandom(),
    provinceCode: text()
      .notNull()
      .references(() => tenantProvinces.code),
    producerId: uuid()
      .notNull()
      .references(() => producers.id),
    name: text().notNull(),
    /** 16 hex characters: public, finds the row before the secret is compared. */
    lookupId: text().notNull(),
    /** SHA-256 of the secret part, 64 hex characters. */
    secretHash: text().notNull(),
    scopes: text({ enum: API_KEY_SCOPES }).array().notNull(),
    createdBy: uuid()
      .notNull()
      .references(() => users.id),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    /** The last day of validity as chosen (Vietnam time), and the instant that day ends. */
    expiresOn: date({ mode: 'string' }),
    expiresAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
    revokedBy: uuid().references(() => users.id),
    /** Written at most once a minute per key. */
    lastUsedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    uniqueIndex('api_keys_lookup_id_key').on(t.lookupId),
    index('api_keys_producer_idx').on(t.producerId, t.createdAt),
    check('api_keys_name_check', sql`char_length(${t.name}) between 1 and 80`),
    check('api_keys_lookup_id_check', sql`${t.lookupId} ~ '^[0-9a-f]{16}$'`),
    check('api_keys_secret_hash_check', sql`${t.secretHash} ~ '^[0-9a-f]{64}$'`),
    check(
      'api_keys_scopes_check',
      sql`cardinality(${t.scopes}) between 1 and 2 and ${t.scopes} <@ array['epcis:capture', 'epcis:read']::text[]`,
    ),
    check('api_keys_expiry_check', sql`(${t.expiresOn} is null) = (${t.expiresAt} is null)`),
    check('api_keys_revocation_check', sql`(${t.revokedAt} is null) = (${t.revokedBy} is null)`),
  ],
);

export type ApiKeyRow = typeof apiKeys.$inferSelect;
export type ApiKeyInsert = typeof apiKeys.$inferInsert;
