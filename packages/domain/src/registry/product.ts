import { DomainError } from '../shared/domain-error';

/** Where a product stands in the market; the evaluation issue adds its own states beside these. */
export const PRODUCT_STATUSES = ['idea', 'in_development', 'on_sale', 'withdrawn'] as const;
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];

export const PRODUCT_STATUS_LABELS: Record<ProductStatus, string> = {
  idea: 'Ý tưởng',
  in_development: 'Đang phát triển',
  on_sale: 'Đang bán',
  withdrawn: 'Ngừng kinh doanh',
};

// A product that reached the market does not become an idea again; it is withdrawn or reworked.
const STATUS_MOVES: Record<ProductStatus, readonly ProductStatus[]> = {
  idea: ['in_development', 'on_sale', 'withdrawn'],
  in_development: ['idea', 'on_sale', 'withdrawn'],
  on_sale: ['in_development', 'withdrawn'],
  withdrawn: ['in_development', 'on_sale'],
};

export function productStatusMoves(from: ProductStatus): readonly ProductStatus[] {
  return STATUS_MOVES[from];
}

export function assertProductStatusChange(from: ProductStatus, to: ProductStatus): void {
  if (!STATUS_MOVES[from].includes(to)) {
    throw new DomainError('conflict', 'product.status_change_not_allowed', `A product cannot go from ${from} to ${to}.`, {
      from: PRODUCT_STATUS_LABELS[from],
      to: PRODUCT_STATUS_LABELS[to],
    });
  }
}

/** Prices are whole đồng: the VND has no subunit in use. */
export type PriceRange = { min: number | null; max: number | null };

/** Upper bound of a price, far above any OCOP product; keeps values exact in JavaScript numbers. */
export const MAX_PRICE_VND = 1_000_000_000_000;

export function checkPriceRange(min: number | null | undefined, max: number | null | undefined): PriceRange {
  const range = { min: min ?? null, max: max ?? null };
  for (const [field, value] of [
    ['priceMin', range.min],
    ['priceMax', range.max],
  ] as const) {
    if (value === null) continue;
    if (!Number.isSafeInteger(value) || value < 0 || value > MAX_PRICE_VND) {
      throw new DomainError('invalid', 'product.price_invalid', 'A price is a whole, non-negative number of đồng.', { field, value });
    }
  }
  if (range.min !== null && range.max !== null && range.min > range.max) {
    throw new DomainError('invalid', 'product.price_range_inverted', 'The lowest price is above the highest.', {
      field: 'priceMin',
      min: range.min,
      max: range.max,
    });
  }
  return range;
}
