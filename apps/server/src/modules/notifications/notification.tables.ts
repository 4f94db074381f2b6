import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../identity/identity.tables';

export const EMAIL_STATES = ['pending', 'sent', 'skipped'] as const;
export type EmailState = (typeof EMAIL_STATES)[number];

/**
 * One message to one user: it shows in the app's inbox and is mailed in a digest (many messages,
 * one mail) by a durable job. `emailState` moves pending → sent (or skipped: no address).
 */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    provinceCode: text(),
    /** What happened, e.g. 'dossier.submitted'; the app's words come from the subject and body. */
    kind: text().notNull(),
    subject: text().notNull(),
    body: text().notNull(),
    /** The app's path that acts on it ('/dossiers/…'). */
    link: text(),
    entityType: text(),
    entityId: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    readAt: timestamp({ withTimezone: true }),
    emailState: text({ enum: EMAIL_STATES }).notNull().default('pending'),
    emailedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('notifications_inbox_idx').on(t.userId, t.createdAt), index('notifications_email_pending_idx').on(t.userId, t.emailState)],
);

export type NotificationRow = typeof notifications.$inferSelect;
