import { pageOf } from '@ocop/contracts/common';
import { auditEntryView, auditListQuery, type AuditEntryView } from '@ocop/contracts/identity';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { capability, requireActor } from '../../../platform/http/access';
import type { AuditService } from './audit.service';
import type { AuditEntryRow } from '../identity.tables';

export function auditRoutes(audit: AuditService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/audit-entries',
      {
        config: { access: capability('audit.read') },
        schema: {
          tags: ['Nhật ký / Audit log'],
          summary: 'Audit entries of the provinces one administers',
          querystring: auditListQuery,
          response: { 200: pageOf(auditEntryView) },
        },
      },
      async (request) => {
        const result = await audit.list(requireActor(request).grants, request.query);
        return { items: result.items.map(toView), total: result.total, page: request.query.page, pageSize: request.query.pageSize };
      },
    );
  };
}

function toView(row: AuditEntryRow): AuditEntryView {
  return {
    id: row.id.toString(),
    at: row.at.toISOString(),
    actorUserId: row.actorUserId,
    actorName: row.actorName,
    provinceCode: row.provinceCode,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    before: row.before ?? null,
    after: row.after ?? null,
    ipAddress: row.ipAddress,
    requestId: row.requestId,
  };
}
