import type { ProblemView } from '@ocop/contracts/common';
import { errorMessage } from '@ocop/contracts/errors';
import type { ErrorCode } from '@ocop/domain/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { requestLanguage } from './language';

/** Sends an RFC 7807 problem document whose text is in the user's language. */
export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: ErrorCode,
  details: Record<string, unknown> = {},
) {
  const language = requestLanguage(request);
  const text = errorMessage(code, language, details);
  const body: ProblemView = {
    type: `urn:ocop:problem:${code}`,
    title: text,
    status,
    code,
    detail: text,
    requestId: request.id,
    ...(Object.keys(details).length > 0 ? { details } : {}),
  };
  // Set here too: a problem may be sent before any hook of the route's context ran (not found, early errors).
  reply.header('x-request-id', request.id);
  return reply.status(status).type('application/problem+json; charset=utf-8').send(JSON.stringify(body));
}
