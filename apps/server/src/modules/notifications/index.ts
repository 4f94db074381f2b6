export { createNotificationsModule, type NotificationsModule } from './notifications.module';
export { DIGEST_QUEUE, MAX_RECIPIENTS, type NotificationMessage, type Notifier } from './notification.service';
export type { RecipientContact, RecipientDirectory } from './notification-digest';
