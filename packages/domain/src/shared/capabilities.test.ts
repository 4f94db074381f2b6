import { describe, expect, it } from 'vitest';
import { CAPABILITY_NAMES, type Capability, can, capabilitiesOf, reachOf, rolesWith, scopeOf } from './capabilities';
import { ROLES, ROLE_SCOPE, type Role, type RoleGrant } from './roles';

const g = (role: Role, extra: Partial<RoleGrant> = {}): RoleGrant => ({
  role,
  provinceCode: role === 'system_admin' ? null : '14',
  communeCode: role === 'commune_officer' ? '03664' : null,
  producerId: role === 'producer_member' ? 'p1' : null,
  salesPointId: role === 'sales_point_operator' ? 's1' : null,
  ...extra,
});

const here = { provinceCode: '14', communeCode: '03664', producerId: 'p1' };

describe('capability table', () => {
  it.each<[Capability, Role[]]>([
    ['users.manage', ['system_admin', 'province_admin']],
    ['audit.read', ['system_admin', 'province_admin']],
    ['classification.manage', ['system_admin']],
    ['producers.read', ['system_admin', 'province_admin', 'province_officer', 'commune_officer', 'council_member', 'producer_member']],
    ['producers.create', ['system_admin', 'province_admin', 'province_officer', 'commune_officer']],
    ['producers.write', ['system_admin', 'province_admin', 'province_officer', 'commune_officer', 'producer_member']],
    ['producers.edit_identity', ['system_admin', 'province_admin', 'province_officer', 'commune_officer']],
    ['producers.change_status', ['system_admin', 'province_admin', 'province_officer']],
    ['products.write', ['system_admin', 'province_admin', 'province_officer', 'commune_officer', 'producer_member']],
    ['products.enter_code', ['system_admin', 'province_admin', 'province_officer']],
    ['imports.run', ['system_admin', 'province_admin', 'province_officer']],
    ['self_assessment.read', ['system_admin', 'province_admin', 'province_officer', 'commune_officer', 'producer_member']],
    ['self_assessment.write', ['producer_member']],
    ['criteria.manage', ['system_admin', 'province_admin', 'province_officer']],
    ['rounds.manage', ['system_admin', 'province_admin', 'province_officer']],
    ['content.manage', ['system_admin', 'province_admin', 'province_officer']],
    ['dossiers.read', ['system_admin', 'province_admin', 'province_officer', 'commune_officer', 'council_member', 'producer_member']],
    ['dossiers.file', ['producer_member']],
    ['dossiers.assess', ['commune_officer']],
    ['dossiers.manage', ['system_admin', 'province_admin', 'province_officer']],
    ['councils.manage', ['system_admin', 'province_admin', 'province_officer']],
    ['dossiers.score', ['council_member']],
    ['certificates.read', ['system_admin', 'province_admin', 'province_officer', 'commune_officer', 'producer_member']],
    ['certificates.manage', ['system_admin', 'province_admin', 'province_officer']],
    ['lots.read', ['system_admin', 'province_admin', 'province_officer', 'commune_officer', 'producer_member']],
    ['lots.write', ['system_admin', 'province_admin', 'province_officer', 'producer_member']],
    ['epcis.capture', ['system_admin', 'province_admin', 'province_officer', 'producer_member']],
    ['epcis.read', ['system_admin', 'province_admin', 'province_officer', 'commune_officer', 'producer_member']],
    ['api_keys.manage', ['system_admin', 'province_admin', 'producer_member']],
    ['traceability.export', ['system_admin', 'province_admin', 'province_officer']],
    ['stamps.order', ['system_admin', 'province_admin', 'province_officer', 'producer_member']],
    ['stamps.activate', ['system_admin', 'province_admin', 'province_officer', 'producer_member']],
    ['stamps.scans.read', ['system_admin', 'province_admin', 'province_officer', 'commune_officer', 'producer_member']],
    ['sales_points.read', ['system_admin', 'province_admin', 'province_officer', 'commune_officer', 'sales_point_operator']],
    ['sales_points.manage', ['system_admin', 'province_admin', 'province_officer']],
    ['sales_points.stock', ['system_admin', 'province_admin', 'province_officer', 'sales_point_operator']],
    ['inquiries.read', ['system_admin', 'province_admin', 'province_officer', 'commune_officer', 'producer_member']],
    ['inquiries.answer', ['producer_member']],
    ['producer_page.manage', ['producer_member']],
  ])('%s is held by %j', (capability, roles) => {
    expect(rolesWith(capability)).toEqual(roles);
  });

  it('covers every capability in the table test above', () => {
    expect(CAPABILITY_NAMES).toHaveLength(39);
  });

  it('never reaches wider than the scope a role’s grant carries', () => {
    // A sales point and a producer are single records: neither reaches the other.
    const order = ['producer|sales_point', 'commune', 'province', 'all'];
    const rank = (scope: string | null) => order.findIndex((entry) => entry.split('|').includes(scope ?? ''));
    const roleScope = { all: 'all', province: 'province', commune: 'commune', producer: 'producer', sales_point: 'sales_point' } as const;
    for (const role of ROLES) {
      for (const capability of capabilitiesOf(role)) {
        const widest = roleScope[ROLE_SCOPE[role]];
        expect(widest, `${role} holds ${capability} without a scope`).not.toBeNull();
        const scope = scopeOf(role, capability);
        expect(rank(scope), `${role} ${capability}`).toBeLessThanOrEqual(rank(widest));
        if (scope === 'producer' || scope === 'sales_point') expect(scope, `${role} ${capability}`).toBe(widest);
      }
    }
  });

  it('gives the sales point operator its own point only: reading it and keeping its stock', () => {
    expect(capabilitiesOf('sales_point_operator')).toEqual(['sales_points.read', 'sales_points.stock']);
    const operator = g('sales_point_operator');
    expect(can([operator], 'sales_points.stock', { provinceCode: '14', salesPointId: 's1' })).toBe(true);
    expect(can([operator], 'sales_points.stock', { provinceCode: '14', salesPointId: 's2' })).toBe(false);
    expect(can([operator], 'sales_points.manage', { provinceCode: '14', salesPointId: 's1' })).toBe(false);
    expect(can([g('sales_point_operator', { salesPointId: null })], 'sales_points.read', { provinceCode: '14', salesPointId: null })).toBe(
      false,
    );
    expect(reachOf([operator], 'sales_points.read')).toEqual({ provinceCodes: [], communes: [], producerIds: [], salesPointIds: ['s1'] });
  });
});

describe('can', () => {
  it('without a target asks whether the role holds the capability anywhere', () => {
    expect(can([g('province_officer', { provinceCode: '01' })], 'imports.run')).toBe(true);
    expect(can([g('council_member')], 'producers.write')).toBe(false);
    expect(can([], 'producers.read')).toBe(false);
  });

  it.each<[string, RoleGrant, boolean]>([
    ['system admin anywhere', g('system_admin'), true],
    ['province officer in the province', g('province_officer'), true],
    ['province officer of another province', g('province_officer', { provinceCode: '01' }), false],
    ['commune officer of the commune', g('commune_officer'), true],
    ['commune officer of another commune', g('commune_officer', { communeCode: '03670' }), false],
    ['commune officer of the same commune code in another province', g('commune_officer', { provinceCode: '01' }), false],
    ['member of the producer', g('producer_member'), true],
    ['member of another producer', g('producer_member', { producerId: 'p2' }), false],
    ['sales point operator', g('sales_point_operator'), false],
  ])('producers.write: %s → %s', (_name, grant, allowed) => {
    expect(can([grant], 'producers.write', here)).toBe(allowed);
  });

  it('lets any one grant of several decide', () => {
    const grants = [g('council_member'), g('producer_member', { producerId: 'p9' })];
    expect(can(grants, 'producers.write', here)).toBe(false);
    expect(can(grants, 'producers.write', { ...here, producerId: 'p9' })).toBe(true);
    expect(can(grants, 'producers.read', here)).toBe(true);
  });

  it('does not let an empty grant field match an empty target field', () => {
    expect(can([g('province_admin', { provinceCode: null })], 'users.manage', { provinceCode: null })).toBe(false);
    expect(can([g('commune_officer', { communeCode: null })], 'producers.read', { provinceCode: '14', communeCode: null })).toBe(false);
    expect(can([g('producer_member', { producerId: null })], 'producers.read', { provinceCode: '14', producerId: null })).toBe(false);
  });
});

describe('reachOf', () => {
  it('is everything for a system-wide holder', () => {
    expect(reachOf([g('province_admin'), g('system_admin')], 'producers.read')).toBe('all');
  });

  it('collects the places of each grant by the scope its role holds', () => {
    const grants = [
      g('province_officer', { provinceCode: '01' }),
      g('commune_officer'),
      g('commune_officer'),
      g('producer_member'),
      g('council_member'),
    ];
    expect(reachOf(grants, 'producers.write')).toEqual({
      provinceCodes: ['01'],
      communes: [{ provinceCode: '14', communeCode: '03664' }],
      producerIds: ['p1'],
      salesPointIds: [],
    });
    expect(reachOf(grants, 'users.manage')).toEqual({ provinceCodes: [], communes: [], producerIds: [], salesPointIds: [] });
  });
});
