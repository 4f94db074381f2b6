import { boolean, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../../identity/identity.tables';
import { producers } from '../../registry/producers/producer.tables';

/** What a producer chose for its public page; no row: the defaults (phone hidden). */
export const producerPageSettings = pgTable('producer_page_settings', {
  producerId: uuid()
    .primaryKey()
    .references(() => producers.id),
  /** The registry's phone number is shown on the public page only when its members said so. */
  showPhone: boolean().notNull().default(false),
  updatedAt: timestamp({ withTimezone: true }).notNull(),
  updatedBy: uuid()
    .notNull()
    .references(() => users.id),
});

export type ProducerPageSettingsRow = typeof producerPageSettings.$inferSelect;
