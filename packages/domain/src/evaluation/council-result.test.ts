import { describe, expect, it } from 'vitest';
import { councilResult } from './council-result';
import { prepareSheet } from './sheet';
import { leaf, singlePartSheet } from './test-sheets';

// c1 has a starred minimum for 4★ (its middle option, 4 points); c2 carries the rest of the 100 points.
const { set, regime } = singlePartSheet([
  leaf('c1', [
    [0, null],
    [4, 4],
    [8, null],
  ]),
  leaf('c2', [
    [0, null],
    [46, null],
    [92, null],
  ]),
]);
const sheet = prepareSheet(set, regime);

describe('the council’s result', () => {
  it('averages the members’ totals to two decimals, takes the band, and meets a minimum on the members’ average', () => {
    const result = councilResult(
      sheet,
      [
        { memberId: 'a', answers: { c1: 'c1/3', c2: 'c2/3' } }, // 100
        { memberId: 'b', answers: { c1: 'c1/1', c2: 'c2/3' } }, // 92, below the minimum of c1 on its own sheet
        { memberId: 'c', answers: { c1: 'c1/2', c2: 'c2/2' } }, // 50
      ],
      20,
    );
    expect(result.total).toBe(80.67);
    expect(result.parts).toEqual([{ code: 'A', maxPoints: 100, total: 80.67 }]);
    expect(result.criteria.get('c1')).toBe(4); // (8 + 0 + 4) / 3 reaches the 4 points of the 4★ minimum
    expect([result.band, result.stars]).toEqual([4, 4]);
    expect(result.members).toEqual([
      { memberId: 'a', total: 100, outlier: false, deviation: null },
      { memberId: 'b', total: 92, outlier: false, deviation: null },
      { memberId: 'c', total: 50, outlier: true, deviation: -30.67 },
    ]);
  });

  it('lowers the stars when the average on a starred criterion falls short, and says by how much', () => {
    const result = councilResult(sheet, [
      { memberId: 'a', answers: { c1: 'c1/2', c2: 'c2/3' } }, // 96
      { memberId: 'b', answers: { c1: 'c1/1', c2: 'c2/3' } }, // 92
      { memberId: 'c', answers: { c1: 'c1/2', c2: 'c2/2' } }, // 50
    ]);
    expect(result.total).toBe(79.33);
    expect(result.band).toBe(4);
    expect(result.stars).toBe(3);
    expect(result.unmetMinima.find((level) => level.stars === 4)?.unmet).toEqual([
      { criterionCode: 'c1', averagePoints: 2.67, requiredPoints: 4 },
    ]);
  });

  it('refuses to make a result from no sheet, and refuses an option of another criterion', () => {
    expect(() => councilResult(sheet, [])).toThrow(expect.objectContaining({ code: 'council.no_sheets' }));
    expect(() => councilResult(sheet, [{ memberId: 'a', answers: { c1: 'c2/1' } }])).toThrow(
      expect.objectContaining({ code: 'evaluation.option_not_of_criterion' }),
    );
  });
});
