import { describe, expect, it } from 'vitest';
import type { RoleGrant } from '../shared/roles';
import { administeredProvinces, assertCanGrant, normalizeGrant } from './grants';

const grant = (role: RoleGrant['role'], extra: Partial<RoleGrant> = {}): RoleGrant => ({
  role,
  provinceCode: null,
  communeCode: null,
  producerId: null,
  salesPointId: null,
  ...extra,
});

describe('normalizeGrant', () => {
  it('drops scope fields a role does not use', () => {
    expect(normalizeGrant(grant('province_officer', { provinceCode: '14', communeCode: '03664' }))).toEqual(
      grant('province_officer', { provinceCode: '14' }),
    );
    expect(normalizeGrant(grant('system_admin', { provinceCode: '14' }))).toEqual(grant('system_admin'));
  });
  it.each([
    [grant('commune_officer', { provinceCode: '14' }), 'communeCode'],
    [grant('producer_member', { provinceCode: '14' }), 'producerId'],
    [grant('sales_point_operator', { provinceCode: '14' }), 'salesPointId'],
    [grant('council_member'), 'provinceCode'],
  ])('requires the scope of %o (%s)', (input, field) => {
    expect(() => normalizeGrant(input)).toThrow(
      expect.objectContaining({ code: 'role.scope_missing', details: expect.objectContaining({ field }) }),
    );
  });
});

describe('assertCanGrant', () => {
  const sonLaAdmin = [grant('province_admin', { provinceCode: '14' })];
  it('lets a province admin grant roles in their province', () => {
    expect(() => assertCanGrant(sonLaAdmin, grant('commune_officer', { provinceCode: '14', communeCode: '03664' }))).not.toThrow();
  });
  it.each([grant('system_admin'), grant('province_officer', { provinceCode: '01' })])('refuses %o', (target) => {
    expect(() => assertCanGrant(sonLaAdmin, target)).toThrow(expect.objectContaining({ code: 'role.grant_not_allowed' }));
  });
  it('lets a system admin grant anything', () => {
    expect(() => assertCanGrant([grant('system_admin')], grant('system_admin'))).not.toThrow();
  });
  it('lists the provinces an actor administers', () => {
    expect(administeredProvinces(sonLaAdmin)).toEqual(['14']);
    expect(administeredProvinces([grant('province_officer', { provinceCode: '14' })])).toEqual([]);
    expect(administeredProvinces([grant('system_admin')])).toBe('all');
  });
});
