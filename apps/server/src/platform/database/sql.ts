import { type SQL, sql } from 'drizzle-orm';

export const UNIQUE_VIOLATION = '23505';
/** "invalid byte sequence" (NUL) and "untranslatable character": text the database cannot store. */
export const UNSTORABLE_TEXT_STATES: ReadonlySet<string> = new Set(['22021', '22P05']);

/** An error and the causes under it, as far as Drizzle's wrapper (`DrizzleQueryError.cause`) nests them. */
function* causesOf(error: unknown): Generator<Record<string, unknown>> {
  for (let current: unknown = error, depth = 0; current && depth < 4; current = (current as { cause?: unknown }).cause, depth++) {
    yield current as Record<string, unknown>;
  }
}

/** SQLSTATE of a PostgreSQL error, looked for through Drizzle's wrapper. */
export function sqlStateOf(error: unknown): string | undefined {
  for (const candidate of causesOf(error)) {
    // Both drivers give `severity` beside the five-character code; Node's own EPIPE etc. do not.
    if (typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code) && candidate.severity !== undefined)
      return candidate.code;
  }
  return undefined;
}

/** The constraint a PostgreSQL error names (a unique violation's index), through Drizzle's wrapper. */
export function constraintOf(error: unknown): string | undefined {
  for (const candidate of causesOf(error)) if (typeof candidate.constraint === 'string') return candidate.constraint;
  return undefined;
}

/** PostgreSQL unique violation (23505), possibly wrapped by Drizzle; optionally on one constraint. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  for (const candidate of causesOf(error)) {
    if (candidate.code === UNIQUE_VIOLATION) {
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
