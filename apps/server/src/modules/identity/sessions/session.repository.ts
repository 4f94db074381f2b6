import type { Transactions } from '../../../platform/database/transaction';
import type { ThrottleState } from '@ocop/domain/identity';
import { and, eq, ne } from 'drizzle-orm';
import { loginThrottles, sessions, type SessionRow, users, type UserRow } from '../identity.tables';

export type SessionRepository = ReturnType<typeof createSessionRepository>;
export type SessionInsert = typeof sessions.$inferInsert;

/** The only SQL on sessions and login_throttles; every query runs on the ambient transaction's handle. */
export function createSessionRepository({ transactions }: { transactions: Transactions }) {
  const db = transactions.db;
  return {
    insert: async (values: SessionInsert): Promise<void> => {
      await db().insert(sessions).values(values);
    },

    /** The session of this token hash with its user. */
    findWithUser: async (tokenHash: string): Promise<{ session: SessionRow; user: UserRow } | undefined> => {
      const [row] = await db()
        .select({ session: sessions, user: users })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(eq(sessions.tokenHash, tokenHash));
      return row;
    },

    touch: async (tokenHash: string, lastSeenAt: Date): Promise<void> => {
      await db().update(sessions).set({ lastSeenAt }).where(eq(sessions.tokenHash, tokenHash));
    },

    delete: async (tokenHash: string): Promise<void> => {
      await db().delete(sessions).where(eq(sessions.tokenHash, tokenHash));
    },

    deleteByUser: async (userId: string): Promise<void> => {
      await db().delete(sessions).where(eq(sessions.userId, userId));
    },

    /** Every session of the user but the one of `keptTokenHash`. */
    deleteOthersOfUser: async (userId: string, keptTokenHash: string): Promise<void> => {
      await db()
        .delete(sessions)
        .where(and(eq(sessions.userId, userId), ne(sessions.tokenHash, keptTokenHash)));
    },

    findThrottle: async (key: string): Promise<ThrottleState | undefined> => {
      const [row] = await db().select().from(loginThrottles).where(eq(loginThrottles.key, key));
      return row;
    },

    /** The throttle row of `key`, created empty when missing, locked until the ambient transaction ends. */
    lockThrottle: async (key: string, now: Date): Promise<ThrottleState | undefined> => {
      await db().insert(loginThrottles).values({ key, failures: 0, windowStartedAt: now, lockedUntil: null }).onConflictDoNothing();
      const [row] = await db().select().from(loginThrottles).where(eq(loginThrottles.key, key)).for('update');
      return row;
    },

    saveThrottle: async (key: string, state: ThrottleState): Promise<void> => {
      await db().update(loginThrottles).set(state).where(eq(loginThrottles.key, key));
    },

    deleteThrottle: async (key: string): Promise<void> => {
      await db().delete(loginThrottles).where(eq(loginThrottles.key, key));
    },
  };
}
