import type { FastifyRequest } from 'fastify';
import type { AuditContext } from './audit.service';

/**
 * The audit context of an HTTP request: its actor, address and request id. A call made with an
 * API key has no user: the entry names the key (its name and public prefix) instead.
 */
export function auditContextOf(request: FastifyRequest): AuditContext {
  const key = request.apiKeyCaller;
  return {
    actorUserId: key ? null : (request.actor?.userId ?? null),
    actorName: key ? key.label : (request.actor?.fullName ?? null),
    ipAddress: request.ip ?? null,
    requestId: request.id,
  };
}

/** The audit context of work started from the command line or at start-up. */
export const SYSTEM_CONTEXT: AuditContext = { actorUserId: null, actorName: 'system', ipAddress: null, requestId: null };
