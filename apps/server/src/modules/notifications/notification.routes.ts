import {
  notificationIdParams,
  notificationListQuery,
  notificationPage,
  notificationView,
  type NotificationView,
  readAllView,
} from '@ocop/contracts/notifications';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireActor } from '../../platform/http/access';
import type { NotificationService } from './notification.service';
import type { NotificationRow } from './notification.tables';

const TAG = ['Thông báo / Notifications'];

/** The signed-in user's own inbox; nobody reads another's (another user's id answers 404). */
export function notificationRoutes(notifications: NotificationService): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/notifications',
      {
        config: { access: 'authenticated' },
        schema: {
          tags: TAG,
          summary: "The signed-in user's notifications, newest first",
          querystring: notificationListQuery,
          response: { 200: notificationPage },
        },
      },
      async (request) => {
        const { page, pageSize, unread } = request.query;
        const result = await notifications.list(requireActor(request).userId, { unread, page, pageSize });
        return { items: result.rows.map(toView), total: result.total, unreadCount: result.unreadCount, page, pageSize };
      },
    );

    app.post(
      '/notifications/read-all',
      {
        config: { access: 'authenticated' },
        schema: { tags: TAG, summary: "Marks all the signed-in user's notifications read", response: { 200: readAllView } },
      },
      async (request) => notifications.markAllRead(requireActor(request).userId),
    );

    app.post(
      '/notifications/:notificationId/read',
      {
        config: { access: 'authenticated' },
        schema: { tags: TAG, summary: 'Marks one notification read', params: notificationIdParams, response: { 200: notificationView } },
      },
      async (request) => toView(await notifications.markRead(requireActor(request).userId, request.params.notificationId)),
    );
  };
}

function toView(row: NotificationRow): NotificationView {
  return {
    id: row.id,
    kind: row.kind,
    subject: row.subject,
    body: row.body,
    link: row.link,
    entityType: row.entityType,
    entityId: row.entityId,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}
