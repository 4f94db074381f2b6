import { DomainError } from '../shared/domain-error';
import type { RoleGrant } from '../shared/roles';

/** Where a producer sits, which is all that decides who may see or change it and its products. */
export type ProducerPlace = { producerId: string; provinceCode: string; communeCode: string | null };

/**
 * Who may read a producer (and its products, images and documents):
 * system admins everywhere; province admins, officers and council members in their province;
 * commune officers in their commune; producer members their own producer.
 */
export function canReadProducer(grants: readonly RoleGrant[], place: ProducerPlace): boolean {
  return grants.some((grant) => grantReaches(grant, place));
}

function grantReaches(grant: RoleGrant, place: ProducerPlace): boolean {
  switch (grant.role) {
    case 'system_admin':
      return true;
    case 'province_admin':
    case 'province_officer':
    case 'council_member':
      return grant.provinceCode === place.provinceCode;
    case 'commune_officer':
      return grant.provinceCode === place.provinceCode && grant.communeCode !== null && grant.communeCode === place.communeCode;
    case 'producer_member':
      return grant.producerId === place.producerId;
    case 'sales_point_operator':
      return false;
  }
}

/** Who may change a producer and its products: as for reading, less council members (they score, not edit). */
export function canEditProducer(grants: readonly RoleGrant[], place: ProducerPlace): boolean {
  return canReadProducer(
    grants.filter((grant) => grant.role !== 'council_member'),
    place,
  );
}

/** Only the province (and system) may create producers or change their status; communes propose. */
export function canCreateProducerIn(grants: readonly RoleGrant[], provinceCode: string, communeCode: string | null): boolean {
  return grants.some(
    (grant) =>
      grant.role === 'system_admin' ||
      ((grant.role === 'province_admin' || grant.role === 'province_officer') && grant.provinceCode === provinceCode) ||
      (grant.role === 'commune_officer' &&
        grant.provinceCode === provinceCode &&
        communeCode !== null &&
        grant.communeCode === communeCode),
  );
}

export function assertCanReadProducer(grants: readonly RoleGrant[], place: ProducerPlace): void {
  // Records outside one's scope are reported as missing, so their existence does not leak.
  if (!canReadProducer(grants, place)) throw new DomainError('not_found', 'producer.not_found', 'No such producer.');
}

export function assertCanEditProducer(grants: readonly RoleGrant[], place: ProducerPlace): void {
  assertCanReadProducer(grants, place);
  if (!canEditProducer(grants, place)) throw new DomainError('forbidden', 'producer.edit_not_allowed', 'You may not change this producer.');
}

/** Suspending, re-activating or dissolving a producer is a provincial decision (and the system admin's). */
export function canChangeProducerStatus(grants: readonly RoleGrant[], provinceCode: string): boolean {
  return grants.some(
    (grant) =>
      grant.role === 'system_admin' ||
      ((grant.role === 'province_admin' || grant.role === 'province_officer') && grant.provinceCode === provinceCode),
  );
}
