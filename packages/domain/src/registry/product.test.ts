import { describe, expect, it } from 'vitest';
import { assertProductStatusChange, checkPriceRange, type ProductStatus } from './product';

describe('assertProductStatusChange', () => {
  it.each<[ProductStatus, ProductStatus, boolean]>([
    ['idea', 'in_development', true],
    ['idea', 'on_sale', true],
    ['in_development', 'on_sale', true],
    ['on_sale', 'withdrawn', true],
    ['withdrawn', 'on_sale', true],
    ['on_sale', 'idea', false],
    ['withdrawn', 'idea', false],
    ['on_sale', 'on_sale', false],
  ])('%s → %s allowed: %s', (from, to, allowed) => {
    const run = () => assertProductStatusChange(from, to);
    if (allowed) expect(run).not.toThrow();
    else expect(run).toThrow(expect.objectContaining({ code: 'product.status_change_not_allowed' }));
  });
});

describe('checkPriceRange', () => {
  it.each([
    [50_000, 120_000],
    [0, 0],
    [null, 300_000],
    [150_000, null],
    [null, null],
  ])('accepts %s–%s', (min, max) => {
    expect(checkPriceRange(min, max)).toEqual({ min, max });
  });
  it.each([
    [120_000, 50_000, 'product.price_range_inverted'],
    [-1, 10, 'product.price_invalid'],
    [1500.5, null, 'product.price_invalid'],
    [null, 2e15, 'product.price_invalid'],
  ])('refuses %s–%s', (min, max, code) => {
    expect(() => checkPriceRange(min, max)).toThrow(expect.objectContaining({ code }));
  });
});
