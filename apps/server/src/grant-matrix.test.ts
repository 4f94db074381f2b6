import { type Capability, can, type CapabilityTarget, ROLES, type Role, type RoleGrant } from '@ocop/domain/shared';
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SYSTEM_CONTEXT } from './modules/identity';
import { givenProducer, givenProduct, producerBody } from './test-support/registry-builders';
import { CHIENG_AN, type Client, HANOI, SON_LA, startTestApp, type TestApp } from './test-support/test-app';

const TA_XUA = '03868'; // Xã Tà Xùa, Sơn La (the default of producerBody)
const BA_DINH = '00004'; // Phường Ba Đình, Hà Nội

/**
 * The SQL scope filters of the list queries, proved equal to the capability table: for every
 * role in own and other provinces, communes and producers (and a few mixed actors), the rows a
 * list returns from a real database are exactly the rows `can(grants, capability, row)` allows.
 */
describe('grant matrix: SQL scope filters equal the capability table', () => {
  let t: TestApp;
  type Place = { id: string; provinceCode: string; communeCode: string | null };
  const producers: Place[] = [];
  const products = new Map<string, Place>(); // product id → its producer's place
  const lots = new Map<string, Place>(); // lot id → its producer's place
  const salesPoints = new Map<string, Place>(); // sales point id → its own place

  beforeAll(async () => {
    t = await startTestApp();
    const admin = await t.as({ role: 'system_admin' });
    const places: [string, string][] = [
      [SON_LA, CHIENG_AN],
      [SON_LA, CHIENG_AN],
      [SON_LA, TA_XUA],
      [HANOI, BA_DINH],
    ];
    for (const [provinceCode, communeCode] of places) {
      const body = producerBody({ provinceCode, communeCode, legacyCommuneCode: provinceCode === SON_LA ? TA_XUA : null });
      const producer = await givenProducer(admin as Client, body);
      producers.push({ id: producer.id, provinceCode, communeCode });
      const product = await givenProduct(t, admin, producer.id);
      products.set(product.id, { id: producer.id, provinceCode, communeCode });
      const lot = await t.modules.traceability.lots.createLot(
        {
          userId: admin.session.userId,
          grants: [{ role: 'system_admin', provinceCode: null, communeCode: null, producerId: null, salesPointId: null }],
        },
        { productId: product.id, lotCode: 'L1', producedOn: '2026-01-10', quantity: 5, unit: 'box' },
        SYSTEM_CONTEXT,
      );
      lots.set(lot.id, { id: producer.id, provinceCode, communeCode });
      const point = await t.modules.catalogue.salesPoints.createPoint(
        {
          userId: admin.session.userId,
          grants: [{ role: 'system_admin', provinceCode: null, communeCode: null, producerId: null, salesPointId: null }],
        },
        {
          provinceCode,
          name: `Điểm bán ${communeCode}`,
          kind: 'online_store',
          communeCode,
          // Ba Đình joined parts of several former districts: the point names one of them.
          legacyDistrictCode: (await t.modules.geography.adminUnits.predecessorsOf(communeCode))[0]?.oldUnit.parentCode ?? null,
          websiteUrl: 'https://shop.example.vn',
        },
        SYSTEM_CONTEXT,
      );
      salesPoints.set(point.row.id, { id: point.row.id, provinceCode, communeCode });
    }
    // Users (and so audit entries) in both provinces, plus the system admin above (no province).
    await t.givenUser({ role: 'province_officer' });
    await t.givenUser({ role: 'commune_officer', provinceCode: HANOI, communeCode: BA_DINH });
    await t.givenUser({ role: 'province_admin', provinceCode: HANOI });
  });
  afterAll(() => t.close());

  function actors(): { name: string; grants: RoleGrant[] }[] {
    const [chiengAnProducer, , taXuaProducer, hanoiProducer] = producers as [Place, Place, Place, Place];
    const grant = (role: Role, scope: Partial<RoleGrant>): RoleGrant => ({
      role,
      provinceCode: null,
      communeCode: null,
      producerId: null,
      salesPointId: null,
      ...scope,
    });
    const single: RoleGrant[] = [];
    for (const role of ROLES) {
      switch (role) {
        case 'system_admin':
          single.push(grant(role, {}));
          break;
        case 'province_admin':
        case 'province_officer':
        case 'council_member':
          single.push(grant(role, { provinceCode: SON_LA }), grant(role, { provinceCode: HANOI }));
          break;
        case 'commune_officer':
          single.push(
            grant(role, { provinceCode: SON_LA, communeCode: CHIENG_AN }),
            grant(role, { provinceCode: SON_LA, communeCode: TA_XUA }),
            grant(role, { provinceCode: HANOI, communeCode: BA_DINH }),
            // The same commune code under another province reaches nothing of Sơn La.
            grant(role, { provinceCode: HANOI, communeCode: CHIENG_AN }),
          );
          break;
        case 'producer_member':
          for (const producer of [chiengAnProducer, taXuaProducer, hanoiProducer]) {
            single.push(grant(role, { provinceCode: producer.provinceCode, producerId: producer.id }));
          }
          single.push(grant(role, { provinceCode: SON_LA, producerId: randomUUID() }));
          break;
        case 'sales_point_operator':
          single.push(grant(role, { provinceCode: SON_LA, salesPointId: randomUUID() }));
          for (const [id, place] of [...salesPoints].slice(0, 1))
            single.push(grant(role, { provinceCode: place.provinceCode, salesPointId: id }));
          break;
      }
    }
    const named = single.map((g) => ({ name: `${g.role} ${g.provinceCode ?? ''}/${g.communeCode ?? g.producerId ?? ''}`, grants: [g] }));
    const mixed = [
      [grant('council_member', { provinceCode: HANOI }), grant('producer_member', { provinceCode: SON_LA, producerId: taXuaProducer.id })],
      [
        grant('commune_officer', { provinceCode: SON_LA, communeCode: CHIENG_AN }),
        grant('commune_officer', { provinceCode: SON_LA, communeCode: TA_XUA }),
      ],
      [grant('province_admin', { provinceCode: HANOI }), grant('province_officer', { provinceCode: SON_LA })],
      [
        grant('sales_point_operator', { provinceCode: SON_LA, salesPointId: randomUUID() }),
        grant('province_admin', { provinceCode: SON_LA }),
      ],
    ].map((grants) => ({ name: grants.map((g) => `${g.role} ${g.provinceCode}`).join(' + '), grants }));
    return [...named, ...mixed, { name: 'no grants', grants: [] }];
  }

  /** The ids among `rows` that the capability table lets the grants reach, sorted. */
  function allowedIds(grants: RoleGrant[], capability: Capability, rows: Iterable<[string, CapabilityTarget]>): string[] {
    const all = [...rows];
    const allowed = all
      .filter(([, target]) => can(grants, capability, target))
      .map(([id]) => id)
      .sort();
    seen.add(allowed.length === 0 ? 'none' : allowed.length === all.length ? 'all' : 'some');
    return allowed;
  }
  // Each list must meet actors who see nothing, some and everything, or the matrix proves little.
  let seen = new Set<string>();
  beforeEach(() => {
    seen = new Set();
  });
  afterEach(() => {
    expect([...seen].sort()).toEqual(['all', 'none', 'some']);
  });

  it('producers: the list returns exactly the producers `producers.read` reaches', async () => {
    for (const actor of actors()) {
      const listed = await t.modules.registry.producers.listProducers({ grants: actor.grants }, { page: 1, pageSize: 200 });
      const expected = allowedIds(
        actor.grants,
        'producers.read',
        producers.map((p) => [p.id, { producerId: p.id, provinceCode: p.provinceCode, communeCode: p.communeCode }]),
      );
      expect(listed.items.map((row) => row.id).sort(), actor.name).toEqual(expected);
    }
  });

  it('products: the list returns exactly the products whose producer `producers.read` reaches', async () => {
    for (const actor of actors()) {
      const listed = await t.modules.registry.products.listProducts({ grants: actor.grants }, { page: 1, pageSize: 200 });
      const expected = allowedIds(
        actor.grants,
        'producers.read',
        [...products].map(([id, p]) => [id, { producerId: p.id, provinceCode: p.provinceCode, communeCode: p.communeCode }]),
      );
      expect(listed.items.map((row) => row.id).sort(), actor.name).toEqual(expected);
    }
  });

  it('lots: the list returns exactly the lots `lots.read` reaches (by their producer’s place)', async () => {
    for (const actor of actors()) {
      const listed = await t.modules.traceability.lots.listLots({ userId: 'reader', grants: actor.grants }, { page: 1, pageSize: 200 });
      const expected = allowedIds(
        actor.grants,
        'lots.read',
        [...lots].map(([id, p]) => [id, { producerId: p.id, provinceCode: p.provinceCode, communeCode: p.communeCode }]),
      );
      expect(listed.items.map((row) => row.id).sort(), actor.name).toEqual(expected);
    }
  });

  it('sales points: the list returns exactly the points `sales_points.read` reaches (by their commune, or the operator’s own)', async () => {
    for (const actor of actors()) {
      const listed = await t.modules.catalogue.salesPoints.listPoints(
        { userId: 'reader', grants: actor.grants },
        { page: 1, pageSize: 200 },
      );
      const expected = allowedIds(
        actor.grants,
        'sales_points.read',
        [...salesPoints].map(([id, p]) => [id, { salesPointId: id, provinceCode: p.provinceCode, communeCode: p.communeCode }]),
      );
      expect(listed.items.map((item) => item.row.id).sort(), actor.name).toEqual(expected);
    }
  });

  it('news and legal texts: the list returns exactly the items `content.manage` reaches (by their province)', async () => {
    const system = {
      userId: null,
      grants: [{ role: 'system_admin' as const, provinceCode: null, communeCode: null, producerId: null, salesPointId: null }],
    };
    const items = new Map<string, CapabilityTarget>();
    for (const provinceCode of [SON_LA, SON_LA, HANOI]) {
      const { item } = await t.modules.content.content.create(
        system,
        { kind: 'news', title: `Tin ${provinceCode}`, bodyHtml: '<p>x</p>', provinceCode },
        SYSTEM_CONTEXT,
      );
      items.set(item.id, { provinceCode });
    }
    for (const actor of actors()) {
      const listed = await t.modules.content.content.list({ userId: null, grants: actor.grants }, { page: 1, pageSize: 100 });
      expect(listed.rows.map((row) => row.id).sort(), actor.name).toEqual(allowedIds(actor.grants, 'content.manage', items));
    }
  });

  it('users: the list returns exactly the users `users.manage` reaches (by their province)', async () => {
    const all = await t.modules.identity.users.list(
      [{ role: 'system_admin', provinceCode: null, communeCode: null, producerId: null, salesPointId: null }],
      {
        page: 1,
        pageSize: 200,
      },
    );
    expect(new Set(all.items.map((user) => user.provinceCode))).toEqual(new Set([null, SON_LA, HANOI]));
    for (const actor of actors()) {
      const listed = await t.modules.identity.users.list(actor.grants, { page: 1, pageSize: 200 });
      const expected = allowedIds(
        actor.grants,
        'users.manage',
        all.items.map((user) => [user.id, { provinceCode: user.provinceCode }]),
      );
      expect(listed.items.map((user) => user.id).sort(), actor.name).toEqual(expected);
    }
  });

  it('audit log: the list returns exactly the entries `audit.read` reaches (by their province)', async () => {
    const systemAdmin: RoleGrant[] = [
      { role: 'system_admin', provinceCode: null, communeCode: null, producerId: null, salesPointId: null },
    ];
    const all = await t.modules.identity.audit.list(systemAdmin, { page: 1, pageSize: 200 });
    expect(all.total).toBeLessThanOrEqual(200);
    expect(new Set(all.items.map((entry) => entry.provinceCode))).toEqual(new Set([null, SON_LA, HANOI]));
    for (const actor of actors()) {
      const listed = await t.modules.identity.audit.list(actor.grants, { page: 1, pageSize: 200 });
      const expected = allowedIds(
        actor.grants,
        'audit.read',
        all.items.map((entry) => [entry.id.toString(), { provinceCode: entry.provinceCode }]),
      );
      expect(listed.items.map((entry) => entry.id.toString()).sort(), actor.name).toEqual(expected);
    }
  });
});
