import { ROLES } from '@ocop/domain/shared';
import { z } from 'zod';

export const loginBody = z.object({
  login: z.string().min(1).max(254),
  password: z.string().min(1).max(1024),
});
export type LoginBody = z.infer<typeof loginBody>;

export const roleGrantView = z.object({
  role: z.enum(ROLES),
  provinceCode: z.string().nullable(),
  communeCode: z.string().nullable(),
  producerId: z.string().nullable(),
  salesPointId: z.string().nullable(),
});
export type RoleGrantView = z.infer<typeof roleGrantView>;

export const roleGrantBody = z.object({
  role: z.enum(ROLES),
  provinceCode: z
    .string()
    .regex(/^\d{2}$/)
    .nullish(),
  communeCode: z
    .string()
    .regex(/^\d{5}$/)
    .nullish(),
  producerId: z.uuid().nullish(),
  salesPointId: z.uuid().nullish(),
});
export type RoleGrantBody = z.infer<typeof roleGrantBody>;

export const userView = z.object({
  id: z.uuid(),
  fullName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  provinceCode: z.string().nullable(),
  roles: z.array(roleGrantView),
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  createdAt: z.iso.datetime(),
  lastLoginAt: z.iso.datetime().nullable(),
});
export type UserView = z.infer<typeof userView>;

export const meView = z.object({
  user: userView,
  csrfToken: z.string(),
  sessionExpiresAt: z.iso.datetime(),
});
export type MeView = z.infer<typeof meView>;

export const changePasswordBody = z.object({
  currentPassword: z.string().min(1).max(1024),
  newPassword: z.string().min(1).max(1024),
});

export const createUserBody = z.object({
  fullName: z.string().trim().min(1).max(200),
  email: z.string().trim().max(254).nullish(),
  phone: z.string().trim().max(30).nullish(),
  password: z.string().min(1).max(1024),
  provinceCode: z
    .string()
    .regex(/^\d{2}$/)
    .nullish(),
  roles: z.array(roleGrantBody).min(1).max(20),
});
export type CreateUserBody = z.infer<typeof createUserBody>;

/** A correction of a user's name or logins; an empty or null email/phone clears it (one must remain). */
export const updateUserBody = z
  .object({
    fullName: z.string().trim().min(1).max(200).optional(),
    email: z.string().trim().max(254).nullish(),
    phone: z.string().trim().max(30).nullish(),
  })
  .strict();
export type UpdateUserBody = z.infer<typeof updateUserBody>;

export const updateUserRolesBody = z.object({ roles: z.array(roleGrantBody).min(1).max(20) });

export const resetPasswordBody = z.object({ temporaryPassword: z.string().min(1).max(1024) });

export const userListQuery = z
  .object({
    provinceCode: z
      .string()
      .regex(/^\d{2}$/)
      .optional(),
    q: z.string().max(100).optional(),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();

export const auditEntryView = z.object({
  id: z.string(),
  at: z.iso.datetime(),
  actorUserId: z.string().nullable(),
  actorName: z.string().nullable(),
  provinceCode: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  ipAddress: z.string().nullable(),
  requestId: z.string().nullable(),
});
export type AuditEntryView = z.infer<typeof auditEntryView>;

export const auditListQuery = z
  .object({
    provinceCode: z
      .string()
      .regex(/^\d{2}$/)
      .optional(),
    entityType: z.string().max(50).optional(),
    entityId: z.string().max(100).optional(),
    actorUserId: z.uuid().optional(),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();

export const provinceTenantView = z.object({ code: z.string(), name: z.string() });
