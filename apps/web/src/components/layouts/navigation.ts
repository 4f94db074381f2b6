import type { UserView } from '@ocop/contracts/identity';
import { can } from '@ocop/domain/shared';
import type { MessageKey } from '../../messages/vi';
import { canAdministerUsers, canReadAudit } from '../../lib/auth';
import { canImport, canReadRegistry } from '../../lib/registry';

/** The dark green of the header bar and of the phone drawer's title. */
export const HEADER_BACKGROUND = '#14532d';

export type NavigationItem = {
  path: string;
  label: MessageKey;
  icon:
    | 'home'
    | 'units'
    | 'users'
    | 'audit'
    | 'producers'
    | 'products'
    | 'imports'
    | 'criteria'
    | 'dossiers'
    | 'rounds'
    | 'councils'
    | 'scoring'
    | 'certificates'
    | 'lots'
    | 'sites'
    | 'stamps'
    | 'scans'
    | 'apiKeys'
    | 'salesPoints'
    | 'inquiries'
    | 'content';
  /** A group's entries: the group shows them in a submenu and its own path is only its key. */
  children?: NavigationItem[];
};

/** The certificate screens, each by its capability; shown to readers of certificates. */
function certificateGroup(user: Pick<UserView, 'roles'>): NavigationItem {
  const children: NavigationItem[] = [
    { path: '/certificates', label: 'nav.certificates.list', icon: 'certificates' },
    { path: '/certificates/supervision', label: 'nav.certificates.supervision', icon: 'certificates' },
  ];
  if (can(user.roles, 'certificates.manage'))
    children.push(
      { path: '/certificates/legacy-import', label: 'nav.certificates.legacyImport', icon: 'certificates' },
      { path: '/certificates/settings', label: 'nav.certificates.settings', icon: 'certificates' },
    );
  return { path: 'group:certificates', label: 'nav.certificates', icon: 'certificates', children };
}

/** The traceability screens: production lots and their steps, the sites the steps happen at, the trace stamps and their scans. */
function traceabilityGroup(user: Pick<UserView, 'roles'>): NavigationItem {
  const children: NavigationItem[] = [
    { path: '/lots', label: 'nav.lots', icon: 'lots' },
    { path: '/traceability/sites', label: 'nav.sites', icon: 'sites' },
  ];
  if (can(user.roles, 'stamps.order')) children.push({ path: '/stamps', label: 'nav.stamps', icon: 'stamps' });
  if (can(user.roles, 'stamps.scans.read')) children.push({ path: '/stamps/scans', label: 'nav.scans', icon: 'scans' });
  return { path: 'group:traceability', label: 'nav.traceability', icon: 'lots', children };
}

/** The side menu for a user, from the capability table: the registry for its readers, reference pages, then administration. */
export function navigationFor(user: Pick<UserView, 'roles'>): NavigationItem[] {
  const items: NavigationItem[] = [{ path: '/', label: 'nav.home', icon: 'home' }];
  if (canReadRegistry(user)) {
    items.push(
      { path: '/producers', label: 'nav.producers', icon: 'producers' },
      { path: '/products', label: 'nav.products', icon: 'products' },
    );
  }
  if (can(user.roles, 'dossiers.read')) items.push({ path: '/dossiers', label: 'dossier.nav', icon: 'dossiers' });
  if (can(user.roles, 'rounds.manage')) items.push({ path: '/rounds', label: 'dossier.navRounds', icon: 'rounds' });
  if (canImport(user)) items.push({ path: '/imports', label: 'nav.imports', icon: 'imports' });
  if (can(user.roles, 'councils.manage')) items.push({ path: '/councils', label: 'nav.councils', icon: 'councils' });
  if (can(user.roles, 'dossiers.score')) items.push({ path: '/scoring', label: 'nav.scoring', icon: 'scoring' });
  if (can(user.roles, 'certificates.read')) items.push(certificateGroup(user));
  if (can(user.roles, 'lots.read')) items.push(traceabilityGroup(user));
  if (can(user.roles, 'sales_points.read')) items.push({ path: '/sales-points', label: 'nav.salesPoints', icon: 'salesPoints' });
  if (can(user.roles, 'api_keys.manage')) items.push({ path: '/api-keys', label: 'nav.apiKeys', icon: 'apiKeys' });
  if (can(user.roles, 'inquiries.read')) items.push({ path: '/inquiries', label: 'nav.inquiries', icon: 'inquiries' });
  if (can(user.roles, 'content.manage')) items.push({ path: '/content', label: 'nav.content', icon: 'content' });
  // Score sheets are public law: every signed-in role reads them (the routes are 'authenticated').
  items.push({ path: '/criteria', label: 'criteria.nav', icon: 'criteria' });
  items.push({ path: '/admin-units', label: 'nav.adminUnits', icon: 'units' });
  if (canAdministerUsers(user)) items.push({ path: '/users', label: 'nav.users', icon: 'users' });
  if (canReadAudit(user)) items.push({ path: '/audit', label: 'nav.audit', icon: 'audit' });
  return items;
}

/** Every entry one can go to: the items, with a group's entries in place of the group. */
export function navigationEntries(items: readonly NavigationItem[]): NavigationItem[] {
  return items.flatMap((item) => item.children ?? [item]);
}

/** The group holding an entry's path, if any (its submenu opens on that page). */
export function navigationGroupOf(items: readonly NavigationItem[], path: string | undefined): string | undefined {
  return items.find((item) => item.children?.some((child) => child.path === path))?.path;
}

/** The menu entry a path belongs to: "/users/123" lights up "/users". */
export function selectedNavigationPath(items: readonly NavigationItem[], pathname: string): string | undefined {
  const matches = navigationEntries(items).filter(
    (item) => item.path === pathname || (item.path !== '/' && pathname.startsWith(`${item.path}/`)),
  );
  return matches.sort((a, b) => b.path.length - a.path.length)[0]?.path;
}
