import type { Transactions } from '../../platform/database/transaction';
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
  type ThrottlePolicy,
  type ThrottleState,
} from '@ocop/domain/identity';
import { DomainError, type RoleGrant } from '@ocop/domain/shared';
import { and, eq, ne, or } from 'drizzle-orm';
import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../../platform/clock';
import type { Actor } from '../../platform/http/access';
import type { AuditContext, AuditService } from './audit.service';
import { loginThrottles, sessions, userRoles, users, type UserRow } from './identity.tables';
import { hashPassword, verifyAgainstDummy, verifyPassword } from './password-hasher';

export type AuthService = ReturnType<typeof createAuthService>;

const LAST_SEEN_RESOLUTION_MS = 60_000; // refresh last_seen_at at most once a minute per session

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function createAuthService(deps: {
  transactions: Transactions;
  clock: Clock;
  audit: AuditService;
  sessionPolicy: SessionPolicy;
  throttles?: { account: ThrottlePolicy; address: ThrottlePolicy };
}) {
  const { transactions, clock, audit, sessionPolicy } = deps;
  const db = transactions.db;
  const throttles = deps.throttles ?? { account: ACCOUNT_THROTTLE, address: ADDRESS_THROTTLE };

  async function readThrottle(key: string): Promise<ThrottleState | undefined> {
    const [row] = await db().select().from(loginThrottles).where(eq(loginThrottles.key, key));
    return row;
  }

  async function failAttempt(key: string, policy: ThrottlePolicy) {
    const next = recordFailure(await readThrottle(key), clock.now(), policy);
    await db()
      .insert(loginThrottles)
      .values({ key, ...next })
      .onConflictDoUpdate({ target: loginThrottles.key, set: next });
  }

  function throttled(until: Date): DomainError {
    const seconds = Math.max(1, Math.ceil((until.getTime() - clock.now().getTime()) / 1000));
    const retryAtLocal = until.toLocaleTimeString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', hour: '2-digit', minute: '2-digit' });
    return new DomainError('throttled', 'auth.throttled', 'Too many failed logins.', {
      retryAfterSeconds: seconds,
      minutes: Math.ceil(seconds / 60),
      retryAt: until.toISOString(),
      retryAtLocal,
    });
  }

  async function loadGrants(userId: string): Promise<RoleGrant[]> {
    const rows = await db().select().from(userRoles).where(eq(userRoles.userId, userId));
    return rows.map(({ role, provinceCode, communeCode, producerId, salesPointId }) => ({
      role,
      provinceCode,
      communeCode,
      producerId,
      salesPointId,
    }));
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
        [user] = await db()
          .select()
          .from(users)
          .where(login.kind === 'email' ? eq(users.email, login.value) : eq(users.phone, login.value));
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
      }
      const accountKey = `account:${loginKey ?? input.login.trim().toLowerCase()}`;
      const addressKey = `address:${input.ipAddress}`;
      const now = clock.now();
      const lock = lockedUntil(await readThrottle(accountKey), now) ?? lockedUntil(await readThrottle(addressKey), now);
      if (lock) throw throttled(lock);

      const ok = user ? await verifyPassword(user.passwordHash, input.password) : await verifyAgainstDummy(input.password);
      if (!user || !ok) {
        await failAttempt(accountKey, throttles.account);
        await failAttempt(addressKey, throttles.address);
        throw new DomainError('unauthenticated', 'auth.invalid_credentials', 'Wrong login or password.');
      }
      if (user.disabledAt) throw new DomainError('forbidden', 'auth.user_disabled', 'This account is disabled.');

      const token = randomBytes(32).toString('base64url');
      const session = { tokenHash: hashToken(token), csrfToken: randomBytes(24).toString('base64url'), createdAt: now, lastSeenAt: now };
      const signedIn = user;
      await transactions.run(async () => {
        await db().delete(loginThrottles).where(eq(loginThrottles.key, accountKey));
        await db()
          .insert(sessions)
          .values({ ...session, userId: signedIn.id, ipAddress: input.ipAddress, userAgent: input.userAgent?.slice(0, 300) ?? null });
        await db().update(users).set({ lastLoginAt: now }).where(eq(users.id, signedIn.id));
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
      const grants = await loadGrants(user.id);
      return { token, actor: toActor({ ...user, lastLoginAt: now }, grants, session), user: { ...user, lastLoginAt: now } };
    },

    /** The actor behind a session token, or 'expired' when it no longer opens one. */
    authenticate: async (token: string): Promise<Actor | 'expired'> => {
      const tokenHash = hashToken(token);
      const [row] = await db()
        .select({ session: sessions, user: users })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(eq(sessions.tokenHash, tokenHash));
      if (!row) return 'expired';
      const now = clock.now();
      if (isSessionExpired(row.session, now, sessionPolicy) || row.user.disabledAt) {
        await db().delete(sessions).where(eq(sessions.tokenHash, tokenHash));
        return 'expired';
      }
      let lastSeenAt = row.session.lastSeenAt;
      if (now.getTime() - lastSeenAt.getTime() > LAST_SEEN_RESOLUTION_MS) {
        lastSeenAt = now;
        await db().update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, tokenHash));
      }
      return toActor(row.user, await loadGrants(row.user.id), { ...row.session, lastSeenAt });
    },

    logout: async (actor: Actor, context: AuditContext) => {
      await transactions.run(async () => {
        await db().delete(sessions).where(eq(sessions.tokenHash, actor.sessionTokenHash));
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
      const [user] = await db().select().from(users).where(eq(users.id, actor.userId));
      if (!user || !(await verifyPassword(user.passwordHash, input.currentPassword))) {
        throw new DomainError('invalid', 'auth.wrong_current_password', 'The current password is wrong.');
      }
      checkPasswordPolicy(input.newPassword, { login: user.email ?? user.phone ?? undefined });
      const passwordHash = await hashPassword(input.newPassword);
      await transactions.run(async () => {
        await db().update(users).set({ passwordHash, mustChangePassword: false, updatedAt: clock.now() }).where(eq(users.id, user.id));
        await db()
          .delete(sessions)
          .where(and(eq(sessions.userId, user.id), ne(sessions.tokenHash, actor.sessionTokenHash)));
        await audit.record(context, {
          action: 'user.password_changed',
          entityType: 'user',
          entityId: user.id,
          provinceCode: user.provinceCode,
        });
      });
    },

    endSessionsOf: async (userId: string) => {
      await db().delete(sessions).where(eq(sessions.userId, userId));
    },

    findUserByLogin: async (login: string) => {
      const normalized = normalizeLogin(login);
      const [user] = await db()
        .select()
        .from(users)
        .where(or(eq(users.email, normalized.value), eq(users.phone, normalized.value)));
      return user;
    },
  };
}
