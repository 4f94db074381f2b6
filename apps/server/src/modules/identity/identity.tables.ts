import { sql } from 'drizzle-orm';
import { bigserial, boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ROLES } from '@ocop/domain/shared';

/** Provinces this deployment serves; every province-scoped record carries one of these codes. */
export const tenantProvinces = pgTable('tenant_provinces', {
  code: text().primaryKey(),
  name: text().notNull(),
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});

export const users = pgTable(
  'users',
  {
    id: uuid().primaryKey().defaultRandom(),
    fullName: text().notNull(),
    email: text(),
    phone: text(),
    passwordHash: text().notNull(),
    mustChangePassword: boolean().notNull().default(false),
    provinceCode: text().references(() => tenantProvinces.code),
    disabledAt: timestamp({ withTimezone: true }),
    lastLoginAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_email_key').on(t.email).where(sql`${t.email} is not null`),
    uniqueIndex('users_phone_key').on(t.phone).where(sql`${t.phone} is not null`),
    index('users_province_idx').on(t.provinceCode),
  ],
);

export const userRoles = pgTable(
  'user_roles',
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text({ enum: ROLES }).notNull(),
    provinceCode: text().references(() => tenantProvinces.code),
    communeCode: text(),
    producerId: uuid(),
    salesPointId: uuid(),
  },
  (t) => [index('user_roles_user_idx').on(t.userId)],
);

/** Server-side sessions: the cookie holds a random token, the table only its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text().primaryKey(),
    userId: uuid()
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    lastSeenAt: timestamp({ withTimezone: true }).notNull(),
    ipAddress: text(),
    userAgent: text(),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Failed-login counters per account and per address; rows are small and overwritten in place. */
export const loginThrottles = pgTable('login_throttles', {
  key: text().primaryKey(),
  failures: integer().notNull(),
  windowStartedAt: timestamp({ withTimezone: true }).notNull(),
  lockedUntil: timestamp({ withTimezone: true }),
});

/** Append-only (a trigger refuses UPDATE and DELETE): who did what to which record, when, from where. */
export const auditEntries = pgTable(
  'audit_entries',
  {
    id: bigserial({ mode: 'bigint' }).primaryKey(),
    at: timestamp({ withTimezone: true }).notNull(),
    actorUserId: uuid(),
    actorName: text(),
    provinceCode: text(),
    action: text().notNull(),
    entityType: text().notNull(),
    entityId: text(),
    before: jsonb(),
    after: jsonb(),
    ipAddress: text(),
    requestId: text(),
  },
  (t) => [index('audit_entries_province_at_idx').on(t.provinceCode, t.at), index('audit_entries_entity_idx').on(t.entityType, t.entityId)],
);

export type UserRow = typeof users.$inferSelect;
export type UserRoleRow = typeof userRoles.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;
export type AuditEntryRow = typeof auditEntries.$inferSelect;
