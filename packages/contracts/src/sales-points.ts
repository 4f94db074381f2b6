import { SALES_POINT_KINDS, SALES_POINT_STATUSES, SALES_POINT_STOCK_MAX, type SalesPointKind } from '@ocop/domain/catalogue';
import { z } from 'zod';
import { pageOf } from './common';

export const SALES_POINT_NAME_MAX = 200;
export const SALES_POINT_ADDRESS_MAX = 300;
export const SALES_POINT_HOURS_MAX = 200;
export const SALES_POINT_TEXT_MAX = 200;
export const SALES_POINT_PAGE_SIZE_MAX = 200;

/** The kinds' names on the screens and public pages. */
export const SALES_POINT_KIND_NAMES: Record<SalesPointKind, { vi: string; en: string }> = {
  showcase: { vi: 'Điểm giới thiệu và bán sản phẩm OCOP', en: 'OCOP showcase and shop' },
  post_office: { vi: 'Góc OCOP tại bưu điện', en: 'OCOP corner in a post office' },
  fair_booth: { vi: 'Gian hàng hội chợ', en: 'Fair booth' },
  online_store: { vi: 'Cửa hàng trực tuyến', en: 'Online store' },
};

const message = (vi: string, en: string) => ({ message: `${vi} / ${en}` });
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();

/** A point's fields as the province's staff send them; the service checks the place against the map. */
const salesPointFields = {
  name: z.string().trim().min(1).max(SALES_POINT_NAME_MAX),
  kind: z.enum(SALES_POINT_KINDS),
  /** The commune on the current (2025) map, in the point's province. */
  communeCode: z
    .string()
    .trim()
    .regex(/^\d{5}$/, message('Mã xã gồm 5 chữ số', 'A commune code has 5 digits')),
  /** The former district, when the commune joined parts of several (otherwise derived from the map). */
  legacyDistrictCode: z
    .string()
    .trim()
    .regex(/^\d{3}$/, message('Mã huyện cũ gồm 3 chữ số', 'A former district code has 3 digits'))
    .nullable()
    .optional(),
  address: optionalText(SALES_POINT_ADDRESS_MAX),
  /** Opening hours as people say them ("7:30–17:30, thứ Hai – thứ Bảy"). */
  hours: optionalText(SALES_POINT_HOURS_MAX),
  location: z
    .object({
      lat: z.number().min(-90).max(90),
      lon: z.number().min(-180).max(180),
    })
    .strict()
    .nullable()
    .optional(),
  websiteUrl: z
    .url({
      protocol: /^https?$/,
      message: 'Địa chỉ web phải bắt đầu bằng http:// hoặc https:// / A web address starts with http:// or https://',
    })
    .max(SALES_POINT_TEXT_MAX)
    .nullable()
    .optional(),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9 +().-]{6,20}$/, message('Số điện thoại không hợp lệ', 'Not a phone number'))
    .nullable()
    .optional(),
  /** Who runs it (a cooperative, the post office, a company). */
  operatorName: optionalText(SALES_POINT_TEXT_MAX),
};

export const createSalesPointBody = z.object({ provinceCode: z.string().regex(/^\d{2}$/), ...salesPointFields }).strict();
export type CreateSalesPointBody = z.input<typeof createSalesPointBody>;

export const updateSalesPointBody = z
  .object({ ...salesPointFields, status: z.enum(SALES_POINT_STATUSES), revision: z.number().int().min(1) })
  .strict();
export type UpdateSalesPointBody = z.input<typeof updateSalesPointBody>;

export const salesPointView = z.object({
  id: z.uuid(),
  provinceCode: z.string(),
  name: z.string(),
  kind: z.enum(SALES_POINT_KINDS),
  status: z.enum(SALES_POINT_STATUSES),
  communeCode: z.string(),
  legacyDistrictCode: z.string().nullable(),
  address: z.string().nullable(),
  hours: z.string().nullable(),
  location: z.object({ lat: z.number(), lon: z.number() }).nullable(),
  websiteUrl: z.string().nullable(),
  phone: z.string().nullable(),
  operatorName: z.string().nullable(),
  stockCount: z.number().int(),
  revision: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type SalesPointView = z.infer<typeof salesPointView>;

export const salesPointListQuery = z
  .object({
    status: z.enum(SALES_POINT_STATUSES).optional(),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(SALES_POINT_PAGE_SIZE_MAX).default(50),
  })
  .strict();
export type SalesPointListQuery = z.input<typeof salesPointListQuery>;

export const salesPointPage = pageOf(salesPointView);
export type SalesPointPage = z.infer<typeof salesPointPage>;

/** The whole list of products a point stocks, replacing the last one (the operator ticks what is on the shelf). */
export const putSalesPointStockBody = z
  .object({
    productIds: z
      .array(z.uuid())
      .max(
        SALES_POINT_STOCK_MAX,
        message(`Một điểm bán liệt kê tối đa ${SALES_POINT_STOCK_MAX} sản phẩm`, `A point lists ${SALES_POINT_STOCK_MAX} products at most`),
      ),
  })
  .strict();
export type PutSalesPointStockBody = z.input<typeof putSalesPointStockBody>;

export const stockedProductView = z.object({
  productId: z.uuid(),
  name: z.string(),
  producerName: z.string(),
  stars: z.number().int(),
  slug: z.string(),
});
export type StockedProductView = z.infer<typeof stockedProductView>;

export const salesPointStockView = z.object({
  salesPointId: z.uuid(),
  items: z.array(stockedProductView),
  updatedAt: z.iso.datetime().nullable(),
});
export type SalesPointStockView = z.infer<typeof salesPointStockView>;

/** The certified products an operator may pick from (the public catalogue), searched as the public search does. */
export const stockCandidatesQuery = z
  .object({ q: z.string().max(200).optional(), pageSize: z.coerce.number().int().min(1).max(50).default(20) })
  .strict();
export const stockCandidatesView = z.object({ items: z.array(stockedProductView) });
export type StockCandidatesView = z.infer<typeof stockCandidatesView>;
