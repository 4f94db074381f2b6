/**
 * How a caller should read an expected failure; the HTTP edge turns the kind into a status.
 * `unauthenticated` and `throttled` exist because login and sessions fail in ways that are
 * neither "invalid input" nor "forbidden", and the client must react to them differently.
 * `malformed` (400) is for a request a standard says to refuse as a bad request (an EPCIS
 * document that fails its schema, an unknown query parameter), where `invalid` (422) is ours.
 */
import type { ErrorCode } from './error-codes';

export const ERROR_KINDS = [
  'malformed',
  'invalid',
  'not_found',
  'conflict',
  'forbidden',
  'unauthenticated',
  'throttled',
  'too_large',
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

export class DomainError extends Error {
  override readonly name = 'DomainError';

  constructor(
    readonly kind: ErrorKind,
    readonly code: ErrorCode, // one of ERROR_CODES: each has a text in both languages
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }
}

export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError;
}
