import type { MailMessage, MailTransport } from './mail-transport';

/**
 * Used when no SMTP server is configured (`SMTP_URL` unset): mail is not sent, only noted in the
 * log: how many recipients and the subject, never the address or the body (personal data).
 */
export function createLoggingTransport(logger: { info: (details: object, message: string) => void }): MailTransport {
  return {
    send: async (message: MailMessage) => {
      logger.info({ recipients: message.to ? 1 : 0, subject: message.subject }, 'mail not sent: no SMTP_URL configured');
    },
    close: async () => undefined,
  };
}
