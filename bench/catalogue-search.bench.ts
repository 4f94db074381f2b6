import { buildCatalogueIndex, type SearchDocument, searchCatalogue } from '@ocop/domain/catalogue';
import { foldVietnamese } from '@ocop/domain/shared';

/** Names, producers and places of the kind Sơn La's catalogue holds, combined into many products. */
const KINDS = [
  'Rượu táo mèo',
  'Chè Shan tuyết',
  'Cà phê Arabica',
  'Mật ong hoa ban',
  'Thịt trâu gác bếp',
  'Măng rừng sấy',
  'Gạo nếp tan',
  'Xoài tròn',
  'Mận hậu',
  'Sữa chua Mộc Châu',
  'Miến dong',
  'Nấm hương rừng',
  'Chẩm chéo',
  'Lạp xưởng',
  'Bánh chưng đen',
];
const PLACES = [
  'Bắc Yên',
  'Tà Xùa',
  'Mộc Châu',
  'Vân Hồ',
  'Yên Châu',
  'Mai Sơn',
  'Thuận Châu',
  'Quỳnh Nhai',
  'Mường La',
  'Sông Mã',
  'Sốp Cộp',
  'Phù Yên',
  'Chiềng An',
  'Chiềng Cơi',
  'Mường Giàng',
  'Tô Múa',
  'Long Sập',
  'Chiềng Sơn',
];
const PRODUCERS = ['HTX Nông nghiệp', 'HTX Dịch vụ', 'Công ty TNHH', 'Hộ kinh doanh', 'Tổ hợp tác'];
const FAMILY = ['Lò Văn', 'Cầm Thị', 'Quàng Văn', 'Hà Thị', 'Vì Văn', 'Giàng A', 'Sồng A', 'Lường Văn'];
const GIVEN = ['Ánh', 'Bình', 'Cường', 'Dũng', 'Hoa', 'Lan', 'Minh', 'Nam', 'Phong', 'Thắm', 'Tuấn', 'Xuân'];

export function syntheticCatalogue(size: number): SearchDocument[] {
  const pick = <T>(list: readonly T[], n: number) => list[n % list.length] as T;
  return Array.from({ length: size }, (_, i) => {
    const place = pick(PLACES, i * 7 + 3);
    const commune = pick(PLACES, i * 11 + 5);
    return {
      id: `p${i}`,
      fields: [
        { text: `${pick(KINDS, i)} ${place} ${i % 97}`, weight: 3 },
        { text: `${pick(PRODUCERS, i * 3)} ${pick(FAMILY, i * 5)} ${pick(GIVEN, i * 13)} ${commune}`, weight: 2 },
        { text: `Xã ${commune}`, weight: 1 },
        { text: `Huyện ${place}`, weight: 1 },
        { text: 'Tỉnh Sơn La', weight: 1 },
      ],
    };
  });
}

const QUERIES = [
  'ruou tao meo bac yen',
  'taomeo',
  'bac yen ruou',
  'ruuo tao meo',
  'che shan tuyet ta xua',
  'mat ong moc chau',
  'ca phe',
  'giang a',
  'xoai tron yen chau',
  'sua chua',
];

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

/** Search at 20,000 products: the index against folding and scanning every product's text (each with every word) in the same run. */
export async function benchCatalogueSearch(size = 20_000, rounds = 20): Promise<string[]> {
  const documents = syntheticCatalogue(size);
  const heapBefore = process.memoryUsage().heapUsed;
  const built = performance.now();
  const index = buildCatalogueIndex(documents);
  const buildMs = performance.now() - built;
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  const folded = documents.map((document) => foldVietnamese(document.fields.map((field) => field.text).join(' ')));
  const indexTimes: number[] = [];
  const scanTimes: number[] = [];
  let hits = 0;
  for (let round = 0; round < rounds; round++) {
    for (const query of QUERIES) {
      let started = performance.now();
      hits += searchCatalogue(index, query).length;
      indexTimes.push(performance.now() - started);
      started = performance.now();
      const words = foldVietnamese(query).split(' ');
      folded.filter((text) => words.every((word) => text.includes(word)));
      scanTimes.push(performance.now() - started);
    }
  }
  indexTimes.sort((a, b) => a - b);
  scanTimes.sort((a, b) => a - b);
  const f = (n: number) => n.toFixed(2);
  return [
    `index of ${size.toLocaleString('en')} products: built in ${Math.round(buildMs)} ms, ≈ ${Math.round(heapMb)} MB of heap`,
    `search (typos, joined syllables, any order; ${QUERIES.length} queries × ${rounds}): p50 ${f(percentile(indexTimes, 0.5))} ms / p95 ${f(percentile(indexTimes, 0.95))} ms ` +
      `(${Math.round(hits / indexTimes.length)} hits a query on average)`,
    `baseline, exact substrings only, scanning every folded text: p50 ${f(percentile(scanTimes, 0.5))} ms / p95 ${f(percentile(scanTimes, 0.95))} ms` +
      ` → the index at ${f(percentile(indexTimes, 0.5) / percentile(scanTimes, 0.5))}× the scan's p50`,
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) for (const line of await benchCatalogueSearch()) console.log(`- ${line}`);
