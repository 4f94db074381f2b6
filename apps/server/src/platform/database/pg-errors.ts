/** SQLSTATE of a PostgreSQL error, looked for through Drizzle's wrapper (`DrizzleQueryError.cause`). */
export function sqlStateOf(error: unknown): string | undefined {
  for (let current: unknown = error, depth = 0; current && depth < 4; current = (current as { cause?: unknown }).cause, depth++) {
    const candidate = current as { code?: unknown; severity?: unknown };
    // Both drivers give `severity` beside the five-character code; Node's own EPIPE etc. do not.
    if (typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code) && candidate.severity !== undefined)
      return candidate.code;
  }
  return undefined;
}

/** The constraint a PostgreSQL error names (a unique violation's index), through Drizzle's wrapper. */
export function constraintOf(error: unknown): string | undefined {
  for (let current: unknown = error, depth = 0; current && depth < 4; current = (current as { cause?: unknown }).cause, depth++) {
    const constraint = (current as { constraint?: unknown }).constraint;
    if (typeof constraint === 'string') return constraint;
  }
  return undefined;
}

export const UNIQUE_VIOLATION = '23505';
/** "invalid byte sequence" (NUL) and "untranslatable character": text the database cannot store. */
export const UNSTORABLE_TEXT_STATES: ReadonlySet<string> = new Set(['22021', '22P05']);
