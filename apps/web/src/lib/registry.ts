import type { UserView } from '@ocop/contracts/identity';
import type { DocumentKind, LegalForm, ProducerPlace, ProducerStatus, ProducerType, ProductStatus } from '@ocop/domain/registry';
import { can, reachOf } from '@ocop/domain/shared';
import type { MessageKey } from '../messages/vi';

/** The texts of the registry's fixed value sets; Vietnamese ones match the labels in `@ocop/domain/registry`. */
export const PRODUCER_TYPE_KEYS: Record<ProducerType, MessageKey> = {
  enterprise: 'producer.type.enterprise',
  cooperative: 'producer.type.cooperative',
  cooperative_group: 'producer.type.cooperative_group',
  household_business: 'producer.type.household_business',
};

export const LEGAL_FORM_KEYS: Record<LegalForm, MessageKey> = {
  llc_single_member: 'producer.legalForm.llc_single_member',
  llc_multi_member: 'producer.legalForm.llc_multi_member',
  joint_stock: 'producer.legalForm.joint_stock',
  private_enterprise: 'producer.legalForm.private_enterprise',
  partnership: 'producer.legalForm.partnership',
};

export const PRODUCER_STATUS_KEYS: Record<ProducerStatus, MessageKey> = {
  active: 'producer.status.active',
  suspended: 'producer.status.suspended',
  dissolved: 'producer.status.dissolved',
};

export const PRODUCER_STATUS_COLORS: Record<ProducerStatus, string> = { active: 'green', suspended: 'orange', dissolved: 'default' };

export const PRODUCT_STATUS_KEYS: Record<ProductStatus, MessageKey> = {
  idea: 'product.status.idea',
  in_development: 'product.status.in_development',
  on_sale: 'product.status.on_sale',
  withdrawn: 'product.status.withdrawn',
};

export const PRODUCT_STATUS_COLORS: Record<ProductStatus, string> = {
  idea: 'purple',
  in_development: 'blue',
  on_sale: 'green',
  withdrawn: 'default',
};

export const DOCUMENT_KIND_KEYS: Record<DocumentKind, MessageKey> = {
  business_licence: 'document.kind.business_licence',
  food_safety_certificate: 'document.kind.food_safety_certificate',
  product_standard_declaration: 'document.kind.product_standard_declaration',
  test_report: 'document.kind.test_report',
  label_photo: 'document.kind.label_photo',
  trademark_certificate: 'document.kind.trademark_certificate',
  other: 'document.kind.other',
};

type WithRoles = Pick<UserView, 'roles'>;

/*
 * What the registry screens offer a user, read from the capability table in `@ocop/domain` (the
 * table the server's routes and services check): each within the user's scope; the server filters.
 */

export function canReadRegistry(user: WithRoles): boolean {
  return can(user.roles, 'producers.read');
}

/** Province staff and commune officers register producers (a commune officer in their commune). */
export function canCreateProducers(user: WithRoles): boolean {
  return can(user.roles, 'producers.create');
}

/** Everyone who may change a producer's products may add products; a council member only reads. */
export function canCreateProducts(user: WithRoles): boolean {
  return can(user.roles, 'products.write');
}

export function canImport(user: WithRoles): boolean {
  return can(user.roles, 'imports.run');
}

/** Entering a product code issued before this system. */
export function canEnterIssuedProductCode(user: WithRoles): boolean {
  return can(user.roles, 'products.enter_code');
}

export function canEditProducerAt(user: WithRoles, place: ProducerPlace): boolean {
  return can(user.roles, 'producers.write', place);
}

/** Changing the type, registration number and commune of the producer at this place (officers only). */
export function canEditProducerIdentityAt(user: WithRoles, place: ProducerPlace): boolean {
  return can(user.roles, 'producers.edit_identity', place);
}

/** Changing the products of the producer at this place. */
export function canEditProductsAt(user: WithRoles, place: ProducerPlace): boolean {
  return can(user.roles, 'products.write', place);
}

export function canChangeProducerStatusIn(user: WithRoles, provinceCode: string): boolean {
  return can(user.roles, 'producers.change_status', { provinceCode });
}

/** The producers the user reads as a member of that one producer, in grant order. */
export function ownProducerIds(user: WithRoles): string[] {
  const reach = reachOf(user.roles, 'producers.read');
  return reach === 'all' ? [] : reach.producerIds;
}

/** A user who reads only the producers they belong to: the screens say "my" rather than "all". */
export function isOnlyProducerMember(user: WithRoles): boolean {
  const reach = reachOf(user.roles, 'producers.read');
  return reach !== 'all' && reach.producerIds.length > 0 && reach.provinceCodes.length === 0 && reach.communes.length === 0;
}
