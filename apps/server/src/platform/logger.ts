import type { LoggerOptions } from 'pino';

/** Paths whose values never reach the log: credentials, session material and personal data. */
export const REDACTED_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'password',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  '*.temporaryPassword',
  '*.passwordHash',
  '*.phone',
  '*.email',
  '*.idNumber',
  '*.representativePhone',
  'body',
];

/**
 * Fields of an error that say what failed without quoting the data: for a database error its
 * SQLSTATE, constraint and table. Everything else is left out, above all Drizzle's `params` and
 * PostgreSQL's `detail`, `where` and `hint`, which quote the row's values.
 */
const SAFE_ERROR_FIELDS = ['code', 'statusCode', 'severity', 'constraint', 'table', 'column', 'schema', 'routine', 'dataType'] as const;

/** Data exceptions (SQLSTATE class 22) quote the offending input in their message: `invalid input syntax for type uuid: "…"`. */
const QUOTES_INPUT = /^22/;

/**
 * The `err` serializer of every logger: type, message, stack, the safe fields above, the failed
 * statement's text (its placeholders, never its values) and the cause, to a small depth.
 */
export function serializeError(value: unknown, depth = 0): unknown {
  if (!(value instanceof Error)) return value;
  const error = value as Error & Record<string, unknown>;
  const message = safeMessage(error);
  const out: Record<string, unknown> = {
    type: error.constructor?.name ?? 'Error',
    message,
    stack: typeof error.stack === 'string' ? error.stack.replace(error.message, message) : undefined,
  };
  for (const field of SAFE_ERROR_FIELDS) if (error[field] !== undefined) out[field] = error[field];
  if (typeof error.query === 'string') out.query = error.query;
  if (error.cause !== undefined && depth < 3) out.cause = serializeError(error.cause, depth + 1);
  return out;
}

function safeMessage(error: Error & Record<string, unknown>): string {
  let message = error.message;
  // DrizzleQueryError: "Failed query: <statement>\nparams: <values>".
  if ('params' in error) message = message.split('\nparams:')[0] ?? '';
  if (typeof error.code === 'string' && QUOTES_INPUT.test(error.code)) message = message.replace(/"[^"]*"/g, '"[redacted]"');
  return message;
}

export function loggerOptions(level: string): LoggerOptions {
  const pretty = process.stdout.isTTY === true;
  return {
    level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    serializers: { err: serializeError, error: serializeError },
    ...(pretty ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' } } } : {}),
  };
}
