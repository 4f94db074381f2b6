import type { FastifyInstance } from 'fastify';

/**
 * Text PostgreSQL cannot store as sent. NUL (U+0000) is refused by a `text` column (SQLSTATE 22021,
 * a 500 if it gets that far); a lone UTF-16 surrogate has no UTF-8 form, so the driver silently
 * stores U+FFFD instead; invalid UTF-8 bytes in a multipart field decode to U+FFFD too.
 */
export type TextProblem = 'nul' | 'lone_surrogate' | 'invalid_utf8';

/** A request string that cannot be stored, named by its field path (`name`, `roles.0.communeCode`, `query.q`). */
export class UnstorableTextError extends Error {
  readonly statusCode = 400;
  readonly code = 'OCOP_UNSTORABLE_TEXT';
  constructor(
    readonly field: string,
    readonly problem: TextProblem,
    /** The offending character as U+XXXX; none for invalid UTF-8 bytes. */
    readonly character?: string,
  ) {
    super(`The field ${field} holds text that cannot be stored (${problem}).`);
  }
}

// With the u flag a surrogate pair is one code point, so the class only matches lone surrogates.
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is what is refused
const UNSTORABLE = /[\u0000\ud800-\udfff]/u;

/** The first problem in one string, or null when PostgreSQL can store it as is. */
export function textProblemOf(text: string): { problem: TextProblem; character: string } | null {
  const match = UNSTORABLE.exec(text);
  if (!match) return null;
  const code = match[0].charCodeAt(0);
  return { problem: code === 0 ? 'nul' : 'lone_surrogate', character: `U+${code.toString(16).toUpperCase().padStart(4, '0')}` };
}

/**
 * Walks every string (values and keys) of a parsed body, query or params object and throws for
 * the first one that cannot be stored. Iterative, so a deeply nested body cannot exhaust the stack.
 */
export function assertStorableText(value: unknown, prefix: string): void {
  const pending: { value: unknown; path: string }[] = [{ value, path: prefix }];
  while (pending.length > 0) {
    const { value: current, path } = pending.pop() as { value: unknown; path: string };
    if (typeof current === 'string') {
      const found = textProblemOf(current);
      if (found) throw new UnstorableTextError(path || '(body)', found.problem, found.character);
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) pending.push({ value: current[i], path: join(path, String(i)) });
    } else if (current !== null && typeof current === 'object' && !Buffer.isBuffer(current)) {
      for (const [key, inner] of Object.entries(current)) {
        const found = textProblemOf(key);
        if (found) throw new UnstorableTextError(join(path, JSON.stringify(key).slice(1, -1)), found.problem, found.character);
        pending.push({ value: inner, path: join(path, key) });
      }
    }
  }
}

/**
 * A multipart text field: busboy is asked to hand fields over as latin1 (one char per byte), so
 * the bytes can be decoded strictly here instead of turning invalid UTF-8 into "���". A part that
 * declares its own charset arrives already decoded (it then holds characters above U+00FF).
 */
export function storableMultipartField(name: string, raw: string): string {
  let text = raw;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: any character above latin1 means busboy decoded it itself
  if (!/[^\u0000-\u00ff]/.test(raw)) {
    try {
      text = strictUtf8.decode(Buffer.from(raw, 'latin1'));
    } catch {
      throw new UnstorableTextError(name, 'invalid_utf8');
    }
  }
  assertStorableText(text, name);
  return text;
}

/** The busboy option that makes multipart fields arrive undecoded (see storableMultipartField). */
export const RAW_MULTIPART_FIELDS = { defCharset: 'latin1' } as const;

/**
 * One guard for every route, present and future: before a route's schema is checked, every
 * string of its params, query and JSON body is checked. Multipart fields are checked where they
 * are read (platform/http/uploads.ts).
 */
export function registerTextGuard(app: FastifyInstance) {
  // A callback hook, not async: no promise per request (it runs on the scan page's hot path too).
  app.addHook('preValidation', (request, _reply, done) => {
    try {
      assertStorableText(request.params, 'params');
      assertStorableText(request.query, 'query');
      assertStorableText(request.body, '');
    } catch (error) {
      done(error as Error);
      return;
    }
    done();
  });
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}
