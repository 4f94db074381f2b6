import type { FastifyRequest } from 'fastify';
import type { AuditContext } from './audit.service';

/** The audit context of an HTTP request: its actor, address and request id. */
export function auditContextOf(request: FastifyRequest): AuditContext {
  return {
    actorUserId: request.actor?.userId ?? null,
    actorName: request.actor?.fullName ?? null,
    ipAddress: request.ip ?? null,
    requestId: request.id,
  };
}

/** The audit context of work started from the command line or at start-up. */
export const SYSTEM_CONTEXT: AuditContext = { actorUserId: null, actorName: 'system', ipAddress: null, requestId: null };
