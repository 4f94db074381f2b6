import { describe, expect, it } from 'vitest';
import type { CriteriaSet, Criterion } from './criteria';
import { type Sheets1048File, convertSheets1048File } from './convert-1048';
import { type Sheets26File, convertSheets26File } from './convert-26-2026';
import { type SheetCell, criteriaSheetTable, infoSheetTable } from './criteria-sheet';
import { describeRows, parseCriteriaWorkbook, rowsOfIssue, type SheetRowIn } from './criteria-sheet-parse';
import { structureIssues } from './criteria-structure';
import { group, leaf, singlePartSheet } from './test-sheets';
import classification1048 from './testdata/classification-qd1048-2019.json';
import file1048 from './testdata/ocop-1048-781.json';
import file26 from './testdata/ocop-26-2026.json';
import { validateCriteriaSet } from './validate';
import { REGIME_26_2026 } from './testdata/regimes';

const asRows = (table: SheetCell[][]): SheetRowIn[] => table.map((cells, index) => ({ rowNumber: index + 1, cells }));
const workbookOf = (set: CriteriaSet) => ({ info: asRows(infoSheetTable(set, 3)), criteria: asRows(criteriaSheetTable(set)) });

describe('structureIssues', () => {
  const { set } = singlePartSheet([
    group('1', [
      leaf('1.1', [
        [0, null],
        [5, 3],
      ]),
      leaf('1.2', [
        [0, null],
        [2, null],
      ]),
    ]),
    leaf('2', [[1, null]]),
  ]);
  const withCriterion = (code: string, change: (criterion: Criterion) => Criterion): CriteriaSet => {
    const map = (criteria: readonly Criterion[]): Criterion[] =>
      criteria.map((criterion) => (criterion.code === code ? change(criterion) : { ...criterion, children: map(criterion.children) }));
    return { ...set, parts: set.parts.map((part) => ({ ...part, criteria: map(part.criteria) })) };
  };

  it.each([
    ['a clean set', set, []],
    [
      'a duplicate criterion code',
      withCriterion('2', (criterion) => ({ ...criterion, code: '1.1', options: [{ id: '1.1/9', label: 'x', points: 1 }] })),
      [['criteria.duplicate_code', 'thu/A/1.1', '1.1']],
    ],
    [
      'an option id of another criterion',
      withCriterion('1.2', (criterion) => ({
        ...criterion,
        options: [{ id: '1.1/1', label: 'x', points: 0 }, ...criterion.options.slice(1)],
      })),
      [['criteria.option_of_other_criterion', 'thu/A/1/1.2/1.1/1', '1.2']],
    ],
    [
      'a repeated option id',
      withCriterion('1.2', (criterion) => ({ ...criterion, options: criterion.options.map((option) => ({ ...option, id: '1.2/1' })) })),
      [['criteria.option_of_other_criterion', 'thu/A/1/1.2/1.2/1', '1.2']],
    ],
    [
      'an option id without a number',
      withCriterion('2', (criterion) => ({ ...criterion, options: [{ id: '2/a', label: 'x', points: 1 }] })),
      [['criteria.option_of_other_criterion', 'thu/A/2/2/a', '2']],
    ],
    [
      'a starred minimum naming an option of another criterion',
      withCriterion('1.1', (criterion) => ({ ...criterion, minima: [{ stars: 3, optionId: '1.2/2' }] })),
      [['criteria.minimum_not_an_option', 'thu/A/1/1.1', '1.1']],
    ],
  ])('%s', (_name, input, expected) => {
    expect(structureIssues(input).map((issue) => [issue.code, issue.path, issue.criterionCode])).toEqual(expected);
  });

  it('writes its messages in Vietnamese', () => {
    const [issue] = structureIssues(withCriterion('2', (criterion) => ({ ...criterion, code: '1.1' })));
    expect(issue?.message).toBe('Mã tiêu chí 1.1 bị trùng.');
  });
});

describe('the criteria workbook', () => {
  const sets26 = convertSheets26File(file26 as Sheets26File, '26/2026');
  const sets1048 = convertSheets1048File(
    file1048 as Sheets1048File,
    '1048/2019',
    classification1048.sets.map((set) => ({ code: set.code, name: set.name })),
  ).sets;

  it('writes one row per option, a group with empty option cells, minima beside their option', () => {
    const { set } = singlePartSheet([
      group('1', [
        leaf(
          '1.1',
          [
            [0, null],
            [5, 3],
          ],
          ['ho-so'],
        ),
      ]),
    ]);
    const table = criteriaSheetTable(set);
    expect(table[0]).toEqual([
      'Phần',
      'Mã tiêu chí',
      'Thuộc tiêu chí',
      'Tiêu chí',
      'Điểm tối đa',
      'Yêu cầu',
      'Mã phương án',
      'Phương án',
      'Điểm',
      'Tối thiểu cho sao',
      'Minh chứng',
    ]);
    expect(table.slice(1)).toEqual([
      ['A', '1', null, 'Nhóm 1', 5, null, null, null, null, null, null],
      ['A', '1.1', '1', 'Tiêu chí 1.1', 5, null, '1.1/1', '1.1 phương án 1', 0, null, 'ho-so'],
      ['A', '1.1', '1', 'Tiêu chí 1.1', 5, null, '1.1/2', '1.1 phương án 2', 5, '3', 'ho-so'],
    ]);
  });

  it('reads back every national sheet of 26/2026 and 1048/2019 as it was written', () => {
    // One 1048 transcript repeats a criterion code (the validator reports it); such a sheet cannot be kept as a draft at all.
    const whole = [...sets26, ...sets1048].filter((set) => structureIssues(set).length === 0);
    expect(whole.length).toBeGreaterThanOrEqual(sets26.length + sets1048.length - 2);
    expect(sets26.every((set) => structureIssues(set).length === 0)).toBe(true);
    for (const set of whole) {
      const parsed = parseCriteriaWorkbook(workbookOf(set));
      expect(parsed.issues).toEqual([]);
      expect(parsed.set).toEqual(set);
    }
  });

  it('reads a file typed by hand: columns in another order, decimal commas, option ids left out', () => {
    const parsed = parseCriteriaWorkbook({
      info: asRows([
        ['Quy định', '26/2026'],
        ['Mã bộ sản phẩm', 'thu'],
        ['Tên bộ sản phẩm', 'Bộ thử'],
        ['Phần', 'A', 'Phần A', 100],
      ]),
      criteria: asRows([
        ['Bộ tiêu chí thử'],
        ['Mã tiêu chí', 'Phần', 'Tiêu chí', 'Điểm tối đa', 'Phương án', 'Điểm', 'Tối thiểu cho sao'],
        ['1', 'A', 'Một', '0,5', 'Không', 0, null],
        ['1', null, null, null, 'Có', '0,5', '3; 4'],
        [null, null, null, null, null, null, null],
      ]),
    });
    expect(parsed.issues).toEqual([]);
    expect(parsed.set?.parts[0]?.criteria[0]).toMatchObject({
      code: '1',
      maxPoints: 0.5,
      options: [
        { id: '1/1', label: 'Không', points: 0 },
        { id: '1/2', label: 'Có', points: 0.5 },
      ],
      minima: [
        { stars: 3, optionId: '1/2' },
        { stars: 4, optionId: '1/2' },
      ],
    });
  });

  it.each([
    [
      [['A', '2', '9', 'Con', 1, null, null, 'x', 1]],
      'row.invalid',
      'Dòng 2: tiêu chí 2 thuộc tiêu chí 9, nhưng 9 không có ở các dòng trên.',
    ],
    [[['Z', '2', null, 'X', 1, null, null, 'x', 1]], 'row.invalid', 'Dòng 2: phần "Z" của tiêu chí 2 không có trong trang "Thông tin".'],
    [[['A', '2', null, 'X', 'nhiều', null, null, 'x', 1]], 'row.invalid', 'Dòng 2: điểm tối đa của tiêu chí 2 phải là số.'],
    [
      [['A', '2', null, 'X', 1, null, null, 'x', 1, '7']],
      'row.invalid',
      'Dòng 2: ô "Tối thiểu cho sao" phải là hạng sao từ 1 đến 5 (ví dụ "3" hoặc "3, 4").',
    ],
    [
      [
        ['A', '2', null, 'X', 1, null, null, 'x', 1],
        ['A', '3', null, 'Y', 1, null, null, 'y', 1],
        ['A', '2', null, 'X', 1, null, null, 'z', 1],
      ],
      'criteria.duplicate_code',
      'Dòng 4: mã tiêu chí 2 bị trùng (đã có ở dòng 2).',
    ],
    [
      [
        ['A', '2', null, 'X', 1, null, null, 'x', 1],
        ['A', '2', null, 'X khác', 1, null, null, 'y', 1],
      ],
      'row.invalid',
      'Dòng 3: ô "Tiêu chí" của tiêu chí 2 khác dòng đầu của tiêu chí này.',
    ],
    [
      Array.from({ length: 7 }, (_, index) => ['A', `g${index}`, index === 0 ? null : `g${index - 1}`, 'Nhóm', 1, null, null, null, null]),
      'row.invalid',
      'Dòng 8: tiêu chí g6 lồng quá 6 cấp.',
    ],
  ])('names the row of a bad row (%#)', (rows, code, message) => {
    const { set } = singlePartSheet([leaf('1', [[0, null]])]);
    const parsed = parseCriteriaWorkbook({
      info: asRows(infoSheetTable(set, 1)),
      criteria: asRows([criteriaSheetTable(set)[0] as SheetCell[], ...rows]),
    });
    expect(parsed.issues.map((issue) => [issue.code, issue.message])).toEqual([[code, message]]);
  });

  it('refuses a workbook without its header row or its set name', () => {
    const parsed = parseCriteriaWorkbook({ info: asRows([['Quy định', '26/2026']]), criteria: asRows([['Không phải bộ tiêu chí']]) });
    expect(parsed.set).toBeNull();
    expect(parsed.issues.map((issue) => issue.code)).toEqual(['info.missing', 'info.missing', 'info.missing', 'sheet.header_not_found']);
  });

  it('names the rows of a part whose criteria do not add up', () => {
    const tea = sets26.find((set) => set.productSetCode === 'che-tuoi-che-bien') as CriteriaSet;
    const [first, ...rest] = tea.parts[1]?.criteria ?? [];
    const changed = {
      ...tea,
      parts: tea.parts.map((part) =>
        part.code === 'B' ? { ...part, criteria: [{ ...(first as Criterion), maxPoints: 99 }, ...rest] } : part,
      ),
    };
    const parsed = parseCriteriaWorkbook(workbookOf(changed));
    const issue = validateCriteriaSet(parsed.set as CriteriaSet, REGIME_26_2026).find(
      (candidate) => candidate.code === 'part.sum_mismatch',
    );
    const rows = rowsOfIssue(parsed, issue as { path: string });
    expect(rows.length).toBe(tea.parts[1]?.criteria.length);
    expect(describeRows(rows)).toMatch(/^Dòng \d+(, \d+)*$/);
    expect(structureIssues(parsed.set as CriteriaSet)).toEqual([]);
  });
});
