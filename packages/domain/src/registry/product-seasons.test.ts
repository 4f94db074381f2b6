import { describe, expect, it } from 'vitest';
import { formatSeasons, formatSeasonsCell, isInSeason, normalizeSeasons, parseSeasonsCell, seasonRanges } from './product-seasons';

describe('normalizeSeasons', () => {
  it('sorts the months', () => {
    expect(normalizeSeasons([12, 1, 10, 11])).toEqual([1, 10, 11, 12]);
    expect(normalizeSeasons([])).toEqual([]);
  });
  it.each([[[0]], [[13]], [[5, 5]], [[1.5]], [[...Array(13).keys()].map((n) => (n % 12) + 1)]])('refuses %j', (months) => {
    expect(() => normalizeSeasons(months)).toThrow(expect.objectContaining({ code: 'product.seasons_invalid', kind: 'invalid' }));
  });
});

describe('seasonRanges', () => {
  it.each([
    [[5, 6], [[5, 6]]],
    [[10, 11, 12, 1], [[10, 1]]],
    [
      [1, 5, 6, 10, 11, 12],
      [
        [5, 6],
        [10, 1],
      ],
    ],
    [[3], [[3, 3]]],
    [
      [1, 3, 5],
      [
        [1, 1],
        [3, 3],
        [5, 5],
      ],
    ],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], [[1, 12]]],
    [[12, 1], [[12, 1]]],
  ])('%j → %j', (months, runs) => {
    expect(seasonRanges(months)).toEqual(runs);
  });
});

describe('formatSeasons', () => {
  it.each([
    [[5, 6], 'tháng 5 – 6', 'May – Jun', '5月–6月'],
    [[10, 11, 12, 1], 'tháng 10 – tháng 1', 'Oct – Jan', '10月–1月'],
    [[7], 'tháng 7', 'Jul', '7月'],
    [[1, 5, 6, 10, 11, 12], 'tháng 5 – 6, tháng 10 – tháng 1', 'May – Jun, Oct – Jan', '5月–6月、10月–1月'],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], 'Quanh năm', 'All year', '全年'],
  ])('%j', (months, vi, en, zh) => {
    expect(formatSeasons(months, 'vi')).toBe(vi);
    expect(formatSeasons(months, 'en')).toBe(en);
    expect(formatSeasons(months, 'zh')).toBe(zh);
  });
  it('says nothing when no month is given', () => {
    expect(formatSeasons([], 'vi')).toBeNull();
  });
});

describe('spreadsheet cells', () => {
  it.each([
    ['10-1', [1, 10, 11, 12]],
    ['5,6', [5, 6]],
    ['5 – 6; 9', [5, 6, 9]],
    ['Tháng 5-6', [5, 6]],
    ['quanh năm', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]],
    ['Cả năm', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]],
    ['All year', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]],
    ['  ', []],
  ])('reads %j', (text, months) => {
    expect(parseSeasonsCell(text)).toEqual(months);
  });
  it.each(['0', '13', '5-13', 'mùa hè', '5..6', '5-6-7'])('refuses %j', (text) => {
    expect(parseSeasonsCell(text)).toBeUndefined();
  });
  it.each([[[5, 6]], [[1, 10, 11, 12]], [[3, 7, 8]], [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]]])('writes %j so it reads back', (months) => {
    expect(parseSeasonsCell(formatSeasonsCell(months) as string)).toEqual(months);
  });
  it('writes nothing for no months', () => {
    expect(formatSeasonsCell([])).toBeNull();
  });
});

describe('isInSeason', () => {
  it('knows the month', () => {
    expect(isInSeason([10, 11, 12, 1], 1)).toBe(true);
    expect(isInSeason([10, 11, 12, 1], 6)).toBe(false);
  });
});
