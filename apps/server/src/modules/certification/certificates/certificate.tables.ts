import { REMINDER_KINDS, REVOCATION_GROUNDS } from '@ocop/domain/certification';
import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { dossiers, evaluationDecisions } from '../../evaluation/dossiers/dossier.tables';
import { tenantProvinces } from '../../identity/identity.tables';
import { producers } from '../../registry/producers/producer.tables';
import { products } from '../../registry/products/product.tables';

export const ISSUER_LEVELS = ['province', 'ministry', 'district'] as const;
export type IssuerLevel = (typeof ISSUER_LEVELS)[number];

/**
 * An OCOP certificate (giấy chứng nhận), issued on a recognition decision or imported from before
 * the system. It holds facts only: dates, the decision, the issuer as it was named then. Its status
 * (valid, expiring, expired, revoked, superseded, …) is derived on every read, never stored.
 * The number is unique across the country, so `/c/:number` names one certificate.
 */
export const certificates = pgTable(
  'certificates',
  {
    id: uuid().primaryKey().defaultRandom(),
    provinceCode: text()
      .notNull()
      .references(() => tenantProvinces.code),
    number: text().notNull(),
    /** The running number of the province in `year`, for certificates this system numbered. */
    seq: integer(),
    year: integer().notNull(),
    source: text({ enum: ['decision', 'legacy'] }).notNull(),
    dossierId: uuid().references(() => dossiers.id),
    decisionId: uuid().references(() => evaluationDecisions.id),
    productId: uuid().references(() => products.id),
    producerId: uuid().references(() => producers.id),
    /** The names as certified: a later rename in the registry does not change a certificate. */
    productName: text().notNull(),
    productCode: text(),
    productSetName: text(),
    producerName: text().notNull(),
    producerAddress: text(),
    /** The producer's commune on the 2025 map, when known. */
    communeCode: text(),
    /** For certificates of the former map (before 1 July 2025): the district and commune as they were. */
    legacyDistrictCode: text(),
    legacyDistrictName: text(),
    legacyCommuneCode: text(),
    stars: integer().notNull(),
    /** The regime it was evaluated under: '26/2026', '148/2023' or '1048/2019'. */
    regimeCode: text().notNull(),
    issuerLevel: text({ enum: ISSUER_LEVELS }).notNull(),
    issuerName: text().notNull(),
    /** The issuing unit's code then: the province, or a former district's code. */
    issuerUnitCode: text().notNull(),
    decisionNumber: text().notNull(),
    decisionDate: date({ mode: 'string' }).notNull(),
    signerName: text(),
    signerTitle: text(),
    issuedOn: date({ mode: 'string' }).notNull(),
    expiresOn: date({ mode: 'string' }).notNull(),
    /** The newer certificate of the product (re-evaluation or upgrade), from its decision's day. */
    supersededById: uuid(),
    supersededOn: date({ mode: 'string' }),
    createdBy: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('certificates_number_key').on(t.number),
    uniqueIndex('certificates_dossier_key').on(t.dossierId).where(sql`${t.dossierId} is not null`),
    index('certificates_product_idx').on(t.productId),
    index('certificates_producer_idx').on(t.producerId),
    index('certificates_province_expiry_idx').on(t.provinceCode, t.expiresOn),
    check('certificates_stars_check', sql`${t.stars} between 3 and 5`),
    check('certificates_dates_check', sql`${t.expiresOn} > ${t.issuedOn}`),
  ],
);

/** A revocation under Art. 8 (grounds a–e): one per certificate, effective 15 days after the finding. */
export const certificateRevocations = pgTable(
  'certificate_revocations',
  {
    certificateId: uuid()
      .primaryKey()
      .references(() => certificates.id),
    ground: text({ enum: REVOCATION_GROUNDS }).notNull(),
    decisionNumber: text().notNull(),
    decidedOn: date({ mode: 'string' }).notNull(),
    findingOn: date({ mode: 'string' }).notNull(),
    effectiveOn: date({ mode: 'string' }).notNull(),
    reason: text().notNull(),
    createdBy: uuid(),
    createdAt: timestamp({ withTimezone: true }).notNull(),
  },
  (t) => [index('certificate_revocations_effective_idx').on(t.effectiveOn)],
);

/** Each reminder a certificate received (before_180, before_120, before_30, expired): at most once each. */
export const certificateReminders = pgTable(
  'certificate_reminders',
  {
    certificateId: uuid()
      .notNull()
      .references(() => certificates.id),
    kind: text({ enum: REMINDER_KINDS }).notNull(),
    dueOn: date({ mode: 'string' }).notNull(),
    sentAt: timestamp({ withTimezone: true }).notNull(),
    /** When the short-message channels (SMS, Zalo) delivered it; null until then or when there is no phone. */
    channelsSentAt: timestamp({ withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.certificateId, t.kind] })],
);

/** Per-province settings of certification: the numbering pattern and the expiring window. */
export const certificationSettings = pgTable('certification_settings', {
  provinceCode: text()
    .primaryKey()
    .references(() => tenantProvinces.code),
  numberPattern: text().notNull(),
  expiringWindowDays: integer().notNull(),
  revision: integer().notNull().default(1),
  updatedBy: uuid(),
  updatedAt: timestamp({ withTimezone: true }).notNull(),
});

/** The last running number given in a province and year (a row lock serialises issuing). */
export const certificateSequences = pgTable(
  'certificate_sequences',
  {
    provinceCode: text().notNull(),
    year: integer().notNull(),
    lastSeq: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.provinceCode, t.year] })],
);

export type CertificateRow = typeof certificates.$inferSelect;
export type CertificateInsert = typeof certificates.$inferInsert;
export type RevocationRow = typeof certificateRevocations.$inferSelect;
export type SettingsRow = typeof certificationSettings.$inferSelect;
export type ReminderRow = typeof certificateReminders.$inferSelect;
