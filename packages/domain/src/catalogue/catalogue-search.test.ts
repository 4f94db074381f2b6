import { describe, expect, it } from 'vitest';
import {
  buildCatalogueIndex,
  queryWords,
  type SearchDocument,
  searchCatalogue,
  startCatalogueIndex,
  withinOneEdit,
} from './catalogue-search';

const product = (id: string, name: string, producer: string, places: string[]): SearchDocument => ({
  id,
  fields: [{ text: name, weight: 3 }, { text: producer, weight: 2 }, ...places.map((text) => ({ text, weight: 1 }))],
});

const CATALOGUE = [
  product('ruou-tao-meo', 'Rượu táo mèo Bắc Yên', 'HTX Nông lâm nghiệp Bắc Yên', ['Xã Tà Xùa', 'Huyện Bắc Yên', 'Sơn La']),
  product('tra-shan', 'Chè Shan tuyết Tà Xùa', 'HTX Chè Tà Xùa', ['Xã Tà Xùa', 'Huyện Bắc Yên', 'Sơn La']),
  product('ca-phe', 'Cà phê Arabica Sơn La', 'Công ty Cà phê Phúc Sinh', ['Phường Chiềng An', 'Thành phố Sơn La', 'Sơn La']),
  product('ruou-ngo', 'Rượu ngô men lá', 'Hộ Lò Văn Ánh', ['Xã Mường Giàng', 'Huyện Quỳnh Nhai', 'Sơn La']),
  product('mat-ong', 'Mật ong hoa ban', 'HTX Ong mật Mộc Châu', ['Xã Mộc Châu', 'Huyện Mộc Châu', 'Sơn La']),
];
const index = buildCatalogueIndex(CATALOGUE);
const ids = (query: string) => searchCatalogue(index, query).map((hit) => hit.id);

describe('catalogue search', () => {
  it('ignores diacritics and case', () => {
    expect(ids('ruou tao meo bac yen')).toEqual(['ruou-tao-meo']);
    expect(ids('RƯỢU TÁO MÈO')).toEqual(['ruou-tao-meo']);
  });

  it('takes the words in any order', () => {
    expect(ids('bac yen ruou')).toEqual(['ruou-tao-meo']);
    expect(ids('meo tao')).toEqual(['ruou-tao-meo']);
  });

  it('meets syllables typed together or apart', () => {
    expect(ids('taomeo')).toEqual(['ruou-tao-meo']);
    expect(ids('ruou taomeo bacyen')).toEqual(['ruou-tao-meo']);
    expect(ids('moc chau')).toEqual(['mat-ong']);
    expect(ids('mocchau')).toEqual(['mat-ong']);
  });

  it('forgives a one-letter slip: a wrong, missing, extra or swapped letter', () => {
    expect(ids('ruou tso meo')).toEqual(['ruou-tao-meo']); // three letters: a wrong letter only
    expect(ids('ruou ta meo')).toEqual(['ruou-tao-meo']); // "ta" as the start of "tao"
    expect(ids('ruou xyz')).toEqual([]); // no syllable one wrong letter away from "xyz"
    expect(ids('ruuo tao meo')).toEqual(['ruou-tao-meo']); // swapped
    expect(ids('arabika')).toEqual(['ca-phe']); // wrong letter
    expect(ids('arabicca')).toEqual(['ca-phe']); // extra letter
    expect(ids('tuyet shann')).toEqual(['tra-shan']);
    expect(ids('chieng an ca phe')).toEqual(['ca-phe']);
  });

  it('finds by producer and by place, and ranks a product named so above one merely from there', () => {
    expect(ids('phuc sinh')).toEqual(['ca-phe']);
    const taXua = ids('ta xua');
    expect(taXua).toEqual(['tra-shan', 'ruou-tao-meo']);
    expect(ids('ruou')).toEqual(['ruou-tao-meo', 'ruou-ngo']);
  });

  it('matches the word being typed as a prefix', () => {
    expect(ids('mat on')).toEqual(['mat-ong']);
    expect(ids('arab')).toEqual(['ca-phe']);
  });

  it('needs every word: a word found nowhere leaves nothing', () => {
    expect(ids('ruou vodka')).toEqual([]);
    expect(ids('')).toEqual([]);
    expect(ids('   !!! ')).toEqual([]);
  });

  it('bounds the query: 10,000 characters read as at most 200 characters and 8 words', () => {
    const long = 'ruou tao meo '.repeat(800);
    expect(long.length).toBeGreaterThan(10_000);
    expect(queryWords(long).length).toBe(8);
    expect(ids(long)).toEqual(['ruou-tao-meo']);
    expect(queryWords('x'.repeat(10_000))).toEqual(['x'.repeat(200)]);
  });
});

describe('the index built in slices', () => {
  // Many documents sharing syllables, so postings, deletions and joined keys grow across slices.
  const words = ['ruou', 'tao', 'meo', 'che', 'shan', 'tuyet', 'mat', 'ong', 'ca', 'phe', 'bac', 'yen', 'moc', 'chau', 'x'];
  const many = Array.from({ length: 700 }, (_, i) =>
    product(
      `p${i}`,
      `${words[i % words.length]} ${words[(i * 7) % words.length]} số ${i}`,
      `HTX ${words[(i * 3) % words.length]} ${i % 13}`,
      [`Xã ${words[(i * 5) % words.length]}`, 'Sơn La'],
    ),
  );

  it.each([1, 7, 500, 700])('gives the one-block index in slices of %i', (slice) => {
    const builder = startCatalogueIndex();
    for (let i = 0; i < many.length; i += slice) builder.add(many.slice(i, i + slice));
    const sliced = builder.finish();
    expect(sliced).toEqual(buildCatalogueIndex(many));
    expect(searchCatalogue(sliced, 'ruou tso 12')).toEqual(searchCatalogue(buildCatalogueIndex(many), 'ruou tso 12'));
  });

  it('is spent once finished', () => {
    const builder = startCatalogueIndex();
    builder.add(CATALOGUE);
    expect(builder.finish().size).toBe(5);
    expect(() => builder.add(CATALOGUE)).toThrow();
    expect(() => builder.finish()).toThrow();
  });
});

describe('one edit apart', () => {
  it.each([
    ['tao', 'tao', true],
    ['tao', 'tso', true],
    ['tao', 'ta', true],
    ['ta', 'tao', true],
    ['ruou', 'ruuo', true],
    ['ruou', 'uoru', false],
    ['abcd', 'abdc', true],
    ['abcd', 'badc', false],
    ['abc', 'abcde', false],
  ])('%s ~ %s: %s', (a, b, expected) => {
    expect(withinOneEdit(a, b)).toBe(expected);
  });
});
