import { z } from 'zod';

/** Largest page of the inbox. */
export const NOTIFICATION_PAGE_SIZE_MAX = 100;

/** One message in the signed-in user's inbox; `link` is the app's path that acts on it. */
export const notificationView = z.object({
  id: z.uuid(),
  kind: z.string(),
  subject: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  createdAt: z.iso.datetime(),
  readAt: z.iso.datetime().nullable(),
});
export type NotificationView = z.infer<typeof notificationView>;

export const notificationListQuery = z
  .object({
    /** `true`: only the unread ones. */
    unread: z
      .enum(['true', 'false'])
      .optional()
      .transform((value) => value === 'true'),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(NOTIFICATION_PAGE_SIZE_MAX).default(20),
  })
  .strict();
export type NotificationListQuery = z.input<typeof notificationListQuery>;

export const notificationPage = z.object({
  items: z.array(notificationView),
  /** Rows matching the query (all, or only the unread ones). */
  total: z.number().int(),
  /** The user's unread notifications, whatever the query. */
  unreadCount: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type NotificationPage = z.infer<typeof notificationPage>;

export const notificationIdParams = z.object({ notificationId: z.uuid() });

export const readAllView = z.object({ marked: z.number().int(), unreadCount: z.number().int() });
export type ReadAllView = z.infer<typeof readAllView>;
