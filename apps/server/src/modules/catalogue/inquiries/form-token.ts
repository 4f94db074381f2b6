import { formTokenAge } from '@ocop/domain/catalogue';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../../../platform/clock';
import type { Transactions } from '../../../platform/database/transaction';
import type { InquiryRepository } from './inquiry.repository';

export type FormTokens = ReturnType<typeof createFormTokens>;

const TOKEN = /^(\d{13})\.([A-Za-z0-9_-]{43})$/;

/**
 * The inquiry form's token: its issue time and an HMAC of it, made when the page renders. It carries
 * its own time because the page may sit in a shared cache for minutes and in a browser for hours;
 * no state is kept per token. The key lives in the database (read once per process).
 */
export function createFormTokens(deps: { transactions: Transactions; repository: InquiryRepository; clock: Clock }) {
  let keys: Promise<{ formKey: string; addressSalt: string }> | undefined;
  const loadKeys = () => {
    keys ??= deps.transactions
      .run(() =>
        deps.repository.keys({
          formKey: randomBytes(32).toString('base64url'),
          addressSalt: randomBytes(32).toString('base64url'),
          at: deps.clock.now(),
        }),
      )
      .catch((error: unknown) => {
        keys = undefined;
        throw error;
      });
    return keys;
  };
  const mac = (key: string, issuedAt: string) => createHmac('sha256', key).update(`inquiry-form:${issuedAt}`).digest('base64url');

  return {
    /** A fresh token for a form being rendered now. */
    issue: async (): Promise<string> => {
      const issuedAt = String(deps.clock.now().getTime()).padStart(13, '0');
      return `${issuedAt}.${mac((await loadKeys()).formKey, issuedAt)}`;
    },

    /** What a token sent back says: ok, too fast, or expired (forged and malformed ones count as expired). */
    check: async (token: string): Promise<'ok' | 'too_fast' | 'expired'> => {
      const match = TOKEN.exec(token);
      if (!match?.[1] || !match[2]) return 'expired';
      const expected = Buffer.from(mac((await loadKeys()).formKey, match[1]));
      const given = Buffer.from(match[2]);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'expired';
      return formTokenAge(Number(match[1]), deps.clock.now().getTime());
    },

    /** A keyed hash of the sender's address: a flood from one place shows, the address itself is not kept. */
    addressHash: async (address: string): Promise<string> =>
      createHmac('sha256', (await loadKeys()).addressSalt)
        .update(address)
        .digest('base64url')
        .slice(0, 32),
  };
}
