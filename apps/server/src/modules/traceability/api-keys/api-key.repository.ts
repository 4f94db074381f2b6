import { and, count, desc, eq, gt, isNull, or, type SQL, sql } from 'drizzle-orm';
import { lockUntilCommit } from '../../../platform/database/database';
import type { Transactions } from '../../../platform/database/transaction';
import { type ApiKeyInsert, type ApiKeyRow, apiKeys } from './api-key.tables';

export type ApiKeyRepository = ReturnType<typeof createApiKeyRepository>;

/** Neither revoked nor past its expiry at `now`. */
function liveAt(now: Date): SQL {
  return and(isNull(apiKeys.revokedAt), or(isNull(apiKeys.expiresAt), gt(apiKeys.expiresAt, now))) as SQL;
}

/** The only SQL on the api_keys table; every query runs on the ambient transaction's handle. */
export function createApiKeyRepository({ transactions }: { transactions: Transactions }) {
  const db = transactions.db;
  return {
    findById: async (id: string): Promise<ApiKeyRow | undefined> => {
      const [row] = await db().select().from(apiKeys).where(eq(apiKeys.id, id));
      return row;
    },

    findByIdForUpdate: async (id: string): Promise<ApiKeyRow | undefined> => {
      const [row] = await db().select().from(apiKeys).where(eq(apiKeys.id, id)).for('update');
      return row;
    },

    findByLookupId: async (lookupId: string): Promise<ApiKeyRow | undefined> => {
      const [row] = await db().select().from(apiKeys).where(eq(apiKeys.lookupId, lookupId));
      return row;
    },

    /**
     * Holds, until the ambient transaction ends, the right to add keys to this producer, so two
     * creations at once cannot both see 19 live keys and make 21 (the producers table is the
     * registry's, so the lock is an advisory one on the producer's id).
     */
    lockProducerKeys: async (producerId: string): Promise<void> => {
      await lockUntilCommit(db(), `api_keys:${producerId}`);
    },

    countLive: async (producerId: string, now: Date): Promise<number> => {
      const [row] = await db()
        .select({ n: count() })
        .from(apiKeys)
        .where(and(eq(apiKeys.producerId, producerId), liveAt(now)));
      return Number(row?.n ?? 0);
    },

    /** Live keys first (there are at most 20), then the latest revoked or expired, up to `limit`. */
    listByProducer: async (producerId: string, now: Date, limit: number): Promise<ApiKeyRow[]> =>
      db()
        .select()
        .from(apiKeys)
        .where(eq(apiKeys.producerId, producerId))
        .orderBy(desc(sql`(${liveAt(now)})`), desc(apiKeys.createdAt), desc(apiKeys.id))
        .limit(limit),

    insert: async (values: ApiKeyInsert): Promise<ApiKeyRow> => {
      const [row] = await db().insert(apiKeys).values(values).returning();
      if (!row) throw new Error('insert returned no row');
      return row;
    },

    saveRevocation: async (id: string, revokedBy: string, at: Date): Promise<ApiKeyRow | undefined> => {
      const [row] = await db()
        .update(apiKeys)
        .set({ revokedAt: at, revokedBy })
        .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
        .returning();
      return row;
    },

    /** Writes the last use unless another request of the same minute already did. */
    touchLastUsed: async (id: string, at: Date, notAfter: Date): Promise<void> => {
      await db()
        .update(apiKeys)
        .set({ lastUsedAt: at })
        .where(and(eq(apiKeys.id, id), or(isNull(apiKeys.lastUsedAt), sql`${apiKeys.lastUsedAt} <= ${notAfter}`)));
    },
  };
}
