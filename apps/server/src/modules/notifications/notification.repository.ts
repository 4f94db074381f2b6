import { and, asc, count, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Transactions } from '../../platform/database/transaction';
import { type NotificationRow, notifications } from './notification.tables';

export type NotificationRepository = ReturnType<typeof createNotificationRepository>;
export type NotificationInsert = typeof notifications.$inferInsert;

/** The only SQL on `notifications`; every query runs on the ambient handle. */
export function createNotificationRepository({ transactions }: { transactions: Transactions }) {
  const db = transactions.db;
  const unreadOf = (userId: string) => and(eq(notifications.userId, userId), isNull(notifications.readAt));

  return {
    insertMany: async (rows: readonly NotificationInsert[]): Promise<void> => {
      if (rows.length > 0)
        await db()
          .insert(notifications)
          .values([...rows]);
    },

    /**
     * Serialises, until the end of the open transaction, the work that decides whether a user's
     * digest job must be queued (notify and the digest's last step), so that no notification is
     * left pending without a job; other users are not held up.
     */
    lockDigestOf: async (userId: string): Promise<void> => {
      await db().execute(sql`select pg_advisory_xact_lock(hashtext(${`notifications.digest:${userId}`}))`);
    },

    /** One page of a user's inbox, newest first. */
    listPage: async (userId: string, query: { unreadOnly: boolean; page: number; pageSize: number }) => {
      const where = query.unreadOnly ? unreadOf(userId) : eq(notifications.userId, userId);
      const rows = await db()
        .select()
        .from(notifications)
        .where(where)
        .orderBy(desc(notifications.createdAt), desc(notifications.id))
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize);
      const [total] = await db().select({ n: count() }).from(notifications).where(where);
      return { rows, total: total?.n ?? 0 };
    },

    countUnread: async (userId: string): Promise<number> =>
      (await db().select({ n: count() }).from(notifications).where(unreadOf(userId)))[0]?.n ?? 0,

    findOfUser: async (userId: string, id: string): Promise<NotificationRow | undefined> => {
      const [row] = await db()
        .select()
        .from(notifications)
        .where(and(eq(notifications.id, id), eq(notifications.userId, userId)));
      return row;
    },

    /** Marks one notification read (the first reading time stays); undefined when it is not the user's. */
    markRead: async (userId: string, id: string, at: Date): Promise<NotificationRow | undefined> => {
      const [row] = await db()
        .update(notifications)
        .set({ readAt: sql`coalesce(${notifications.readAt}, ${at})` })
        .where(and(eq(notifications.id, id), eq(notifications.userId, userId)))
        .returning();
      return row;
    },

    markAllRead: async (userId: string, at: Date): Promise<number> => {
      const rows = await db().update(notifications).set({ readAt: at }).where(unreadOf(userId)).returning({ id: notifications.id });
      return rows.length;
    },

    /** The oldest notifications of a user still waiting for the digest, at most `limit`. */
    listEmailPending: async (userId: string, limit: number): Promise<NotificationRow[]> =>
      db()
        .select()
        .from(notifications)
        .where(and(eq(notifications.userId, userId), eq(notifications.emailState, 'pending')))
        .orderBy(asc(notifications.createdAt), asc(notifications.id))
        .limit(limit),

    countEmailPending: async (userId: string): Promise<number> =>
      (
        await db()
          .select({ n: count() })
          .from(notifications)
          .where(and(eq(notifications.userId, userId), eq(notifications.emailState, 'pending')))
      )[0]?.n ?? 0,

    /** Moves still-pending notifications to `sent` or `skipped`; rows already moved stay as they are. */
    settleEmail: async (ids: readonly string[], state: 'sent' | 'skipped', at: Date): Promise<number> => {
      if (ids.length === 0) return 0;
      const rows = await db()
        .update(notifications)
        .set({ emailState: state, emailedAt: state === 'sent' ? at : null })
        .where(and(inArray(notifications.id, [...ids]), eq(notifications.emailState, 'pending')))
        .returning({ id: notifications.id });
      return rows.length;
    },
  };
}
