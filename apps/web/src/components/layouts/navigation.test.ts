import { ROLES, type Role, rolesWith } from '@ocop/domain/shared';
import { describe, expect, it } from 'vitest';
import { canCreateProducers, canEditProducerAt, canEditProductsAt, canEnterIssuedProductCode } from '../../lib/registry';
import { grant } from '../../testing/fixtures';
import { navigationEntries, navigationFor } from './navigation';

/** A user with one role in Sơn La, scoped as the role needs. */
function userWith(role: Role) {
  return {
    roles: [
      grant(role, {
        provinceCode: role === 'system_admin' ? null : '14',
        communeCode: role === 'commune_officer' ? '03664' : null,
        producerId: role === 'producer_member' ? 'p1' : null,
        salesPointId: role === 'sales_point_operator' ? 's1' : null,
      }),
    ],
  };
}

const menu = (role: Role) => navigationFor(userWith(role)).map((item) => item.path);
const entries = (role: Role) => navigationEntries(navigationFor(userWith(role))).map((item) => item.path);

describe('navigation from the capability table', () => {
  it.each<[Role, string[]]>([
    [
      'system_admin',
      [
        '/',
        '/producers',
        '/products',
        '/dossiers',
        '/rounds',
        '/imports',
        '/councils',
        'group:certificates',
        'group:traceability',
        '/sales-points',
        '/api-keys',
        '/inquiries',
        '/content',
        '/criteria',
        '/admin-units',
        '/users',
        '/audit',
      ],
    ],
    [
      'province_admin',
      [
        '/',
        '/producers',
        '/products',
        '/dossiers',
        '/rounds',
        '/imports',
        '/councils',
        'group:certificates',
        'group:traceability',
        '/sales-points',
        '/api-keys',
        '/inquiries',
        '/content',
        '/criteria',
        '/admin-units',
        '/users',
        '/audit',
      ],
    ],
    [
      'province_officer',
      [
        '/',
        '/producers',
        '/products',
        '/dossiers',
        '/rounds',
        '/imports',
        '/councils',
        'group:certificates',
        'group:traceability',
        '/sales-points',
        '/inquiries',
        '/content',
        '/criteria',
        '/admin-units',
      ],
    ],
    [
      'commune_officer',
      [
        '/',
        '/producers',
        '/products',
        '/dossiers',
        'group:certificates',
        'group:traceability',
        '/sales-points',
        '/inquiries',
        '/criteria',
        '/admin-units',
      ],
    ],
    ['council_member', ['/', '/producers', '/products', '/dossiers', '/scoring', '/criteria', '/admin-units']],
    [
      'producer_member',
      [
        '/',
        '/producers',
        '/products',
        '/dossiers',
        'group:certificates',
        'group:traceability',
        '/api-keys',
        '/inquiries',
        '/criteria',
        '/admin-units',
      ],
    ],
    ['sales_point_operator', ['/', '/sales-points', '/criteria', '/admin-units']],
  ])('shows %s the menu %j', (role, paths) => {
    expect(menu(role)).toEqual(paths);
  });

  it('shows each menu entry to exactly the holders of its capability', () => {
    const pages = [
      ['/producers', 'producers.read'],
      ['/dossiers', 'dossiers.read'],
      ['/rounds', 'rounds.manage'],
      ['/imports', 'imports.run'],
      ['/users', 'users.manage'],
      ['/audit', 'audit.read'],
      ['/councils', 'councils.manage'],
      ['/scoring', 'dossiers.score'],
      ['/certificates', 'certificates.read'],
      ['/certificates/supervision', 'certificates.read'],
      ['/certificates/settings', 'certificates.manage'],
      ['/certificates/legacy-import', 'certificates.manage'],
      ['/lots', 'lots.read'],
      ['/traceability/sites', 'lots.read'],
      ['/api-keys', 'api_keys.manage'],
      ['/sales-points', 'sales_points.read'],
      ['/inquiries', 'inquiries.read'],
    ] as const;
    for (const [path, capability] of pages) {
      expect(
        ROLES.filter((role) => entries(role).includes(path)),
        path,
      ).toEqual(rolesWith(capability));
    }
  });

  it('offers the registry buttons by capability and scope', () => {
    const here = { producerId: 'p1', provinceCode: '14', communeCode: '03664' };
    const elsewhere = { producerId: 'p2', provinceCode: '14', communeCode: '03670' };
    expect(ROLES.filter((role) => canCreateProducers(userWith(role)))).toEqual(rolesWith('producers.create'));
    expect(ROLES.filter((role) => canEnterIssuedProductCode(userWith(role)))).toEqual(rolesWith('products.enter_code'));
    expect(ROLES.filter((role) => canEditProducerAt(userWith(role), here))).toEqual(rolesWith('producers.write'));
    expect(ROLES.filter((role) => canEditProductsAt(userWith(role), elsewhere))).toEqual([
      'system_admin',
      'province_admin',
      'province_officer',
    ]);
  });
});
