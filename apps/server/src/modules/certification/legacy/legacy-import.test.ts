import { describe, expect, it } from 'vitest';
import { parseDay, parseIssuerLevel, parseRegime, parseStars } from './legacy-import';
import { districtAsWritten, type FormerDistrict, findFormerCommune, findFormerDistrict } from './legacy-units';

const SON_LA_2025: FormerDistrict[] = [
  { code: '116', name: 'Thành phố Sơn La', communes: [{ code: '03646', name: 'Phường Chiềng Lề' }] },
  {
    code: '123',
    name: 'Thị xã Mộc Châu',
    communes: [
      { code: '03985', name: 'Xã Chiềng Sơn' },
      { code: '04012', name: 'Xã Chiềng Hắc' },
    ],
  },
  {
    code: '124',
    name: 'Huyện Yên Châu',
    communes: [
      { code: '04075', name: 'Thị trấn Yên Châu' },
      { code: '04063', name: 'Xã Chiềng Đông' },
    ],
  },
  { code: '128', name: 'Huyện Vân Hồ', communes: [{ code: '04012', name: 'Xã Chiềng Hắc' }] },
];

describe('legacy certificate cells', () => {
  it.each([
    ['15/06/2023', '2023-06-15'],
    ['5-6-2023', '2023-06-05'],
    ['05.06.2023', '2023-06-05'],
    ['2023-06-15', '2023-06-15'],
    [new Date(Date.UTC(2019, 11, 20)), '2019-12-20'],
    [45_092, '2023-06-15'],
    ['', null],
    [null, null],
    ['31/02/2023', 'invalid'],
    ['15/13/2023', 'invalid'],
    ['tháng 6/2023', 'invalid'],
    [2023, 'invalid'],
  ] as const)('reads the day %s as %s', (cell, day) => {
    expect(parseDay(cell)).toBe(day);
  });

  it.each([
    [3, 3],
    ['4', 4],
    ['5 sao', 5],
    ['4★', 4],
    [2, null],
    ['6', null],
    ['bốn', null],
  ] as const)('reads the stars %s as %s', (cell, stars) => {
    expect(parseStars(cell)).toBe(stars);
  });

  it.each([
    ['Tỉnh', 'province'],
    ['UBND tỉnh', 'province'],
    ['huyen', 'district'],
    ['Cấp huyện', 'district'],
    ['Xã', null],
    ['tỉnh, huyện', null],
  ] as const)('reads the issuing level %s as %s', (cell, level) => {
    expect(parseIssuerLevel(cell)).toBe(level);
  });

  it.each([
    ['1048', '1048/2019'],
    ['QĐ 1048/QĐ-TTg', '1048/2019'],
    [148, '148/2023'],
    ['148/2023', '148/2023'],
    ['26/2026', null],
    ['', null],
  ] as const)('reads the regime %s as %s', (cell, regime) => {
    expect(parseRegime(cell)).toBe(regime);
  });
});

describe('former districts and communes', () => {
  it.each(['Huyện Mộc Châu', 'Mộc Châu', 'moc chau', 'MỘC CHÂU', 'Thị xã Mộc Châu', 'UBND huyện Mộc Châu', '123', '123 - Thị xã Mộc Châu'])(
    'finds Mộc Châu written as "%s"',
    (text) => {
      expect(findFormerDistrict(SON_LA_2025, text)?.code).toBe('123');
    },
  );

  it('finds no district that never existed, nor a commune taken for a district', () => {
    expect(findFormerDistrict(SON_LA_2025, 'Huyện Không Có')).toBeNull();
    expect(findFormerDistrict(SON_LA_2025, 'Xã Mộc Châu')).toBeNull();
    expect(findFormerDistrict(SON_LA_2025, '999')).toBeNull();
  });

  it('names the issuer with the kind the file writes, else the kind on the map', () => {
    const mocChau = SON_LA_2025[1] as FormerDistrict;
    expect(districtAsWritten(mocChau, 'huyen moc chau')).toEqual({ name: 'Huyện Mộc Châu', issuerName: 'Ủy ban nhân dân huyện Mộc Châu' });
    expect(districtAsWritten(mocChau, '123')).toEqual({ name: 'Thị xã Mộc Châu', issuerName: 'Ủy ban nhân dân thị xã Mộc Châu' });
    expect(districtAsWritten(SON_LA_2025[0] as FormerDistrict, 'TP. Sơn La').issuerName).toBe('Ủy ban nhân dân thành phố Sơn La');
  });

  it('finds a commune within its district, or within the province when its name is unique there', () => {
    const yenChau = SON_LA_2025[2] as FormerDistrict;
    expect(findFormerCommune(SON_LA_2025, yenChau, 'chieng dong')?.commune.code).toBe('04063');
    expect(findFormerCommune(SON_LA_2025, yenChau, 'Chiềng Sơn')).toBeNull();
    expect(findFormerCommune(SON_LA_2025, null, 'Chiềng Sơn')?.district.code).toBe('123');
    expect(findFormerCommune(SON_LA_2025, null, 'Chiềng Hắc')).toBeNull(); // in two districts: which one is unknown
    expect(findFormerCommune(SON_LA_2025, null, '4075')?.commune.name).toBe('Thị trấn Yên Châu');
  });
});
