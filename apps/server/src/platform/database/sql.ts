import { type SQL, sql } from 'drizzle-orm';

/** PostgreSQL unique violation (23505), possibly wrapped by Drizzle; optionally on one constraint. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 4; current = (current as { cause?: unknown }).cause, depth++) {
    const candidate = current as { code?: unknown; constraint?: unknown; message?: unknown };
    if (candidate.code === '23505') {
      if (!constraint) return true;
      return candidate.constraint === constraint || String(candidate.message ?? '').includes(constraint);
    }
  }
  return false;
}

/**
 * A list of texts as one bind parameter (a JSON array), for `x in (select jsonb_array_elements_text(…))`:
 * tens of thousands of values without reaching PostgreSQL's 65,535-parameter limit, the same on PGlite.
 */
export function textList(values: readonly string[]): SQL {
  return sql`(select jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`;
}

/** The same for uuids, so that `id in uuidList(…)` can use the index on the uuid column. */
export function uuidList(values: readonly string[]): SQL {
  return sql`(select jsonb_array_elements_text(${JSON.stringify(values)}::jsonb)::uuid)`;
}
