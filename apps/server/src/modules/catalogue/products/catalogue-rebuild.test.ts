import { catalogueQuery } from '@ocop/contracts/catalogue';
import { describe, expect, it } from 'vitest';
import type { CatalogueProduct, CatalogueSources } from '../catalogue-ports';
import { createCatalogueService } from './catalogue.service';

/** Words of real product names and Sơn La places, so the index holds many syllables, as at 20,000 products. */
const WORDS = [
  'Rượu',
  'táo',
  'mèo',
  'Chè',
  'Shan',
  'tuyết',
  'Mật',
  'ong',
  'hoa',
  'ban',
  'Cà',
  'phê',
  'Arabica',
  'Thịt',
  'trâu',
  'gác',
  'bếp',
];
const PLACES = ['Bắc Yên', 'Mộc Châu', 'Tà Xùa', 'Quỳnh Nhai', 'Mường Giàng', 'Chiềng An', 'Phù Yên', 'Sông Mã', 'Yên Châu'];
const pick = <T>(list: readonly T[], i: number) => list[i % list.length] as T;

function product(i: number): CatalogueProduct {
  const place = pick(PLACES, i * 7);
  return {
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    slug: `san-pham-${i}`,
    code: `14-${i}`,
    nameVi: `${pick(WORDS, i)} ${pick(WORDS, i * 3 + 1)} ${pick(WORDS, i * 5 + 2)} ${place} loại ${i}`,
    nameEn: i % 2 === 0 ? `Product ${i} of ${place}` : null,
    nameZh: null,
    producer: { id: `producer-${i % 7000}`, name: `HTX ${pick(WORDS, i * 11)} ${pick(PLACES, i)} số ${i % 7000}` },
    productSet: { code: `1.${i % 6}.1`, name: `Bộ ${i % 6}`, groupCode: String(1 + (i % 6)), groupName: `Nhóm ${1 + (i % 6)}` },
    provinceCode: '14',
    provinceName: 'Sơn La',
    communeCode: String(4000 + (i % 75)),
    communeName: `Xã ${place} ${i % 75}`,
    legacyDistrictCode: String(100 + (i % 12)),
    legacyDistrictName: `Huyện ${pick(PLACES, i + 3)}`,
    priceMin: 100_000,
    priceMax: null,
    seasons: [],
    primaryImage: null,
    stars: 3 + (i % 3),
    certificateNumber: `${i}/GCN`,
    certificateStatus: 'valid',
    validUntil: '2028-01-01',
    verificationUrl: `/c/${i}`,
  };
}

/** Sources in memory: `products` in pages of 500, a token the test sets, and counts of each read. */
function fakeSources(count: number) {
  const all = Array.from({ length: count }, (_, i) => product(i));
  const state = { token: 'day-1', reads: 0, tokenReads: 0, failNext: false };
  const sources: CatalogueSources = {
    certifiedProducts: async function* () {
      state.reads += 1;
      if (state.failNext) {
        state.failNext = false;
        throw new Error('database unavailable');
      }
      for (let i = 0; i < all.length; i += 500) yield all.slice(i, i + 500);
    },
    changeToken: async () => {
      state.tokenReads += 1;
      return state.token;
    },
    productTexts: async () => null,
    producerProfile: async () => null,
    primaryImageBytes: async () => null,
  };
  return { sources, state };
}

/**
 * CPU time of this thread (ms): on a shared machine other processes delay a timer at will, so a
 * stall is measured as the CPU time this thread spent between two turns of a 1 ms timer, which is
 * the time the event loop was held by this process's own work, whatever the machine's load.
 */
const threadCpuMs = () => {
  const usage = (process as { threadCpuUsage?: () => NodeJS.CpuUsage }).threadCpuUsage?.() ?? process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

/** The longest the event loop was held while `work` ran: in CPU time of this thread and in wall time (ms). */
async function longestStall(work: () => Promise<unknown>): Promise<{ cpu: number; wall: number }> {
  let last = { cpu: threadCpuMs(), wall: performance.now() };
  const longest = { cpu: 0, wall: 0 };
  const look = () => {
    const at = { cpu: threadCpuMs(), wall: performance.now() };
    longest.cpu = Math.max(longest.cpu, at.cpu - last.cpu);
    longest.wall = Math.max(longest.wall, at.wall - last.wall);
    last = at;
  };
  const probe = setInterval(look, 1);
  try {
    await work();
    look();
  } finally {
    clearInterval(probe);
  }
  return longest;
}

const everything = catalogueQuery.parse({});
const STALL_BUDGET_MS = 200;

describe('catalogue rebuild at 20,000 products', () => {
  it('keeps the event loop turning, where the one-block build holds it, with the same catalogue', { timeout: 120_000 }, async () => {
    const sliced = createCatalogueService({ sources: fakeSources(20_000).sources, refreshMs: 60_000 });
    const oneBlock = createCatalogueService({ sources: fakeSources(20_000).sources, refreshMs: 60_000, sliceMs: Number.POSITIVE_INFINITY });

    const slicedStall = await longestStall(() => sliced.search(everything));
    const oneBlockStall = await longestStall(() => oneBlock.search(everything));
    expect(slicedStall.cpu).toBeLessThan(STALL_BUDGET_MS);
    expect(oneBlockStall.cpu).toBeGreaterThan(STALL_BUDGET_MS);
    // In wall time too (load may stretch both): the one block holds the loop longer than the worst slice.
    expect(oneBlockStall.wall).toBeGreaterThan(slicedStall.wall);

    // The same answers: listing, searching (typos, joined syllables), filters, groups.
    for (const q of ['ruou tao meo bac yen', 'taomeo', 'ruuo tao meo', 'muong giang', 'htx mat ong 12', 'product 4242', 'xa moc chau 7']) {
      const query = catalogueQuery.parse({ q, pageSize: 50 });
      const [a, b] = [await sliced.search(query), await oneBlock.search(query)];
      expect(a.total).toBeGreaterThan(0);
      expect(a).toEqual(b);
    }
    expect(await sliced.search(catalogueQuery.parse({ place: 'moc chau', sort: 'stars' }))).toEqual(
      await oneBlock.search(catalogueQuery.parse({ place: 'moc chau', sort: 'stars' })),
    );
    expect((await sliced.search(everything)).total).toBe(20_000);
    expect(await sliced.groups()).toEqual(await oneBlock.groups());
    expect((await sliced.bySlug('san-pham-19999'))?.id).toBe(product(19_999).id);
  });
});

describe('catalogue rebuild on change', () => {
  it('keeps the snapshot while the token is the same, rebuilds when it changes or after invalidate', async () => {
    let clock = 0;
    const { sources, state } = fakeSources(50);
    const catalogue = createCatalogueService({ sources, refreshMs: 1_000, now: () => clock });

    expect((await catalogue.search(everything)).total).toBe(50);
    expect(state).toMatchObject({ reads: 1, tokenReads: 1 });

    // Time for a refresh, same token: one cheap question, no reading of the products.
    clock += 1_500;
    await catalogue.search(everything);
    await catalogue.search(everything);
    expect(state).toMatchObject({ reads: 1, tokenReads: 2 });
    // The snapshot's time was renewed: no question again before `refreshMs`.
    clock += 500;
    await catalogue.search(everything);
    expect(state.tokenReads).toBe(2);

    // Something changed (or a new day in Vietnam): rebuilt.
    state.token = 'day-2';
    clock += 1_500;
    await catalogue.search(everything);
    await catalogue.search(everything);
    expect(state).toMatchObject({ reads: 2, tokenReads: 3 });

    // A write in this process: rebuilt even if the token did not move.
    catalogue.invalidate();
    await catalogue.search(everything);
    expect(state).toMatchObject({ reads: 3, tokenReads: 4 });
    clock += 1_500;
    await catalogue.search(everything);
    await catalogue.search(everything);
    expect(state).toMatchObject({ reads: 3, tokenReads: 5 });

    // A forced rebuild that fails stays forced: the next reader gets a rebuild, not the old snapshot.
    catalogue.invalidate();
    state.failNext = true;
    await expect(catalogue.search(everything)).rejects.toThrow('database unavailable');
    expect((await catalogue.search(everything)).total).toBe(50);
    expect(state).toMatchObject({ reads: 5, tokenReads: 7 });
  });
});
