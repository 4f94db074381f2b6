import type { CreateUserBody, RoleGrantBody } from '@ocop/contracts/identity';
import type { Transactions } from '../../../platform/database/transaction';
import {
  administeredProvinces,
  assertCanGrant,
  canAdministerProvince,
  checkPasswordPolicy,
  normalizeEmail,
  normalizeGrant,
  normalizePhone,
} from '@ocop/domain/identity';
import { can, DomainError, type Role, type RoleGrant } from '@ocop/domain/shared';
import type { Clock } from '../../../platform/clock';
import { constraintOf, sqlStateOf, UNIQUE_VIOLATION } from '../../../platform/database/sql';
import type { AdminUnitService } from '../../geography';
import type { AuditContext, AuditService } from '../audit/audit.service';
import type { SessionRepository } from '../sessions/session.repository';
import type { UserRepository, UserWithRoles } from './user.repository';
import { hashPassword } from './password-hasher';

export type UserService = ReturnType<typeof createUserService>;
export type { UserWithRoles } from './user.repository';

/** Checks that a producer or sales point named in a grant exists in the province; supplied by later modules. */
export type ScopeChecker = (id: string, provinceCode: string) => Promise<void>;

/** A grant as asked for; its scope is completed and checked by checkGrants. */
type GrantInput = RoleGrantBody;

/** The request's fields, and for the command line and the demo whether the password is temporary. */
export type CreateUserInput = CreateUserBody & { mustChangePassword?: boolean };

/** The fields an administrator corrects on a user; null clears an email or a phone, absent keeps it. */
export type UpdateUserProfileInput = { fullName?: string; email?: string | null; phone?: string | null };

export function createUserService(deps: {
  transactions: Transactions;
  clock: Clock;
  audit: AuditService;
  adminUnits: AdminUnitService;
  scopeCheckers: { producer?: ScopeChecker; salesPoint?: ScopeChecker };
  users: UserRepository;
  sessions: SessionRepository;
}) {
  const { transactions, clock, audit, adminUnits, scopeCheckers, users, sessions } = deps;

  async function assertProvinceServed(provinceCode: string) {
    if (!(await users.isProvinceServed(provinceCode)))
      throw new DomainError('invalid', 'province.not_served', 'This province is not served here.', { provinceCode });
  }

  /** Turns requested grants into checked ones: scope complete, grantable by the actor, targets real. */
  async function checkGrants(actor: readonly RoleGrant[] | 'system', userProvince: string | null, requested: GrantInput[]) {
    const grants: RoleGrant[] = [];
    for (const input of requested) {
      const grant = normalizeGrant({
        role: input.role,
        provinceCode: input.provinceCode ?? (input.role === 'system_admin' ? null : userProvince),
        communeCode: input.communeCode ?? null,
        producerId: input.producerId ?? null,
        salesPointId: input.salesPointId ?? null,
      });
      if (actor !== 'system') assertCanGrant(actor, grant);
      if (grant.provinceCode) {
        if (grant.provinceCode !== userProvince) {
          throw new DomainError('invalid', 'role.grant_not_allowed', 'A role must be in the user’s own province.', {
            role: grant.role,
            provinceCode: grant.provinceCode,
          });
        }
        await assertProvinceServed(grant.provinceCode);
      }
      if (grant.communeCode && grant.provinceCode) await adminUnits.assertCommuneInProvince(grant.communeCode, grant.provinceCode);
      if (grant.producerId && grant.provinceCode)
        await requireChecker(scopeCheckers.producer, grant.role)(grant.producerId, grant.provinceCode);
      if (grant.salesPointId && grant.provinceCode)
        await requireChecker(scopeCheckers.salesPoint, grant.role)(grant.salesPointId, grant.provinceCode);
      grants.push(grant);
    }
    return grants;
  }

  /** The user if the reader may administer them; otherwise "not found", so other provinces stay invisible. */
  async function loadManaged(reader: readonly RoleGrant[], userId: string): Promise<UserWithRoles> {
    const row = await users.findById(userId);
    const visible = row && can(reader, 'users.manage', { provinceCode: row.provinceCode });
    if (!row || !visible) throw new DomainError('not_found', 'user.not_found', 'No such user.');
    const [user] = await users.withRoles([row]);
    return user as UserWithRoles;
  }

  function auditView(user: UserWithRoles) {
    const { passwordHash: _secret, ...rest } = user;
    return rest;
  }

  async function createUser(actor: readonly RoleGrant[] | 'system', input: CreateUserInput, context: AuditContext) {
    const email = input.email ? normalizeEmail(input.email) : null;
    const phone = input.phone ? normalizePhone(input.phone) : null;
    if (!email && !phone) throw new DomainError('invalid', 'user.login_required', 'An email or a phone number is required.');
    checkPasswordPolicy(input.password, { login: email ?? phone ?? undefined });
    const onlySystemAdmin = input.roles.every((grant) => grant.role === 'system_admin');
    let provinceCode = input.provinceCode ?? null;
    if (!provinceCode && !onlySystemAdmin && actor !== 'system') {
      const own = administeredProvinces(actor);
      if (own !== 'all' && own.length === 1) provinceCode = own[0] ?? null;
    }
    if (provinceCode) {
      if (actor !== 'system' && !canAdministerProvince(actor, provinceCode)) {
        throw new DomainError('forbidden', 'province.outside_scope', 'Outside your province.', { provinceCode });
      }
      await assertProvinceServed(provinceCode);
    } else if (!onlySystemAdmin) {
      throw new DomainError('invalid', 'role.scope_missing', 'A province is required.', {
        role: input.roles[0]?.role ?? '',
        field: 'provinceCode',
      });
    }
    const grants = await checkGrants(actor, provinceCode, input.roles);
    if (await users.loginTaken(email, phone)) throw loginTaken();

    const now = clock.now();
    const row = await users
      .insert({
        fullName: input.fullName.trim(),
        email,
        phone,
        passwordHash: await hashPassword(input.password),
        mustChangePassword: input.mustChangePassword ?? false,
        provinceCode,
        createdAt: now,
        updatedAt: now,
      })
      .catch((error: unknown) => {
        // Another request took the login between the check above and this insert (PostgreSQL, several connections).
        if (sqlStateOf(error) === UNIQUE_VIOLATION && LOGIN_INDEXES.has(constraintOf(error) ?? '')) throw loginTaken();
        throw error;
      });
    await users.insertGrants(row.id, grants);
    const created = { ...row, roles: grants };
    await audit.record(context, {
      action: 'user.created',
      entityType: 'user',
      entityId: row.id,
      provinceCode,
      after: auditView(created),
    });
    return created;
  }

  async function updateProfile(actor: readonly RoleGrant[], userId: string, input: UpdateUserProfileInput, context: AuditContext) {
    const before = await loadManaged(actor, userId);
    for (const grant of before.roles) assertCanGrant(actor, grant);
    const next = {
      fullName: input.fullName !== undefined ? input.fullName.trim() : before.fullName,
      email: input.email === undefined ? before.email : input.email ? normalizeEmail(input.email) : null,
      phone: input.phone === undefined ? before.phone : input.phone ? normalizePhone(input.phone) : null,
    };
    // The email or the phone is how the user logs in: one of them must stay.
    if (!next.email && !next.phone) throw new DomainError('invalid', 'user.login_required', 'An email or a phone number is required.');
    const changed = (Object.keys(next) as (keyof typeof next)[]).filter((key) => next[key] !== before[key]);
    if (changed.length === 0) return before;
    const newEmail = next.email !== before.email ? next.email : null;
    const newPhone = next.phone !== before.phone ? next.phone : null;
    if ((newEmail || newPhone) && (await users.loginTaken(newEmail, newPhone, userId))) throw loginTaken();
    await users.update(userId, { ...next, updatedAt: clock.now() }).catch((error: unknown) => {
      // Taken meanwhile by another user.
      if (sqlStateOf(error) === UNIQUE_VIOLATION && LOGIN_INDEXES.has(constraintOf(error) ?? '')) throw loginTaken();
      throw error;
    });
    await audit.record(context, {
      action: 'user.updated',
      entityType: 'user',
      entityId: userId,
      provinceCode: before.provinceCode,
      before: Object.fromEntries(changed.map((key) => [key, before[key]])),
      after: Object.fromEntries(changed.map((key) => [key, next[key]])),
    });
    return { ...before, ...next };
  }

  return {
    createUser: (actor: readonly RoleGrant[] | 'system', input: CreateUserInput, context: AuditContext) =>
      transactions.run(() => createUser(actor, input, context)),

    list: async (reader: readonly RoleGrant[], query: { provinceCode?: string; q?: string; page: number; pageSize: number }) => {
      const provinces = administeredProvinces(reader);
      if (query.provinceCode && provinces !== 'all' && !provinces.includes(query.provinceCode)) {
        throw new DomainError('forbidden', 'province.outside_scope', 'Outside your province.', { provinceCode: query.provinceCode });
      }
      const filters = { provinceCodes: query.provinceCode ? [query.provinceCode] : provinces, q: query.q };
      const { rows, total } = await users.listPage(filters, query);
      return { items: await users.withRoles(rows), total };
    },

    get: (reader: readonly RoleGrant[], userId: string) => loadManaged(reader, userId),

    /** The logged-in user's own record, which needs no administering right. */
    getSelf: async (userId: string) => {
      const row = await users.findById(userId);
      const [user] = await users.withRoles(row ? [row] : []);
      if (!user) throw new DomainError('not_found', 'user.not_found', 'No such user.');
      return user;
    },

    replaceRoles: (actor: readonly RoleGrant[], userId: string, roles: GrantInput[], context: AuditContext) =>
      transactions.run(async () => {
        const before = await loadManaged(actor, userId);
        // A province admin may only touch users whose every current role they could have granted.
        for (const grant of before.roles) assertCanGrant(actor, grant);
        const grants = await checkGrants(actor, before.provinceCode, roles);
        await users.deleteGrants(userId);
        await users.insertGrants(userId, grants);
        await users.update(userId, { updatedAt: clock.now() });
        const after = { ...before, roles: grants };
        await audit.record(context, {
          action: 'user.roles_changed',
          entityType: 'user',
          entityId: userId,
          provinceCode: before.provinceCode,
          before: { roles: before.roles },
          after: { roles: grants },
        });
        return after;
      }),

    /** Corrects a user's name, email or phone; the audit entry keeps what each changed field was. */
    updateProfile: (actor: readonly RoleGrant[], userId: string, input: UpdateUserProfileInput, context: AuditContext) =>
      transactions.run(() => updateProfile(actor, userId, input, context)),

    setDisabled: (actor: readonly RoleGrant[], actorUserId: string, userId: string, disabled: boolean, context: AuditContext) =>
      transactions.run(async () => {
        const before = await loadManaged(actor, userId);
        for (const grant of before.roles) assertCanGrant(actor, grant);
        if (disabled && userId === actorUserId)
          throw new DomainError('invalid', 'user.cannot_disable_self', 'You cannot disable yourself.');
        const now = clock.now();
        const disabledAt = disabled ? (before.disabledAt ?? now) : null;
        await users.update(userId, { disabledAt, updatedAt: now });
        if (disabled) await sessions.deleteByUser(userId);
        await audit.record(context, {
          action: disabled ? 'user.disabled' : 'user.enabled',
          entityType: 'user',
          entityId: userId,
          provinceCode: before.provinceCode,
          before: { disabledAt: before.disabledAt },
          after: { disabledAt },
        });
        return { ...before, disabledAt };
      }),

    /** Sets a temporary password the user must replace at next login; their sessions end. */
    resetPassword: (actor: readonly RoleGrant[], userId: string, temporaryPassword: string, context: AuditContext) =>
      transactions.run(async () => {
        const before = await loadManaged(actor, userId);
        for (const grant of before.roles) assertCanGrant(actor, grant);
        checkPasswordPolicy(temporaryPassword, { login: before.email ?? before.phone ?? undefined });
        const passwordHash = await hashPassword(temporaryPassword);
        await users.update(userId, { passwordHash, mustChangePassword: true, updatedAt: clock.now() });
        await sessions.deleteByUser(userId);
        await audit.record(context, {
          action: 'user.password_reset',
          entityType: 'user',
          entityId: userId,
          provinceCode: before.provinceCode,
        });
        return { ...before, mustChangePassword: true };
      }),

    /** Registers a province as served by this deployment (idempotent); its name comes from the map. */
    serveProvince: async (provinceCode: string) => {
      const unit = await adminUnits.findUnit(provinceCode);
      if (unit?.level !== 'province')
        throw new DomainError('not_found', 'admin_unit.not_found', 'No such province.', { code: provinceCode });
      await users.insertProvince({ code: unit.code, name: unit.name });
      return { code: unit.code, name: unit.name };
    },

    servedProvinces: () => users.listProvinces(),

    countUsers: () => users.count(),

    /** Who holds these roles for a place: the recipients of a notification ("whoever must act next"). */
    holders: (roles: readonly Role[], place: { provinceCode: string; communeCode?: string; producerId?: string }) =>
      users.listHolders(roles, place),

    namesOf: (ids: readonly string[]) => users.namesOf(ids),
  };
}

const LOGIN_INDEXES: ReadonlySet<string> = new Set(['users_email_key', 'users_phone_key']);

function loginTaken(): DomainError {
  return new DomainError('conflict', 'user.login_taken', 'This login is taken.');
}

function requireChecker(checker: ScopeChecker | undefined, role: Role): ScopeChecker {
  if (!checker) {
    return async () => {
      throw new DomainError('invalid', 'role.scope_not_supported', 'This role cannot be granted yet.', { role });
    };
  }
  return checker;
}
