import type { LoggerOptions } from 'pino';

/** Paths whose values never reach the log: credentials, session material and personal data. */
export const REDACTED_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'password',
  '*.password',
  '*.newPassword',
  '*.currentPassword',
  '*.temporaryPassword',
  '*.passwordHash',
  '*.phone',
  '*.email',
  '*.idNumber',
  '*.representativePhone',
  'body',
];

export function loggerOptions(level: string): LoggerOptions {
  const pretty = process.stdout.isTTY === true;
  return {
    level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    ...(pretty ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' } } } : {}),
  };
}
