import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { type DatabaseHandle, queryRows } from '../database/database';
import { countShippedMigrations } from '../database/migrate';

/** Liveness and readiness probes: on the public edge, so a probe every few seconds costs little and logs little. */
export function probeRoutes(database: DatabaseHandle): FastifyPluginAsyncZod {
  const shipped = countShippedMigrations();
  return async (app) => {
    app.get(
      '/health',
      {
        config: { access: 'public' },
        schema: { tags: ['Hệ thống / System'], summary: 'Liveness', response: { 200: z.object({ status: z.literal('ok') }) } },
      },
      async () => ({ status: 'ok' as const }),
    );
    app.get(
      '/ready',
      {
        config: { access: 'public' },
        schema: {
          tags: ['Hệ thống / System'],
          summary: 'Readiness: database reachable and migrations applied',
          response: {
            200: z.object({ status: z.literal('ready'), engine: z.string(), migrations: z.number() }),
            503: z.object({ status: z.literal('not_ready'), reason: z.string() }),
          },
        },
      },
      async (_request, reply) => {
        try {
          const [row] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from drizzle.__drizzle_migrations`);
          const applied = Number(row?.n ?? 0);
          if (applied < shipped)
            return reply.status(503).send({ status: 'not_ready' as const, reason: `migrations ${applied}/${shipped}` });
          return { status: 'ready' as const, engine: database.engine, migrations: applied };
        } catch {
          return reply.status(503).send({ status: 'not_ready' as const, reason: 'database unreachable' });
        }
      },
    );
  };
}
