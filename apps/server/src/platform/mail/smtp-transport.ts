import nodemailer from 'nodemailer';
import type { MailMessage, MailTransport } from './mail-transport';

/**
 * Sends through an SMTP server named by a URL (`smtp://user:pass@host:587`, `smtps://…:465`);
 * nodemailer upgrades a plain connection with STARTTLS when the server offers it. One connection
 * per message: digests are few, and no idle connection is held between them.
 */
export function createSmtpTransport(options: { url: string; from: string; timeoutMs?: number }): MailTransport {
  const timeout = options.timeoutMs ?? 30_000;
  // Bounded waits, so a dead server fails the attempt (and the job retries) instead of holding the worker.
  const transporter = nodemailer.createTransport({
    url: options.url,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  });
  return {
    send: async (message: MailMessage) => {
      const info = await transporter.sendMail({
        from: options.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        ...(message.html !== undefined ? { html: message.html } : {}),
      });
      if (info.rejected.length > 0) throw new Error(`SMTP server rejected ${info.rejected.length} recipient(s)`);
    },
    close: async () => {
      transporter.close();
    },
  };
}
