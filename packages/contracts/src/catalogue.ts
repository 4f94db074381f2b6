import { z } from 'zod';

/** Languages of the public pages: Vietnamese first, English, and Chinese where the producer wrote it. */
export const PUBLIC_LANGUAGES = ['vi', 'en', 'zh'] as const;
export type PublicLanguage = (typeof PUBLIC_LANGUAGES)[number];

export const CATALOGUE_SORTS = ['relevance', 'name', 'stars'] as const;
/** Longest search text accepted (the search itself reads the first 200 characters). */
export const CATALOGUE_QUERY_MAX = 500;
export const CATALOGUE_PAGE_SIZE_MAX = 50;

const message = (vi: string, en: string) => ({ message: `${vi} / ${en}` });

export const catalogueQuery = z
  .object({
    q: z
      .string()
      .max(CATALOGUE_QUERY_MAX, message('Chuỗi tìm kiếm quá dài (tối đa 500 ký tự)', 'Search text too long (500 characters at most)'))
      .optional(),
    stars: z.coerce.number().int().min(3).max(5).optional(),
    /** A product group of the national classification ('1' … '6'). */
    group: z
      .string()
      .regex(/^\d{1,2}$/)
      .optional(),
    /** A product set code ('1.5.1'). */
    set: z
      .string()
      .regex(/^\d{1,2}(\.\d{1,2}){1,3}$/)
      .optional(),
    /** A commune or former district, by code or name, without diacritics if you like ("bac yen", "03868"). */
    place: z.string().max(100).optional(),
    /** Products in season that month (1–12); those whose producer gave no months are left out. */
    month: z.coerce
      .number(message('Tháng phải là một số từ 1 đến 12', 'The month must be a number from 1 to 12'))
      .int(message('Tháng phải là số nguyên', 'The month must be a whole number'))
      .min(1, message('Tháng từ 1 đến 12', 'Months are 1 to 12'))
      .max(12, message('Tháng từ 1 đến 12', 'Months are 1 to 12'))
      .optional(),
    sort: z.enum(CATALOGUE_SORTS).optional(),
    page: z.coerce
      .number()
      .int(message('Trang phải là số nguyên', 'The page must be a whole number'))
      .min(1, message('Trang bắt đầu từ 1', 'Pages start at 1'))
      .max(10_000)
      .default(1),
    pageSize: z.coerce.number().int().min(1).max(CATALOGUE_PAGE_SIZE_MAX).default(20),
    lang: z.enum(PUBLIC_LANGUAGES, message('Ngôn ngữ không hỗ trợ (vi, en, zh)', 'Unsupported language (vi, en, zh)')).default('vi'),
  })
  .strict();
export type CatalogueQuery = z.infer<typeof catalogueQuery>;

export const catalogueItemView = z.object({
  id: z.uuid(),
  slug: z.string(),
  code: z.string(),
  name: z.string(),
  nameVi: z.string(),
  producer: z.object({ id: z.uuid(), name: z.string() }),
  productSet: z.object({ code: z.string(), name: z.string(), groupCode: z.string(), groupName: z.string() }),
  place: z.object({
    communeCode: z.string(),
    communeName: z.string().nullable(),
    legacyDistrictName: z.string().nullable(),
    provinceName: z.string().nullable(),
  }),
  stars: z.number().int().min(3).max(5),
  priceMin: z.number().int().nullable(),
  priceMax: z.number().int().nullable(),
  /** Mùa vụ: months 1–12 in calendar order; empty when the producer has not said. */
  seasons: z.array(z.number().int().min(1).max(12)),
  imageUrl: z.string().nullable(),
  url: z.string(),
  certificate: z.object({ number: z.string(), status: z.string(), validUntil: z.string().nullable(), verificationUrl: z.string() }),
});
export type CatalogueItemView = z.infer<typeof catalogueItemView>;

export const cataloguePageView = z.object({
  items: z.array(catalogueItemView),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type CataloguePageView = z.infer<typeof cataloguePageView>;
