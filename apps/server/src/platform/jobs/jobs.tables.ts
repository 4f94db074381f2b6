import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** queued → running → completed | failed; a running job whose lease ran out is queued again or failed. */
export const JOB_STATUSES = ['queued', 'running', 'completed', 'failed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** Why a job failed, as stored: a code the owning module can show, and a message for operators. */
export type JobError = { code: string; message: string };

/**
 * Durable background work. A worker claims a row by taking its lease (`lease_owner`,
 * `lease_expires_at`) and keeps it by heartbeats; a lease that runs out means its process died,
 * and the job is claimed again until `max_attempts` is reached. Progress lives here so any process
 * can show it. The platform knows no queue's meaning: modules name their queues.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: uuid().primaryKey().defaultRandom(),
    queue: text().notNull(),
    payload: jsonb().$type<unknown>().notNull(),
    status: text({ enum: JOB_STATUSES }).notNull(),
    attempts: integer().notNull().default(0),
    maxAttempts: integer().notNull(),
    runAfter: timestamp({ withTimezone: true }).notNull(),
    leaseOwner: text(),
    leaseExpiresAt: timestamp({ withTimezone: true }),
    heartbeatAt: timestamp({ withTimezone: true }),
    progress: jsonb().$type<unknown>(),
    result: jsonb().$type<unknown>(),
    error: jsonb().$type<JobError>(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
    updatedAt: timestamp({ withTimezone: true }).notNull(),
    startedAt: timestamp({ withTimezone: true }),
    finishedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('jobs_claimable_idx').on(t.status, t.runAfter), index('jobs_queue_created_idx').on(t.queue, t.createdAt)],
);

export type JobRow = typeof jobs.$inferSelect;
