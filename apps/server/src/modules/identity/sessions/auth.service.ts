import type { Transactions } from '../../../platform/database/transaction';
import {
  ACCOUNT_THROTTLE,
  ADDRESS_THROTTLE,
  checkPasswordPolicy,
  isSessionExpired,
  lockedUntil,
  normalizeLogin,
  recordFailure,
  sessionExpiresAt,
  type SessionPolicy,
  shouldRefreshLastSeen,
  type ThrottlePolicy,
} from '@ocop/domain/identity';
import { DomainError, type ErrorCode, type RoleGrant } from '@ocop/domain/shared';
import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../../../platform/clock';
import type { Actor } from '../../../platform/http/access';
import type { AuditContext, AuditRecord, AuditService } from '../audit/audit.service';
import type { UserRow } from '../identity.tables';
import type { SessionRepository } from './session.repository';
import type { UserRepository } from '../users/user.repository';
import { hashPassword, verifyAgainstDummy, verifyPassword } from '../users/password-hasher';

export type AuthService = ReturnType<typeof createAuthService>;

/** The throttle key of an existing account: shared by its email and phone logins and by password changes. */
function accountKeyOf(userId: string): string {
  return `account:user:${userId}`;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function createAuthService(deps: {
  transactions: Transactions;
  clock: Clock;
  audit: AuditService;
  sessionPolicy: SessionPolicy;
  throttles?: { account: ThrottlePolicy; address: ThrottlePolicy };
  users: UserRepository;
  sessions: SessionRepository;
}) {
  const { transactions, clock, audit, sessionPolicy, users, sessions } = deps;
  const throttles = deps.throttles ?? { account: ACCOUNT_THROTTLE, address: ADDRESS_THROTTLE };

  /**
   * Counts one attempt against a key under a row lock (PostgreSQL's FOR UPDATE; PGlite runs one
   * transaction at a time), so concurrent attempts see each other. With `beforeCheck` the attempt
   * is counted before the password is checked and is refused unchecked while the key is locked:
   * of any burst at most the limit is checked. It stays a failure unless the password proves
   * right, which clears the key. `locks` says this attempt started the lock.
   */
  async function countAttempt(key: string, policy: ThrottlePolicy, beforeCheck: boolean): Promise<{ lock: Date } | { locks: boolean }> {
    return transactions.run(async () => {
      const now = clock.now();
      const row = await sessions.lockThrottle(key, now);
      const lock = lockedUntil(row, now);
      if (lock && beforeCheck) return { lock };
      const next = recordFailure(row, now, policy);
      await sessions.saveThrottle(key, next);
      return { locks: !lock && next.lockedUntil !== null };
    });
  }

  /**
   * Failed logins and the lock-outs they start, for the audit log. The text typed as the login is
   * never kept: an unknown login is often a password typed in the wrong box.
   */
  async function auditFailure(
    context: AuditContext,
    user: UserRow | undefined,
    events: { failedAction: string | null; accountLocked: boolean; addressLocked: boolean },
  ) {
    const subject = { entityType: 'user', entityId: user?.id ?? null, provinceCode: user?.provinceCode ?? null };
    const entries: AuditRecord[] = [];
    if (events.failedAction)
      entries.push({ action: events.failedAction, ...subject, after: { reason: user ? 'wrong_password' : 'unknown_login' } });
    const until = new Date(clock.now().getTime() + throttles.account.lockMs).toISOString();
    if (events.accountLocked) entries.push({ action: 'auth.locked_out', ...subject, after: { scope: 'account', until } });
    if (events.addressLocked)
      entries.push({
        action: 'auth.locked_out',
        entityType: 'login_address',
        entityId: null,
        provinceCode: null,
        after: { scope: 'address' },
      });
    if (entries.length > 0) await audit.recordMany({ ...context, actorUserId: null, actorName: null }, entries);
  }

  function throttled(until: Date, code: ErrorCode = 'auth.throttled'): DomainError {
    const seconds = Math.max(1, Math.ceil((until.getTime() - clock.now().getTime()) / 1000));
    const retryAtLocal = until.toLocaleTimeString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit' });
    return new DomainError('throttled', code, 'Too many failed attempts.', {
      retryAfterSeconds: seconds,
      minutes: Math.ceil(seconds / 60),
      retryAt: until.toISOString(),
      retryAtLocal,
    });
  }

  function toActor(
    user: UserRow,
    grants: RoleGrant[],
    session: { tokenHash: string; csrfToken: string; createdAt: Date; lastSeenAt: Date },
  ): Actor {
    return {
      userId: user.id,
      fullName: user.fullName,
      provinceCode: user.provinceCode,
      grants,
      mustChangePassword: user.mustChangePassword,
      sessionTokenHash: session.tokenHash,
      csrfToken: session.csrfToken,
      sessionExpiresAt: sessionExpiresAt(session, sessionPolicy),
    };
  }

  return {
    /**
     * Checks a login and opens a session. Unknown logins and wrong passwords fail with the same
     * code after the same amount of work; both count against the account and the address.
     */
    login: async (input: { login: string; password: string; ipAddress: string; userAgent: string | null; context: AuditContext }) => {
      let loginKey: string | null = null;
      let user: UserRow | undefined;
      try {
        const login = normalizeLogin(input.login);
        loginKey = `${login.kind}:${login.value}`;
        user = await (login.kind === 'email' ? users.findByEmail(login.value) : users.findByPhone(login.value));
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
      }
      // One counter per account whichever login (email or phone) is typed; unknown logins by their text.
      const accountKey = user ? accountKeyOf(user.id) : `account:${loginKey ?? input.login.trim().toLowerCase()}`;
      const addressKey = `address:${input.ipAddress}`;
      const now = clock.now();
      const addressLock = lockedUntil(await sessions.findThrottle(addressKey), now);
      if (addressLock) throw throttled(addressLock);
      const attempt = await countAttempt(accountKey, throttles.account, true);
      if ('lock' in attempt) throw throttled(attempt.lock);

      const ok = user ? await verifyPassword(user.passwordHash, input.password) : await verifyAgainstDummy(input.password);
      if (!user || !ok) {
        const address = await countAttempt(addressKey, throttles.address, false);
        await auditFailure(input.context, user, {
          failedAction: 'auth.login_failed',
          accountLocked: attempt.locks,
          addressLocked: 'locks' in address && address.locks,
        });
        throw new DomainError('unauthenticated', 'auth.invalid_credentials', 'Wrong login or password.');
      }
      if (user.disabledAt) throw new DomainError('forbidden', 'auth.user_disabled', 'This account is disabled.');

      const token = randomBytes(32).toString('base64url');
      const session = { tokenHash: hashToken(token), csrfToken: randomBytes(24).toString('base64url'), createdAt: now, lastSeenAt: now };
      const signedIn = user;
      await transactions.run(async () => {
        await sessions.deleteThrottle(accountKey);
        await sessions.insert({
          ...session,
          userId: signedIn.id,
          ipAddress: input.ipAddress,
          userAgent: input.userAgent?.slice(0, 300) ?? null,
        });
        await users.update(signedIn.id, { lastLoginAt: now });
        await audit.record(
          { ...input.context, actorUserId: signedIn.id, actorName: signedIn.fullName },
          {
            action: 'auth.login',
            entityType: 'user',
            entityId: signedIn.id,
            provinceCode: signedIn.provinceCode,
          },
        );
      });
      const grants = await users.grantsOf(user.id);
      return { token, actor: toActor({ ...user, lastLoginAt: now }, grants, session), user: { ...user, lastLoginAt: now } };
    },

    /** The actor behind a session token, or 'expired' when it no longer opens one. */
    authenticate: async (token: string): Promise<Actor | 'expired'> => {
      const tokenHash = hashToken(token);
      const row = await sessions.findWithUser(tokenHash);
      if (!row) return 'expired';
      const now = clock.now();
      if (isSessionExpired(row.session, now, sessionPolicy) || row.user.disabledAt) {
        await sessions.delete(tokenHash);
        return 'expired';
      }
      let lastSeenAt = row.session.lastSeenAt;
      if (shouldRefreshLastSeen(lastSeenAt, now, sessionPolicy)) {
        lastSeenAt = now;
        await sessions.touch(tokenHash, now);
      }
      return toActor(row.user, await users.grantsOf(row.user.id), { ...row.session, lastSeenAt });
    },

    logout: async (actor: Actor, context: AuditContext) => {
      await transactions.run(async () => {
        await sessions.delete(actor.sessionTokenHash);
        await audit.record(context, {
          action: 'auth.logout',
          entityType: 'user',
          entityId: actor.userId,
          provinceCode: actor.provinceCode,
        });
      });
    },

    /** Changes one's own password; every other session of the user ends. */
    changePassword: async (actor: Actor, input: { currentPassword: string; newPassword: string }, context: AuditContext) => {
      // Wrong current passwords count against the account like failed logins, and share its lock.
      const accountKey = accountKeyOf(actor.userId);
      const attempt = await countAttempt(accountKey, throttles.account, true);
      if ('lock' in attempt) throw throttled(attempt.lock, 'auth.password_change_throttled');
      const user = await users.findById(actor.userId);
      if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
        await auditFailure(context, user, { failedAction: null, accountLocked: attempt.locks, addressLocked: false });
        throw new DomainError('invalid', 'auth.wrong_current_password', 'The current password is wrong.');
      }
      await sessions.deleteThrottle(accountKey);
      checkPasswordPolicy(input.newPassword, { login: user.email ?? user.phone ?? undefined });
      const passwordHash = await hashPassword(input.newPassword);
      await transactions.run(async () => {
        await users.update(user.id, { passwordHash, mustChangePassword: false, updatedAt: clock.now() });
        await sessions.deleteOthersOfUser(user.id, actor.sessionTokenHash);
        await audit.record(context, {
          action: 'user.password_changed',
          entityType: 'user',
          entityId: user.id,
          provinceCode: user.provinceCode,
        });
      });
    },

    endSessionsOf: async (userId: string) => {
      await sessions.deleteByUser(userId);
    },

    findUserByLogin: async (login: string) => {
      return users.findByEmailOrPhone(normalizeLogin(login).value);
    },
  };
}
