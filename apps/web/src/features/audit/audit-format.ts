import type { AuditEntryView } from '@ocop/contracts/identity';
import { seasonRanges } from '@ocop/domain/registry';
import type { Translate } from '../../lib/i18n';
import { DATE_TIME_FORMAT, formatDateTime, formatIsoDate } from '../../lib/format';
import { isMessageKey } from '../../lib/i18n';
import { formatVnd } from '../../lib/money';
import { roleLabel } from '../../lib/roles';
import type { MessageKey } from '../../messages/vi';

/**
 * Every action the server writes to the audit log (grep `action:` in apps/server/src/modules), each
 * with its label. A code the server starts writing later still shows, as its code.
 */
export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.logout',
  'auth.login_failed',
  'auth.locked_out',
  'user.created',
  'user.updated',
  'user.roles_changed',
  'user.disabled',
  'user.enabled',
  'user.password_reset',
  'user.password_changed',
  'producer.registered',
  'producer.updated',
  'producer.status_changed',
  'product.created',
  'product.updated',
  'product.status_changed',
  'product_image.added',
  'product_image.updated',
  'product_image.primary_changed',
  'product_image.reordered',
  'product_image.removed',
  'document.added',
  'document.updated',
  'document.removed',
  'import.producers_imported',
  'import.products_imported',
  'product_set.updated',
] as const;

/** The object types of the log; the filter offers exactly these. */
export const AUDIT_ENTITY_TYPES = ['user', 'producer', 'product', 'document', 'import', 'product_set'] as const;

export function actionLabel(action: string, t: Translate): string | null {
  const key = `audit.action.${action}`;
  return isMessageKey(key) ? t(key) : null;
}

export function entityTypeLabel(entityType: string, t: Translate): string {
  const key = `audit.entity.${entityType}`;
  return isMessageKey(key) ? t(key) : entityType;
}

/** The form label of each field the log records, so a change reads like the form the user filled. */
const FIELD_LABELS: Record<string, MessageKey> = {
  // producers
  type: 'producerForm.type',
  legalForm: 'producerForm.legalForm',
  registrationNumber: 'producerForm.registrationNumber',
  provinceCode: 'producerForm.province',
  communeCode: 'producerForm.commune',
  legacyCommuneCode: 'producerForm.legacyCommune',
  legacyDistrictCode: 'audit.field.legacyDistrict',
  address: 'producerForm.address',
  latitude: 'producerForm.latitude',
  longitude: 'producerForm.longitude',
  representativeName: 'producerForm.representativeName',
  phone: 'producerForm.phone',
  email: 'producerForm.email',
  foundingYear: 'producerForm.foundingYear',
  memberCount: 'producerForm.memberCount',
  status: 'producerForm.status',
  statusReason: 'audit.field.statusReason',
  isDemo: 'audit.field.isDemo',
  // products
  code: 'productForm.code',
  slug: 'audit.field.slug',
  nameVi: 'productForm.nameVi',
  nameEn: 'productForm.nameEn',
  nameZh: 'productForm.nameZh',
  description: 'productForm.description',
  story: 'productForm.story',
  descriptionZh: 'productForm.descriptionZh',
  storyZh: 'productForm.storyZh',
  seasons: 'productForm.section.seasons',
  seasonNote: 'productForm.seasonNote',
  rawMaterial: 'productForm.rawMaterial',
  rawMaterialOrigin: 'productForm.rawMaterialOrigin',
  packaging: 'productForm.packaging',
  netQuantity: 'productForm.netQuantity',
  shelfLife: 'productForm.shelfLife',
  storageInstructions: 'productForm.storageInstructions',
  priceMin: 'productForm.priceMin',
  priceMax: 'productForm.priceMax',
  gtins: 'productForm.gtins',
  // users
  fullName: 'users.field.fullName',
  roles: 'users.field.roles',
  disabledAt: 'audit.field.disabledAt',
  mustChangePassword: 'audit.field.mustChangePassword',
  lastLoginAt: 'users.col.lastLogin',
  login: 'login.login',
  // documents and pictures
  kind: 'documents.field.kind',
  number: 'documents.field.number',
  issuer: 'documents.field.issuer',
  validFrom: 'documents.field.validFrom',
  validTo: 'documents.field.validTo',
  note: 'documents.field.note',
  originalName: 'audit.field.fileName',
  mediaType: 'audit.field.mediaType',
  sizeBytes: 'audit.field.sizeBytes',
  altText: 'audit.field.altText',
  position: 'audit.field.position',
  isPrimary: 'audit.field.isPrimary',
  order: 'audit.field.order',
  // imports
  fileName: 'audit.field.fileName',
  rows: 'audit.field.rows',
  created: 'audit.field.created',
  updated: 'audit.field.updated',
  unchanged: 'audit.field.unchanged',
};

/** Internal bookkeeping a reader has no use for (ids, storage keys, the optimistic-lock counter). */
function isHidden(field: string): boolean {
  return (
    field === 'id' ||
    field === 'version' ||
    field === 'storeKey' ||
    field === 'passwordHash' ||
    /Id$/.test(field) ||
    field === 'createdAt' ||
    field === 'updatedAt' ||
    field === 'createdBy'
  );
}

/** A field's label: the form's own for producers, products and users, else the key itself. */
export function fieldLabel(entityType: string, field: string, t: Translate): string {
  if (field === 'name') return t(entityType === 'producer' ? 'producerForm.name' : 'audit.field.name');
  if (field === 'status' && entityType === 'product') return t('productForm.status');
  const key = FIELD_LABELS[field];
  return key ? t(key) : field;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

function enumLabel(prefix: string, value: string, t: Translate): string {
  const key = `${prefix}.${value}`;
  return isMessageKey(key) ? t(key) : value;
}

/** Season months as runs around the year: "Tháng 10 – Tháng 1", "Quanh năm". */
function seasonsText(value: unknown[], t: Translate): string {
  const months = value.filter(
    (month): month is number => typeof month === 'number' && Number.isInteger(month) && month >= 1 && month <= 12,
  );
  if (months.length === 0) return t('audit.empty');
  if (months.length === 12) return t('productForm.seasonsAll');
  return seasonRanges([...new Set(months)])
    .map(([first, last]) => {
      const start = t('productForm.monthLong', { month: first });
      return first === last ? start : `${start} – ${t('productForm.monthLong', { month: last })}`;
    })
    .join(', ');
}

/** A recorded value as the app shows it elsewhere: status labels, "90.000 ₫", "01/07/2025". */
export function formatAuditValue(entityType: string, field: string, value: unknown, t: Translate): string {
  if (value === null || value === undefined || value === '') return t('audit.empty');
  if (typeof value === 'boolean') return t(value ? 'common.yes' : 'common.no');
  if (field === 'priceMin' || field === 'priceMax') return typeof value === 'number' ? formatVnd(value) : String(value);
  if (field === 'seasons' && Array.isArray(value)) return seasonsText(value, t);
  if (field === 'sizeBytes' && typeof value === 'number') return `${Math.max(1, Math.round(value / 1024)).toLocaleString('vi-VN')} KB`;
  if (typeof value === 'string') {
    if (field === 'status')
      return enumLabel(entityType === 'product' ? 'product.status' : entityType === 'user' ? 'users.status' : 'producer.status', value, t);
    if (field === 'type') return enumLabel('producer.type', value, t);
    if (field === 'legalForm') return enumLabel('producer.legalForm', value, t);
    if (field === 'kind') return enumLabel('document.kind', value, t);
    if (ISO_DATE.test(value)) return formatIsoDate(value);
    if (ISO_DATE_TIME.test(value)) return formatDateTime(value, DATE_TIME_FORMAT);
    return value;
  }
  if (field === 'roles' && Array.isArray(value)) {
    return value
      .map((grant) =>
        grant && typeof grant === 'object' && 'role' in grant ? roleLabel(String(grant.role) as never, t) : JSON.stringify(grant),
      )
      .join(', ');
  }
  if (Array.isArray(value)) return value.length === 0 ? t('audit.empty') : value.map(String).join(', ');
  if (typeof value === 'number') return value.toLocaleString('vi-VN');
  return JSON.stringify(value);
}

export type AuditChange = { field: string; label: string; before: string | null; after: string | null; changed: boolean };

function asRecord(value: unknown): Record<string, unknown> | null {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/** The fields of an entry, each with its label and its before/after values ready to show. */
export function auditChanges(entry: Pick<AuditEntryView, 'entityType' | 'before' | 'after'>, t: Translate): AuditChange[] {
  const before = asRecord(entry.before);
  const after = asRecord(entry.after);
  const fields = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter((field) => !isHidden(field));
  return fields.map((field) => {
    const was = before ? formatAuditValue(entry.entityType, field, before[field], t) : null;
    const now = after ? formatAuditValue(entry.entityType, field, after[field], t) : null;
    return { field, label: fieldLabel(entry.entityType, field, t), before: was, after: now, changed: was !== now };
  });
}

const NAME_FIELDS = ['nameVi', 'name', 'fullName', 'fileName', 'originalName', 'number', 'login'] as const;

/** The object's name when the entry holds one (its after, else its before). */
export function auditEntityName(entry: Pick<AuditEntryView, 'before' | 'after'>): string | null {
  for (const side of [asRecord(entry.after), asRecord(entry.before)]) {
    if (!side) continue;
    for (const field of NAME_FIELDS) {
      const value = side[field];
      if (typeof value === 'string' && value.trim() !== '') return value;
    }
  }
  return null;
}

/** Where the object lives in the app, when it has a page. */
export function auditEntityLink(entry: Pick<AuditEntryView, 'entityType' | 'entityId' | 'before' | 'after'>): string | null {
  if (!entry.entityId) return null;
  switch (entry.entityType) {
    case 'product':
      return `/products/${entry.entityId}`;
    case 'producer':
      return `/producers/${entry.entityId}`;
    case 'import':
      return '/imports';
    case 'document': {
      const producerId = asRecord(entry.after)?.producerId ?? asRecord(entry.before)?.producerId;
      return typeof producerId === 'string' ? `/producers/${producerId}` : null;
    }
    default:
      return null;
  }
}
