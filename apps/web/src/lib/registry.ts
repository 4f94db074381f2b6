import type { UserView } from '@ocop/contracts/identity';
import { hasRole } from '@ocop/domain/identity';
import {
  canChangeProducerStatus,
  canEditProducer,
  type DocumentKind,
  type LegalForm,
  type ProducerPlace,
  type ProducerStatus,
  type ProducerType,
  type ProductStatus,
} from '@ocop/domain/registry';
import type { Role } from '@ocop/domain/shared';
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

/** Roles that see producers and products (each within its own scope; the server filters). */
export const REGISTRY_READERS: readonly Role[] = [
  'system_admin',
  'province_admin',
  'province_officer',
  'commune_officer',
  'council_member',
  'producer_member',
];

export function canReadRegistry(user: WithRoles): boolean {
  return hasRole(user.roles, ...REGISTRY_READERS);
}

/** Province staff and commune officers register producers (a commune officer in their commune). */
export function canCreateProducers(user: WithRoles): boolean {
  return hasRole(user.roles, 'system_admin', 'province_admin', 'province_officer', 'commune_officer');
}

/** Everyone who may edit a producer may add products to it; a council member only reads. */
export function canCreateProducts(user: WithRoles): boolean {
  return hasRole(user.roles, 'system_admin', 'province_admin', 'province_officer', 'commune_officer', 'producer_member');
}

/** Spreadsheet imports are a provincial task. */
export function canImport(user: WithRoles): boolean {
  return hasRole(user.roles, 'system_admin', 'province_admin', 'province_officer');
}

/** Province staff may enter a product code issued before this system. */
export function canEnterIssuedProductCode(user: WithRoles): boolean {
  return hasRole(user.roles, 'system_admin', 'province_admin', 'province_officer');
}

export function canEditProducerAt(user: WithRoles, place: ProducerPlace): boolean {
  return canEditProducer(user.roles, place);
}

export function canChangeProducerStatusIn(user: WithRoles, provinceCode: string): boolean {
  return canChangeProducerStatus(user.roles, provinceCode);
}

/** The producers a producer member works for, in grant order. */
export function ownProducerIds(user: WithRoles): string[] {
  return [
    ...new Set(
      user.roles.filter((grant) => grant.role === 'producer_member' && grant.producerId).map((grant) => grant.producerId as string),
    ),
  ];
}

/** A producer member with no other role sees only their own records: the screens say "my" rather than "all". */
export function isOnlyProducerMember(user: WithRoles): boolean {
  return user.roles.length > 0 && user.roles.every((grant) => grant.role === 'producer_member');
}
