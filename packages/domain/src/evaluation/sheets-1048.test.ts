import { describe, expect, it } from 'vitest';
import { walkCriteria } from './criteria';
import type { Sheets1048File } from './convert-1048';
import { convertSheets1048File } from './convert-1048';
import { REGIME_1048_2019 } from './testdata/regimes';
import { scoreSheet } from './score';
import { prepareSheet } from './sheet';
import classification from './testdata/classification-qd1048-2019.json';
import file from './testdata/ocop-1048-781.json';
import { validateRegimeSets } from './validate';

const productSets = classification.sets.map((set) => ({ code: set.code, name: set.name }));
const { sets, unmatched } = convertSheets1048File(file as Sheets1048File, REGIME_1048_2019.code, productSets);
const codeOf = (name: string) => productSets.find((set) => set.name === name)?.code;

describe('the 1048/781 sheets', () => {
  it('maps each of the 25 sheets to its 2019 product set by name', () => {
    expect(unmatched).toEqual([]);
    expect(sets).toHaveLength(25);
  });

  it('reads codes from titles, an untitled lone criterion as its section, and “Bị loại nếu…” notes as disqualifiers', () => {
    const tea = sets.find((set) => set.name === 'Chè tươi, chế biến');
    const criteria = new Map([...walkCriteria(tea as NonNullable<typeof tea>)].map((entry) => [entry.criterion.code, entry]));
    expect(criteria.get('1.1')?.criterion.label).toBe('Nguồn nguyên liệu');
    expect(criteria.get('1.1')?.path).toBe(`${codeOf('Chè tươi, chế biến')}/A/1/1.1`);
    expect(criteria.get('7')?.criterion.options.map((option) => option.points)).toEqual([0, 1, 3, 5]);
    expect(tea?.disqualifiers[0]).toEqual({
      id: 'D1',
      text: 'Ghi chú: Bị loại nếu sử dụng toàn bộ nguyên liệu nhập khẩu hoặc không rõ nguồn gốc',
      criterionCode: '1.1',
    });
    expect(criteria.get('1.1')?.criterion.requirementNote).toBeNull();
  });

  it('the validator reports exactly the flaws of the transcript, by path', () => {
    const issues = validateRegimeSets(
      REGIME_1048_2019,
      sets,
      productSets.map((set) => set.code),
    ).map((issue) => [issue.code, issue.path, issue.actual ?? null]);
    expect(issues).toEqual([
      // Not in the data's README, found by the validator: coffee has two sub-criteria coded 6.1.3 (Màu sắc, Mùi).
      ['criterion.duplicate_code', `${codeOf('Cà phê, Ca cao')}/C/6/6.1/6.1.3`, null],
      // The known ones: three Part C sums of 38 and the missing rice set.
      ['part.sum_mismatch', `${codeOf('Thực phẩm chức năng, thuốc từ dược liệu, thuốc Y học cổ truyền')}/C`, 38],
      ['part.sum_mismatch', `${codeOf('Tương, nước mắm, gia vị dạng lỏng khác')}/C`, 38],
      ['part.sum_mismatch', `${codeOf('Đồ uống có cồn khác')}/C`, 38],
      ['set.missing', codeOf('Gạo, ngũ cốc'), null],
    ]);
  });

  it('scores a 1048 sheet by the same engine, parts 35 / 25 / 40', () => {
    const set = sets[0];
    if (!set) throw new Error('no set');
    const sheet = prepareSheet(set, REGIME_1048_2019);
    const best = Object.fromEntries(
      sheet.answerable.map((criterion) => [criterion.code, criterion.options.reduce((a, b) => (b.points > a.points ? b : a)).id]),
    );
    const score = scoreSheet(sheet, best);
    expect(score.parts.map((part) => part.total)).toEqual([35, 25, 40]);
    expect(score.stars).toBe(5);
  });
});
