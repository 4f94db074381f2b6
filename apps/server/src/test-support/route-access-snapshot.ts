import type { Capability, Role } from '@ocop/domain/shared';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describeAccess, type RegisteredRoute } from '../platform/http/access';

/** One route of the committed snapshot: who may call it, with the roles the capability table gives. */
export type RouteAccessEntry =
  | { method: string; url: string; access: 'public' | 'authenticated' }
  | { method: string; url: string; capability: Capability; roles: Role[]; apiKeys?: true };

export const ROUTE_ACCESS_SNAPSHOT = fileURLToPath(new URL('../route-access.snapshot.json', import.meta.url));

/** Set to 1 to rewrite the committed snapshot from the live route table (then review the diff). */
export const UPDATE_SNAPSHOT_ENV = 'UPDATE_ROUTE_ACCESS_SNAPSHOT';

/** The live route table as snapshot entries, sorted by URL then method; HEAD mirrors GET and is left out. */
export function routeAccessEntries(routes: readonly RegisteredRoute[]): RouteAccessEntry[] {
  return routes
    .filter((route) => route.method !== 'HEAD')
    .map((route): RouteAccessEntry => {
      const { method, url, access } = route;
      if (typeof access === 'string') return { method, url, access };
      const roles = [...(describeAccess(access) as Role[])].sort();
      return { method, url, capability: access.capability, roles, ...(route.apiKeys ? { apiKeys: true as const } : {}) };
    })
    .sort((a, b) => (a.url === b.url ? a.method.localeCompare(b.method) : a.url < b.url ? -1 : 1));
}

/** One route a line, so a widened role list shows as one changed line in review. */
export function formatSnapshot(entries: readonly RouteAccessEntry[]): string {
  return `[\n${entries.map((entry) => `  ${JSON.stringify(entry)}`).join(',\n')}\n]\n`;
}

export function readSnapshot(): RouteAccessEntry[] {
  return JSON.parse(readFileSync(ROUTE_ACCESS_SNAPSHOT, 'utf8')) as RouteAccessEntry[];
}

export function writeSnapshot(entries: readonly RouteAccessEntry[]): void {
  writeFileSync(ROUTE_ACCESS_SNAPSHOT, formatSnapshot(entries));
}
