import { z } from 'zod';

export const adminUnitView = z.object({
  code: z.string(),
  name: z.string(),
  type: z.string().nullable(),
  level: z.enum(['province', 'district', 'commune']),
  parentCode: z.string().nullable(),
  provinceCode: z.string(),
  snapshot: z.string(),
});
export type AdminUnitView = z.infer<typeof adminUnitView>;

export const asOfQuery = z.object({ asOf: z.iso.date().optional() }).strict();

export const provinceUnitsView = z.object({
  snapshot: z.string(),
  province: adminUnitView,
  districts: z.array(adminUnitView),
  communes: z.array(adminUnitView),
});
export type ProvinceUnitsView = z.infer<typeof provinceUnitsView>;

export const unitLinkView = z.object({
  oldUnit: adminUnitView,
  newUnit: adminUnitView,
  whole: z.boolean(),
});
export type UnitLinkView = z.infer<typeof unitLinkView>;

export const adminUnitSearchQuery = z
  .object({
    q: z.string().min(1).max(100),
    asOf: z.iso.date().optional(),
    provinceCode: z
      .string()
      .regex(/^\d{2}$/)
      .optional(),
    level: z.enum(['province', 'district', 'commune']).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();

export const snapshotsView = z.object({ snapshots: z.array(z.string()) });
