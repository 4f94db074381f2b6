import { DomainError } from '../shared/domain-error';
import { type Capability, can } from '../shared/capabilities';
import type { RoleGrant } from '../shared/roles';

/** Where a producer sits, which is all that decides who may see or change it and its products. */
export type ProducerPlace = { producerId: string; provinceCode: string; communeCode: string | null };

/** Who may read a producer (and its products, images and documents): `producers.read` in the capability table. */
export function canReadProducer(grants: readonly RoleGrant[], place: ProducerPlace): boolean {
  return can(grants, 'producers.read', place);
}

/** Who may change a producer (its details, documents, images): `producers.write`. */
export function canEditProducer(grants: readonly RoleGrant[], place: ProducerPlace): boolean {
  return can(grants, 'producers.write', place);
}

/** Who may register a producer at this place: `producers.create`. */
export function canCreateProducerIn(grants: readonly RoleGrant[], provinceCode: string, communeCode: string | null): boolean {
  return can(grants, 'producers.create', { provinceCode, communeCode });
}

export function assertCanReadProducer(grants: readonly RoleGrant[], place: ProducerPlace): void {
  // Records outside one's scope are reported as missing, so their existence does not leak.
  if (!canReadProducer(grants, place)) throw new DomainError('not_found', 'producer.not_found', 'No such producer.');
}

export function assertCanEditProducer(grants: readonly RoleGrant[], place: ProducerPlace): void {
  assertMayOnProducer(grants, 'producers.write', place);
}

/**
 * A change to a producer or to what belongs to it (its products, their images and documents):
 * outside the reader's reach it is missing, inside it without the capability it is forbidden.
 */
export function assertMayOnProducer(grants: readonly RoleGrant[], capability: Capability, place: ProducerPlace): void {
  assertCanReadProducer(grants, place);
  if (!can(grants, capability, place)) throw new DomainError('forbidden', 'producer.edit_not_allowed', 'You may not change this producer.');
}

/** Suspending, re-activating or dissolving a producer: `producers.change_status`. */
export function canChangeProducerStatus(grants: readonly RoleGrant[], provinceCode: string): boolean {
  return can(grants, 'producers.change_status', { provinceCode });
}
