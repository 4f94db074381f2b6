import { grantReaches, type RoleGrant, scopeOf } from '@ocop/domain/shared';
import type { KeyOwner } from '../traceability-ports';
import { type EventKey, productReferenceOf } from './epcis-keys';
import type { EpcisProblemCode } from './epcis-problems';

/**
 * Whose events a capture may store (issue 13 item 4). A producer's members (and its API keys)
 * capture only events whose products are their producer's own; the province's staff capture for
 * their province, including keys of no registered product (a partner's GS1 examples, a vendor's
 * data). An event belongs to the producer whose products it names, so the producer, the province
 * and the commune officer all find it through their scope.
 */
export type Capturer = {
  /** Producers the capturer captures for (producer-scoped grants). */
  producerIds: ReadonlySet<string>;
  /** Provinces the capturer captures for (province-scoped grants); `all` for system administrators. */
  provinceCodes: ReadonlySet<string> | 'all';
};

export function capturerOf(grants: readonly RoleGrant[]): Capturer {
  const producerIds = new Set<string>();
  const provinces = new Set<string>();
  let all = false;
  for (const grant of grants) {
    const scope = scopeOf(grant.role, 'epcis.capture');
    if (scope === 'all') all = true;
    else if (scope === 'province' && grant.provinceCode) provinces.add(grant.provinceCode);
    else if (scope === 'producer' && grant.producerId) producerIds.add(grant.producerId);
  }
  return { producerIds, provinceCodes: all ? 'all' : provinces };
}

/** Owners of the keys of a capture, found once for the whole document. */
export type KeyOwners = { byGtin: ReadonlyMap<string, KeyOwner>; byCode: ReadonlyMap<string, KeyOwner> };

export type EventPlacement =
  | { ok: true; provinceCode: string; producerId: string | null; communeCode: string | null }
  | { ok: false; code: EpcisProblemCode; key: string };

/**
 * Where one event is stored, or why the capturer may not store it. `usedByOthers` are the keys of
 * no product (SSCCs, GLNs, other URIs) that another producer's stored events already name: a
 * producer may not add events to another's cartons.
 */
export function placeEvent(
  keys: readonly EventKey[],
  owners: KeyOwners,
  capturer: Capturer,
  usedByOthers: ReadonlyMap<string, string>,
  grants: readonly RoleGrant[],
): EventPlacement {
  const found: KeyOwner[] = [];
  for (const { key } of keys) {
    const reference = productReferenceOf(key);
    if (reference.kind === 'none') {
      const other = usedByOthers.get(key);
      if (other !== undefined && producerOnly(capturer) && !capturer.producerIds.has(other)) {
        return { ok: false, code: 'epcis.key_used_by_other_producer', key };
      }
      continue;
    }
    const owner = reference.kind === 'gtin' ? owners.byGtin.get(reference.gtin) : owners.byCode.get(reference.code);
    if (owner === undefined) {
      // A key of no registered product: only the province's staff may record it (for the province).
      if (capturer.provinceCodes === 'all' || capturer.provinceCodes.size > 0) continue;
      return { ok: false, code: 'epcis.key_not_yours', key };
    }
    const reaches = grants.some((grant) =>
      grantReaches(grant, 'epcis.capture', {
        provinceCode: owner.provinceCode,
        communeCode: owner.communeCode,
        producerId: owner.producerId,
      }),
    );
    if (!reaches) {
      const ownProvince = capturer.provinceCodes !== 'all' && capturer.provinceCodes.has(owner.provinceCode);
      const code = capturer.producerIds.size > 0 || ownProvince ? 'epcis.key_not_yours' : 'epcis.key_of_other_province';
      return { ok: false, code, key };
    }
    found.push(owner);
  }
  const producers = new Set(found.map((owner) => owner.producerId));
  const first = found[0];
  if (first !== undefined) {
    // An event of two producers' products (a shared shipment) is the province's, not either's.
    const single = producers.size === 1;
    return {
      ok: true,
      provinceCode: first.provinceCode,
      producerId: single ? first.producerId : null,
      communeCode: single ? first.communeCode : null,
    };
  }
  return placeWithoutProduct(capturer, grants);
}

function producerOnly(capturer: Capturer): boolean {
  return capturer.provinceCodes !== 'all' && capturer.provinceCodes.size === 0;
}

/** An event naming no product (a carton's shipment by SSCC, a sensor reading at a place). */
function placeWithoutProduct(capturer: Capturer, grants: readonly RoleGrant[]): EventPlacement {
  if (producerOnly(capturer) && capturer.producerIds.size === 1) {
    const grant = grants.find((g) => g.producerId !== null && capturer.producerIds.has(g.producerId) && g.provinceCode !== null);
    if (grant?.producerId && grant.provinceCode)
      return { ok: true, provinceCode: grant.provinceCode, producerId: grant.producerId, communeCode: null };
  }
  if (capturer.provinceCodes !== 'all' && capturer.provinceCodes.size === 1) {
    const [provinceCode] = capturer.provinceCodes;
    if (provinceCode) return { ok: true, provinceCode, producerId: null, communeCode: null };
  }
  return { ok: false, code: 'epcis.event_without_owner', key: '' };
}
