import { formatProductCode, gs1CheckDigit, PRODUCER_TYPES, type ProducerType, type ProductStatus, slugify } from '@ocop/domain/registry';
import { foldVietnamese } from '@ocop/domain/shared';
import { eq, sql } from 'drizzle-orm';
import { randomInt, randomUUID } from 'node:crypto';
import { type Database, queryRows } from '../platform/database/database';
import { productSets } from '../modules/registry/classification/classification.tables';
import { type ProducerInsert, producers } from '../modules/registry/producers/producer.tables';
import { productSearchText } from '../modules/registry/producers/producer.service';
import { productCodeSequences, productGtins, type ProductInsert, products } from '../modules/registry/products/product.tables';

/**
 * Synthetic registry data for benchmarks: `products` products spread over `producers` producers
 * in the communes of one province, with Vietnamese names built from real product words and
 * place names, so that diacritic-free searches hit a realistic share of rows. Inserted with
 * batched INSERTs in one transaction (seconds for 20,000 products), bypassing the services'
 * per-row checks; the values are valid all the same. The province must already be served.
 * Not for production data: every row is flagged `is_demo`.
 */
export async function insertRegistryBenchData(
  db: Database,
  options: { products: number; producers?: number; provinceCode?: string; year?: number; seed?: number },
): Promise<{ producers: number; products: number; gtins: number; ms: number }> {
  const started = performance.now();
  const provinceCode = options.provinceCode ?? '14';
  const producerCount = options.producers ?? Math.max(1, Math.ceil(options.products / 2));
  const year = options.year ?? 2025;
  const random = seededRandom(options.seed ?? 20_000);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

  const communes = (
    await queryRows<{ code: string; name: string }>(
      db,
      sql`select code, name from admin_units where snapshot = (select max(snapshot) from admin_units) and province_code = ${provinceCode} and level = 'commune' order by code`,
    )
  ).map((row) => ({ code: row.code, place: row.name.replace(/^(Xã|Phường|Đặc khu)\s+/, '') }));
  if (communes.length === 0) throw new Error(`no communes for province ${provinceCode}`);
  const sets = await db
    .select({ id: productSets.id, code: productSets.code })
    .from(productSets)
    .where(eq(productSets.versionCode, 'qd148-2023'));
  const setByCode = new Map(sets.map((set) => [set.code, set.id]));

  // A run tag keeps registration numbers, codes, slugs and GTINs unique when the bench loads twice.
  let run = String(randomInt(100, 1000));
  for (let tries = 0; tries < 50; tries++) {
    const [used] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from producers where registration_number like ${`9${run}%`}`,
    );
    if (Number(used?.n ?? 0) === 0) break;
    run = String(randomInt(100, 1000));
  }
  const now = new Date();

  const producerRows: (ProducerInsert & { id: string; name: string; communeCode: string })[] = [];
  for (let i = 0; i < producerCount; i++) {
    const commune = pick(communes);
    const type: ProducerType = pick(PRODUCER_TYPES);
    const name = `${TYPE_WORDS[type]} ${pick(PRODUCER_WORDS)} ${commune.place} ${i + 1}`;
    const registrationNumber = `9${run}${String(i).padStart(6, '0')}`;
    producerRows.push({
      id: randomUUID(),
      provinceCode,
      type,
      legalForm: type === 'enterprise' ? 'llc_single_member' : null,
      name,
      registrationNumber,
      communeCode: commune.code,
      address: `Bản ${pick(PLACE_WORDS)}, ${commune.place}`,
      status: 'active',
      foundingYear: 1995 + Math.floor(random() * 30),
      memberCount: Math.floor(random() * 60),
      nameFolded: foldVietnamese(name),
      searchFolded: foldVietnamese(`${name} ${registrationNumber}`),
      isDemo: true,
      createdAt: now,
      updatedAt: now,
    });
  }

  const sequences = new Map<string, number>();
  const productRows: ProductInsert[] = [];
  const gtinRows: (typeof productGtins.$inferInsert)[] = [];
  for (let i = 0; i < options.products; i++) {
    const producer = producerRows[i % producerRows.length] as (typeof producerRows)[number];
    const kind = pick(PRODUCT_KINDS);
    const nameVi = `${kind.name} ${pick(kind.qualifiers)} ${pick(PLACE_WORDS)}`;
    const sequence = (sequences.get(producer.communeCode) ?? 0) + 1;
    sequences.set(producer.communeCode, sequence);
    const code = formatProductCode({
      provinceCode,
      communeCode: producer.communeCode,
      sequence: Number(`${run}${String(sequence).padStart(4, '0')}`),
      year,
    });
    const id = randomUUID();
    const price = 20_000 + Math.floor(random() * 100) * 5_000;
    const status: ProductStatus = pick(['on_sale', 'on_sale', 'on_sale', 'in_development', 'idea', 'withdrawn'] as const);
    productRows.push({
      id,
      provinceCode,
      producerId: producer.id,
      productSetId: setByCode.get(kind.set) ?? (sets[0]?.id as string),
      code,
      slug: `${slugify(nameVi)}-${run}-${i + 1}`,
      nameVi,
      description: `${kind.name} ${pick(kind.qualifiers)} (dữ liệu thử tải)`,
      netQuantity: pick(['100 g', '200 g', '500 g', '1 kg', '500 ml']),
      priceMin: price,
      priceMax: price + 50_000,
      status,
      nameFolded: foldVietnamese(nameVi),
      searchFolded: productSearchText({ nameVi, nameEn: null, code }, producer),
      isDemo: true,
      createdAt: now,
      updatedAt: now,
    });
    if (random() < 0.3) {
      const body = `893${run}${String(i).padStart(6, '0')}`;
      gtinRows.push({ gtin: `0${body}${gs1CheckDigit(body)}`, productId: id, position: 0, createdAt: now });
    }
  }

  await db.transaction(async (tx) => {
    for (const chunk of chunks(producerRows, 1000)) await tx.insert(producers).values(chunk);
    for (const chunk of chunks(productRows, 1000)) await tx.insert(products).values(chunk);
    for (const chunk of chunks(gtinRows, 2000)) await tx.insert(productGtins).values(chunk).onConflictDoNothing();
    for (const [communeCode, last] of sequences) {
      const lastValue = Number(`${run}${String(last).padStart(4, '0')}`);
      await tx
        .insert(productCodeSequences)
        .values({ provinceCode, communeCode, year, lastValue })
        .onConflictDoUpdate({
          target: [productCodeSequences.provinceCode, productCodeSequences.communeCode, productCodeSequences.year],
          set: { lastValue: sql`greatest(${productCodeSequences.lastValue}, ${lastValue})` },
        });
    }
  });
  // Fresh statistics, so the planner sees the real table sizes straight away.
  await queryRows(db, sql`analyze producers, products, product_gtins`);
  return {
    producers: producerRows.length,
    products: productRows.length,
    gtins: gtinRows.length,
    ms: Math.round(performance.now() - started),
  };
}

const TYPE_WORDS: Record<ProducerType, string> = {
  enterprise: 'Công ty TNHH',
  cooperative: 'Hợp tác xã',
  cooperative_group: 'Tổ hợp tác',
  household_business: 'Hộ kinh doanh',
};

const PRODUCER_WORDS = [
  'Nông nghiệp',
  'Chè',
  'Cà phê',
  'Ong mật',
  'Dược liệu',
  'Thổ cẩm',
  'Nông sản sạch',
  'Du lịch cộng đồng',
  'Chế biến nông sản',
  'Rau an toàn',
];

const PLACE_WORDS = [
  'Tà Xùa',
  'Mộc Châu',
  'Hua La',
  'Phiêng Khoài',
  'Chiềng Sơn',
  'Mường La',
  'Vân Hồ',
  'Yên Châu',
  'Sông Mã',
  'Bắc Yên',
  'Ngọc Chiến',
  'Hát Lót',
  'Thuận Châu',
];

const PRODUCT_KINDS: readonly { name: string; set: string; qualifiers: readonly string[] }[] = [
  { name: 'Chè Shan tuyết', set: '1.5.1', qualifiers: ['cổ thụ', 'đặc biệt', 'búp', 'hảo hạng'] },
  { name: 'Trà xanh', set: '1.5.1', qualifiers: ['sao suốt', 'hữu cơ', 'túi lọc'] },
  { name: 'Hồng trà', set: '1.5.1', qualifiers: ['lên men', 'thượng hạng'] },
  { name: 'Trà hoa', set: '1.5.2', qualifiers: ['atiso', 'cúc', 'giảo cổ lam'] },
  { name: 'Cà phê bột', set: '1.6.1', qualifiers: ['nguyên chất', 'Arabica', 'rang mộc'] },
  { name: 'Cà phê hạt', set: '1.6.1', qualifiers: ['rang xay', 'Arabica', 'honey'] },
  { name: 'Mật ong', set: '1.2.2', qualifiers: ['hoa ban', 'rừng', 'hoa cà phê', 'bạc hà'] },
  { name: 'Xoài', set: '1.1.1', qualifiers: ['tròn', 'chín cây', 'VietGAP'] },
  { name: 'Xoài sấy', set: '1.3.3', qualifiers: ['dẻo', 'giòn'] },
  { name: 'Mận hậu', set: '1.1.1', qualifiers: ['tươi', 'VietGAP'] },
  { name: 'Nhãn', set: '1.1.1', qualifiers: ['chín sớm', 'muộn'] },
  { name: 'Long nhãn', set: '1.3.3', qualifiers: ['sấy khô', 'sấy dẻo'] },
  { name: 'Gạo nếp', set: '1.2.1', qualifiers: ['tan', 'cẩm', 'nương'] },
  { name: 'Tỏi đen', set: '1.3.3', qualifiers: ['cô đơn', 'nhiều tép'] },
  { name: 'Thịt trâu gác bếp', set: '1.3.4', qualifiers: ['hun khói', 'tẩm mắc khén'] },
  { name: 'Rượu', set: '2.1.1', qualifiers: ['ngô men lá', 'thóc', 'táo mèo'] },
  { name: 'Cao', set: '3.1.1', qualifiers: ['sâm', 'xương khớp', 'gan'] },
  { name: 'Tinh dầu', set: '3.3.1', qualifiers: ['sả chanh', 'quế', 'bạc hà'] },
  { name: 'Khăn piêu', set: '4.2.1', qualifiers: ['thêu tay', 'thổ cẩm'] },
  { name: 'Túi thổ cẩm', set: '4.1.1', qualifiers: ['Thái', 'Mông'] },
  { name: 'Du lịch cộng đồng bản', set: '6.1.1', qualifiers: ['homestay', 'suối khoáng', 'văn hóa'] },
];

function* chunks<T>(items: T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

/** mulberry32: a small deterministic generator, so two bench runs load the same words. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
