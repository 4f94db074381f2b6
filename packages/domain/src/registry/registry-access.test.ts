import { describe, expect, it } from 'vitest';
import type { RoleGrant } from '../shared/roles';
import { canChangeProducerStatus, canCreateProducerIn, canEditProducer, canReadProducer } from './registry-access';

const g = (role: RoleGrant['role'], extra: Partial<RoleGrant> = {}): RoleGrant => ({
  role,
  provinceCode: '14',
  communeCode: null,
  producerId: null,
  salesPointId: null,
  ...extra,
});
const place = { producerId: 'p1', provinceCode: '14', communeCode: '03664' };

describe('registry access', () => {
  it.each([
    [g('system_admin', { provinceCode: null }), true, true],
    [g('province_admin'), true, true],
    [g('province_officer'), true, true],
    [g('province_officer', { provinceCode: '01' }), false, false],
    [g('council_member'), true, false],
    [g('commune_officer', { communeCode: '03664' }), true, true],
    [g('commune_officer', { communeCode: '03670' }), false, false],
    [g('producer_member', { producerId: 'p1' }), true, true],
    [g('producer_member', { producerId: 'p2' }), false, false],
    [g('sales_point_operator', { salesPointId: 's1' }), false, false],
  ])('%o reads: %s, edits: %s', (grant, reads, edits) => {
    expect(canReadProducer([grant], place)).toBe(reads);
    expect(canEditProducer([grant], place)).toBe(edits);
  });

  it('lets the province and the commune officer of that commune create producers', () => {
    expect(canCreateProducerIn([g('province_officer')], '14', '03664')).toBe(true);
    expect(canCreateProducerIn([g('commune_officer', { communeCode: '03664' })], '14', '03664')).toBe(true);
    expect(canCreateProducerIn([g('commune_officer', { communeCode: '03664' })], '14', '03670')).toBe(false);
    expect(canCreateProducerIn([g('producer_member', { producerId: 'p1' })], '14', '03664')).toBe(false);
  });

  it.each([
    [g('system_admin', { provinceCode: null }), true],
    [g('province_admin'), true],
    [g('province_officer'), true],
    [g('province_officer', { provinceCode: '01' }), false],
    [g('commune_officer', { communeCode: '03664' }), false],
    [g('council_member'), false],
    [g('producer_member', { producerId: 'p1' }), false],
  ])('%o may change a Sơn La producer’s status: %s', (grant, allowed) => {
    expect(canChangeProducerStatus([grant], '14')).toBe(allowed);
  });
});
