import { DomainError, type ErrorCode, type ErrorKind } from '@ocop/domain/shared';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { UNSTORABLE_TEXT_STATES, sqlStateOf } from '../database/sql';
import { sendProblem } from './problem';
import { UnstorableTextError } from './text-guard';

/** The only place that knows HTTP statuses. */
export const STATUS_BY_KIND: Record<ErrorKind, number> = {
  malformed: 400,
  invalid: 422,
  not_found: 404,
  conflict: 409,
  forbidden: 403,
  unauthenticated: 401,
  throttled: 429,
  too_large: 413,
};

/** Fastify's own errors that mean "your request was wrong", with our codes for them. */
const FASTIFY_CODES: Record<string, { status: number; code: ErrorCode }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: 'request.body_too_large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: 'request.unsupported_media_type' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: 'request.invalid' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: 'request.empty_body' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: 'request.malformed_json' },
  OCOP_INVALID_UTF8: { status: 400, code: 'request.invalid_utf8' },
  FST_ERR_VALIDATION: { status: 400, code: 'request.invalid' },
  FST_INVALID_MULTIPART_CONTENT_TYPE: { status: 415, code: 'request.unsupported_media_type' },
  FST_REQ_FILE_TOO_LARGE: { status: 413, code: 'request.body_too_large' },
  FST_FILES_LIMIT: { status: 413, code: 'request.body_too_large' },
  FST_PARTS_LIMIT: { status: 413, code: 'request.body_too_large' },
  FST_FIELDS_LIMIT: { status: 413, code: 'request.body_too_large' },
  FST_PROTO_VIOLATION: { status: 400, code: 'request.invalid' },
  FST_MP_PREMATURE_CLOSE: { status: 400, code: 'request.invalid' },
};

export function registerErrorHandling(app: FastifyInstance, bodyLimitBytes: number) {
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (error instanceof DomainError) {
      if (error.kind === 'throttled' && typeof error.details.retryAfterSeconds === 'number') {
        reply.header('retry-after', String(error.details.retryAfterSeconds));
      }
      return sendProblem(request, reply, STATUS_BY_KIND[error.kind], error.code, { ...error.details });
    }
    if (error instanceof UnstorableTextError) {
      return error.problem === 'invalid_utf8'
        ? sendProblem(request, reply, 400, 'request.invalid_utf8_field', { field: error.field })
        : sendProblem(request, reply, 400, 'request.invalid_character', { field: error.field, character: error.character });
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = error.validation.map((issue) => ({
        path: issue.instancePath,
        message: issue.message,
        keyword: issue.keyword,
        params: issue.params,
      }));
      return sendProblem(request, reply, 400, 'request.invalid', { where: error.validationContext, issues });
    }
    const known = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (known) {
      const details: Record<string, unknown> = {};
      if (known.code === 'request.body_too_large') details.limit = `${Math.round(bodyLimitBytes / 1024)} KB`;
      if (known.code === 'request.unsupported_media_type') details.contentType = request.headers['content-type'] ?? '';
      return sendProblem(request, reply, known.status, known.code, details);
    }
    // The guard checks every string at the edge; text built later (an import's cells) may still hold NUL.
    const sqlState = sqlStateOf(error);
    if (sqlState && UNSTORABLE_TEXT_STATES.has(sqlState)) return sendProblem(request, reply, 400, 'request.unstorable_text');
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      request.log.info({ err: { code: error.code, message: error.message } }, 'client error');
      return sendProblem(request, reply, status, 'request.invalid');
    }
    request.log.error({ err: error }, 'unexpected error');
    return sendProblem(request, reply, 500, 'internal');
  });
}
