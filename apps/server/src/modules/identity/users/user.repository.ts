import type { Transactions } from '../../../platform/database/transaction';
import { escapeLikePattern, type RoleGrant } from '@ocop/domain/shared';
import { and, count, desc, eq, ilike, inArray, isNull, ne, or, type SQL } from 'drizzle-orm';
import { tenantProvinces, userRoles, users, type UserRow } from '../identity.tables';

export type UserRepository = ReturnType<typeof createUserRepository>;
export type UserWithRoles = UserRow & { roles: RoleGrant[] };
export type UserInsert = typeof users.$inferInsert;

/** Which users a list shows: of these provinces ('all' for every one), matching `q` on name, email or phone. */
export type UserFilters = { provinceCodes: readonly string[] | 'all'; q?: string | undefined };

function listConditions(filters: UserFilters): SQL | undefined {
  const conditions: SQL[] = [];
  // A reader without provinces sees no one: '--' is no province's code.
  if (filters.provinceCodes !== 'all')
    conditions.push(inArray(users.provinceCode, filters.provinceCodes.length > 0 ? [...filters.provinceCodes] : ['--']));
  const q = filters.q?.trim();
  if (q) {
    const pattern = `%${escapeLikePattern(q)}%`;
    const match = or(ilike(users.fullName, pattern), ilike(users.email, pattern), ilike(users.phone, pattern));
    if (match) conditions.push(match);
  }
  return conditions.length > 0 ? and(...conditions) : undefined;
}

const grantOf = ({ role, provinceCode, communeCode, producerId, salesPointId }: typeof userRoles.$inferSelect): RoleGrant => ({
  role,
  provinceCode,
  communeCode,
  producerId,
  salesPointId,
});

/** The only SQL on users, user_roles and tenant_provinces; every query runs on the ambient transaction's handle. */
export function createUserRepository({ transactions }: { transactions: Transactions }) {
  const db = transactions.db;

  async function withRoles(rows: UserRow[]): Promise<UserWithRoles[]> {
    if (rows.length === 0) return [];
    const roles = await db()
      .select()
      .from(userRoles)
      .where(
        inArray(
          userRoles.userId,
          rows.map((row) => row.id),
        ),
      );
    return rows.map((row) => ({ ...row, roles: roles.filter((grant) => grant.userId === row.id).map(grantOf) }));
  }

  return {
    /** Each user with their grants, in the order given. */
    withRoles,

    findById: async (id: string): Promise<UserRow | undefined> => {
      const [row] = await db().select().from(users).where(eq(users.id, id));
      return row;
    },

    findByEmail: async (email: string): Promise<UserRow | undefined> => {
      const [row] = await db().select().from(users).where(eq(users.email, email));
      return row;
    },

    findByPhone: async (phone: string): Promise<UserRow | undefined> => {
      const [row] = await db().select().from(users).where(eq(users.phone, phone));
      return row;
    },

    /** A user whose email or phone is this value. */
    findByEmailOrPhone: async (value: string): Promise<UserRow | undefined> => {
      const [row] = await db()
        .select()
        .from(users)
        .where(or(eq(users.email, value), eq(users.phone, value)));
      return row;
    },

    /** Whether a user (other than `exceptUserId`) already has this email or this phone. */
    loginTaken: async (email: string | null, phone: string | null, exceptUserId?: string): Promise<boolean> => {
      const matches = [email ? eq(users.email, email) : undefined, phone ? eq(users.phone, phone) : undefined].filter(
        (c): c is SQL => c !== undefined,
      );
      if (matches.length === 0) return false;
      const taken = await db()
        .select({ id: users.id })
        .from(users)
        .where(exceptUserId ? and(or(...matches), ne(users.id, exceptUserId)) : or(...matches));
      return taken.length > 0;
    },

    /** Throws the database's unique violation when the email or phone was taken meanwhile. */
    insert: async (values: UserInsert): Promise<UserRow> => {
      const [row] = await db().insert(users).values(values).returning();
      if (!row) throw new Error('insert returned no row');
      return row;
    },

    update: async (id: string, patch: Partial<UserInsert>): Promise<void> => {
      await db().update(users).set(patch).where(eq(users.id, id));
    },

    listPage: async (filters: UserFilters, page: { page: number; pageSize: number }) => {
      const where = listConditions(filters);
      const rows = await db()
        .select()
        .from(users)
        .where(where)
        .orderBy(desc(users.createdAt), users.id)
        .limit(page.pageSize)
        .offset((page.page - 1) * page.pageSize);
      const [total] = await db().select({ n: count() }).from(users).where(where);
      return { rows, total: total?.n ?? 0 };
    },

    /** Enabled users holding one of the roles with a grant for this place (null fields of the place match grants without them). */
    listHolders: async (
      roles: readonly RoleGrant['role'][],
      place: { provinceCode: string; communeCode?: string; producerId?: string },
    ): Promise<{ id: string; fullName: string; email: string | null }[]> =>
      db()
        .selectDistinct({ id: users.id, fullName: users.fullName, email: users.email })
        .from(users)
        .innerJoin(userRoles, eq(userRoles.userId, users.id))
        .where(
          and(
            isNull(users.disabledAt),
            inArray(userRoles.role, [...roles]),
            place.producerId ? eq(userRoles.producerId, place.producerId) : eq(userRoles.provinceCode, place.provinceCode),
            place.communeCode ? eq(userRoles.communeCode, place.communeCode) : undefined,
          ),
        )
        .limit(500),

    /** Full names of these users, by id (missing ids are left out). */
    namesOf: async (ids: readonly string[]): Promise<Map<string, string>> => {
      if (ids.length === 0) return new Map();
      const rows = await db()
        .select({ id: users.id, fullName: users.fullName })
        .from(users)
        .where(inArray(users.id, [...ids]));
      return new Map(rows.map((row) => [row.id, row.fullName]));
    },

    count: async (): Promise<number> => (await db().select({ n: count() }).from(users))[0]?.n ?? 0,

    grantsOf: async (userId: string): Promise<RoleGrant[]> =>
      (await db().select().from(userRoles).where(eq(userRoles.userId, userId))).map(grantOf),

    insertGrants: async (userId: string, grants: readonly RoleGrant[]): Promise<void> => {
      await db()
        .insert(userRoles)
        .values(grants.map((grant) => ({ ...grant, userId })));
    },

    deleteGrants: async (userId: string): Promise<void> => {
      await db().delete(userRoles).where(eq(userRoles.userId, userId));
    },

    isProvinceServed: async (code: string): Promise<boolean> => {
      const [row] = await db().select({ code: tenantProvinces.code }).from(tenantProvinces).where(eq(tenantProvinces.code, code));
      return row !== undefined;
    },

    /** Adds a served province; one already there is left as it is. */
    insertProvince: async (province: { code: string; name: string }): Promise<void> => {
      await db().insert(tenantProvinces).values(province).onConflictDoNothing();
    },

    listProvinces: () =>
      db().select({ code: tenantProvinces.code, name: tenantProvinces.name }).from(tenantProvinces).orderBy(tenantProvinces.code),
  };
}
