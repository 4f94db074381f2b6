/** One message to one address; `html` is optional (the digest is plain text). */
export type MailMessage = { to: string; subject: string; text: string; html?: string };

/**
 * Where mail goes: an SMTP server (`smtp-transport.ts`), or the log when none is configured
 * (`logging-transport.ts`). `send` resolves once the server accepted the message and throws
 * otherwise, so a caller running in a job lets the job queue retry it.
 */
export type MailTransport = {
  send: (message: MailMessage) => Promise<void>;
  /** Releases connections (app close). */
  close: () => Promise<void>;
};
