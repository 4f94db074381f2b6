import { describe, expect, it } from 'vitest';
import { boundsOf, positionOnGrid, sketchProjection, tileCoordinates, tileGridFor, tileUrl } from './map-geometry';
import { isInsideVietnam, legacyDistrictOf, salesPointCoverage, salesPointPlaceProblem } from './sales-points';

const SON_LA_TOWN = { lat: 21.3256, lon: 103.9188 };
const MOC_CHAU = { lat: 20.8493, lon: 104.6372 };

describe('a sales point’s place', () => {
  it.each([
    ['a showcase shop in Sơn La', { kind: 'showcase', location: SON_LA_TOWN, websiteUrl: null }, null],
    ['a fair booth without a location', { kind: 'fair_booth', location: null, websiteUrl: null }, 'location_required'],
    ['latitude and longitude swapped', { kind: 'showcase', location: { lat: 103.9, lon: 21.3 }, websiteUrl: null }, 'location_outside'],
    ['an online store with its address', { kind: 'online_store', location: null, websiteUrl: 'https://shop.example.vn' }, null],
    ['an online store without one', { kind: 'online_store', location: null, websiteUrl: null }, 'website_required'],
  ] as const)('%s → %s', (_name, point, problem) => {
    expect(salesPointPlaceProblem(point)).toBe(problem);
  });

  it('keeps Vietnam’s islands inside and NaN outside', () => {
    expect(isInsideVietnam({ lat: 8.65, lon: 111.92 })).toBe(true); // Trường Sa
    expect(isInsideVietnam({ lat: Number.NaN, lon: 105 })).toBe(false);
    expect(isInsideVietnam({ lat: 48.85, lon: 2.35 })).toBe(false);
  });
});

describe('coverage of the province by its points', () => {
  const districts = [
    { code: '116', name: 'Thành phố Sơn La' },
    { code: '123', name: 'Thị xã Mộc Châu' },
    { code: '121', name: 'Huyện Bắc Yên' },
  ];
  const communes = [
    { code: '03646', name: 'Phường Tô Hiệu' },
    { code: '03979', name: 'Phường Mộc Châu' },
    { code: '03868', name: 'Xã Tà Xùa' },
  ];

  it('counts open points people can walk into, by former district and by new commune', () => {
    const coverage = salesPointCoverage({
      districts,
      communes,
      points: [
        { kind: 'showcase', status: 'active', communeCode: '03646', legacyDistrictCode: '116' },
        { kind: 'post_office', status: 'active', communeCode: '03646', legacyDistrictCode: '116' },
        { kind: 'fair_booth', status: 'closed', communeCode: '03868', legacyDistrictCode: '121' },
        { kind: 'online_store', status: 'active', communeCode: '03979', legacyDistrictCode: '123' },
      ],
    });
    expect(coverage.districts).toEqual([
      { code: '116', name: 'Thành phố Sơn La', points: 2 },
      { code: '123', name: 'Thị xã Mộc Châu', points: 0 },
      { code: '121', name: 'Huyện Bắc Yên', points: 0 },
    ]);
    expect(coverage.communes.map((row) => row.points)).toEqual([2, 0, 0]);
    expect(coverage).toMatchObject({ districtsCovered: 1, communesCovered: 1, onlineStores: 1 });
  });

  it('is empty, not wrong, with no point at all', () => {
    expect(salesPointCoverage({ districts, communes, points: [] })).toMatchObject({
      districtsCovered: 0,
      communesCovered: 0,
      onlineStores: 0,
    });
  });
});

describe('the former district of a point', () => {
  it.each([
    ['one candidate, nothing chosen', ['121'], null, '121'],
    ['the same district twice', ['121', '121'], undefined, '121'],
    ['several candidates, one chosen among them', ['121', '119'], '119', '119'],
    ['several candidates, nothing chosen', ['121', '119'], null, undefined],
    ['a choice that is not a candidate', ['121'], '116', undefined],
    ['no mapping known', [], null, null],
  ] as const)('%s', (_name, candidates, chosen, expected) => {
    expect(legacyDistrictOf(candidates, chosen)).toBe(expected);
  });
});

describe('map geometry', () => {
  it('draws north up and keeps a province’s shape (longitude scaled by the latitude’s cosine)', () => {
    const bounds = { minLat: 20.5, maxLat: 22.1, minLon: 103.1, maxLon: 105.1 };
    const sketch = sketchProjection(bounds, 600);
    // 2° of longitude at 21.3°N are 1.86° of latitude wide: the drawing is a little wider than tall.
    expect(sketch.height).toBe(515);
    const town = sketch.project(SON_LA_TOWN);
    const mocChau = sketch.project(MOC_CHAU);
    expect(mocChau.x).toBeGreaterThan(town.x);
    expect(mocChau.y).toBeGreaterThan(town.y);
    expect(sketch.project({ lat: 22.1, lon: 103.1 })).toEqual({ x: 0, y: 0 });
  });

  it('boxes the points with a margin, and nothing for no point', () => {
    const box = boundsOf([SON_LA_TOWN, MOC_CHAU], 0.1);
    expect(box?.minLat).toBeCloseTo(20.7493, 6);
    expect(box?.maxLat).toBeCloseTo(21.4256, 6);
    expect(box?.minLon).toBeCloseTo(103.8188, 6);
    expect(box?.maxLon).toBeCloseTo(104.7372, 6);
    expect(boundsOf([])).toBeNull();
  });

  it('finds the OpenStreetMap tile of a place (the slippy-map formula)', () => {
    // Hà Nội's Hoàn Kiếm lake at zoom 10: x = (105.8542 + 180) / 360 × 1024 = 813.1, y = 450.4.
    const { x, y } = tileCoordinates({ lat: 21.0285, lon: 105.8542 }, 10);
    expect([Math.floor(x), Math.floor(y)]).toEqual([813, 450]);
  });

  it('picks the most detailed grid that fits, and places the points on it', () => {
    const bounds = { minLat: 20.6, maxLat: 22.05, minLon: 103.15, maxLon: 105.05 };
    const grid = tileGridFor(bounds, 4, 3);
    expect(grid.xMax - grid.xMin + 1).toBeLessThanOrEqual(4);
    expect(grid.yMax - grid.yMin + 1).toBeLessThanOrEqual(3);
    // One more zoom would not fit.
    const finer = tileGridFor(bounds, 4, 3, grid.zoom + 1);
    expect(finer.zoom).toBe(grid.zoom);
    const town = positionOnGrid(grid, SON_LA_TOWN);
    expect(town.left).toBeGreaterThan(0);
    expect(town.left).toBeLessThan(100);
    expect(town.top).toBeGreaterThan(0);
    expect(town.top).toBeLessThan(100);
    expect(tileUrl('https://tiles.example/{z}/{x}/{y}.png', 8, 204, 112)).toBe('https://tiles.example/8/204/112.png');
  });
});
