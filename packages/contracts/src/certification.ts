import { CERTIFICATE_STATUSES, type ReminderKind, REVOCATION_GROUNDS } from '@ocop/domain/certification';
import { z } from 'zod';

const isoDay = z.iso.date();

export const certificateStatusSchema = z.enum(CERTIFICATE_STATUSES);
export const revocationGroundSchema = z.enum(REVOCATION_GROUNDS);

/** Who issued a certificate: the province (3★–4★), the ministry (5★), or a former district committee (3★ under QĐ 148). */
export const issuerLevelSchema = z.enum(['province', 'ministry', 'district']);

export const revocationView = z.object({
  ground: revocationGroundSchema,
  decisionNumber: z.string(),
  decidedOn: isoDay,
  findingOn: isoDay,
  effectiveOn: isoDay,
  reason: z.string(),
});
export type RevocationView = z.infer<typeof revocationView>;

/** A certificate as the back office and the public verification read it, its status derived today. */
export const certificateView = z.object({
  id: z.uuid(),
  number: z.string(),
  provinceCode: z.string(),
  source: z.enum(['decision', 'legacy']),
  stars: z.number().int().min(3).max(5),
  status: certificateStatusSchema,
  statusSince: isoDay.nullable(),
  validUntil: isoDay.nullable(),
  daysLeft: z.number().int().nullable(),
  mayShowMark: z.boolean(),
  productId: z.uuid().nullable(),
  productName: z.string(),
  productCode: z.string().nullable(),
  productSetName: z.string().nullable(),
  producerId: z.uuid().nullable(),
  producerName: z.string(),
  producerAddress: z.string().nullable(),
  communeCode: z.string().nullable(),
  /** For certificates of the former map: the old district and commune. */
  legacyDistrictCode: z.string().nullable(),
  legacyDistrictName: z.string().nullable(),
  legacyCommuneCode: z.string().nullable(),
  issuer: z.object({ level: issuerLevelSchema, name: z.string(), unitCode: z.string() }),
  regimeCode: z.string(),
  decisionNumber: z.string(),
  decisionDate: isoDay,
  dossierId: z.uuid().nullable(),
  /** The province's decision that issued it (its certificates print as one PDF); null for the ministry's and legacy ones. */
  decisionId: z.uuid().nullable(),
  issuedOn: isoDay,
  expiresOn: isoDay,
  supersededBy: z.object({ id: z.uuid(), number: z.string(), on: isoDay }).nullable(),
  revocation: revocationView.nullable(),
  pendingReEvaluation: z.object({ dossierId: z.uuid(), filedOn: isoDay, lateFiling: z.boolean() }).nullable(),
  verificationUrl: z.string(),
});
export type CertificateView = z.infer<typeof certificateView>;

export const CERTIFICATE_PAGE_SIZE_MAX = 200;

export const certificateListQuery = z
  .object({
    q: z.string().trim().max(100).optional(),
    status: certificateStatusSchema.optional(),
    stars: z.coerce.number().int().min(3).max(5).optional(),
    productId: z.uuid().optional(),
    producerId: z.uuid().optional(),
    /** The certificate a dossier's decision issued (at most one). */
    dossierId: z.uuid().optional(),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(CERTIFICATE_PAGE_SIZE_MAX).default(50),
  })
  .strict();
export type CertificateListQuery = z.input<typeof certificateListQuery>;

export const certificatePage = z.object({
  items: z.array(certificateView),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type CertificatePage = z.infer<typeof certificatePage>;

export const issueCertificateBody = z.object({ dossierId: z.uuid() }).strict();

export const revokeCertificateBody = z
  .object({
    ground: revocationGroundSchema,
    decisionNumber: z.string().trim().min(1).max(64),
    decidedOn: isoDay,
    findingOn: isoDay,
    reason: z.string().trim().min(1).max(2_000),
  })
  .strict();
export type RevokeCertificateBody = z.infer<typeof revokeCertificateBody>;

export const certificationSettingsView = z.object({
  provinceCode: z.string(),
  numberPattern: z.string(),
  expiringWindowDays: z.number().int(),
  revision: z.number().int(),
  /** What the next certificate would be numbered with this pattern. */
  example: z.string(),
});
export type CertificationSettingsView = z.infer<typeof certificationSettingsView>;

export const certificationSettingsBody = z
  .object({
    numberPattern: z.string().trim().min(1).max(48),
    expiringWindowDays: z.number().int().min(30).max(365),
    revision: z.number().int(),
  })
  .strict();

/** What one sweep of the expiry reminders did: certificates read, reminders sent by kind (issue 12 item 6). */
export const reminderSweepView = z.object({
  /** The day (Vietnam) the reminders were judged on. */
  today: isoDay,
  /** Certificates in the reminder window that were read. */
  scanned: z.number().int(),
  sent: z.object({
    before_180: z.number().int(),
    before_120: z.number().int(),
    before_30: z.number().int(),
    expired: z.number().int(),
  } satisfies Record<ReminderKind, z.ZodNumber>),
  /** Certificates whose reminder could not be written (logged); the next run tries them again. */
  failed: z.number().int(),
});
export type ReminderSweepView = z.infer<typeof reminderSweepView>;

/** The one question every other module asks: may this product show the OCOP mark today, with how many stars? */
export const ocopMarkView = z.object({
  productId: z.uuid(),
  allowed: z.boolean(),
  stars: z.number().int().min(3).max(5).nullable(),
  certificateNumber: z.string().nullable(),
  status: certificateStatusSchema.nullable(),
  validUntil: isoDay.nullable(),
  verificationUrl: z.string().nullable(),
});
export type OcopMarkView = z.infer<typeof ocopMarkView>;

/** What the public verification answers as JSON (no internal ids). */
export const publicCertificateView = certificateView
  .pick({
    number: true,
    stars: true,
    status: true,
    statusSince: true,
    validUntil: true,
    mayShowMark: true,
    productName: true,
    productSetName: true,
    producerName: true,
    producerAddress: true,
    issuer: true,
    regimeCode: true,
    decisionNumber: true,
    decisionDate: true,
    issuedOn: true,
    expiresOn: true,
    verificationUrl: true,
  })
  .extend({
    revocation: revocationView.omit({ reason: true }).extend({ reason: z.string() }).nullable(),
    supersededBy: z.object({ number: z.string(), on: isoDay }).nullable(),
  });
export type PublicCertificateView = z.infer<typeof publicCertificateView>;

export const SUPERVISION_LISTS = ['expiring_3m', 'expiring_6m', 'expired_not_renewed', 'revoked'] as const;
export const supervisionListSchema = z.enum(SUPERVISION_LISTS);
export type SupervisionList = z.infer<typeof supervisionListSchema>;

/** The most rows one supervision list answers (and exports); a province holds a few thousand certificates. */
export const SUPERVISION_ROW_LIMIT = 5_000;

export const supervisionQuery = z.object({ list: supervisionListSchema }).strict();

export const supervisionListView = z.object({
  list: supervisionListSchema,
  /** The day the list was drawn up (Vietnam's calendar). */
  today: isoDay,
  items: z.array(certificateView),
  /** True when the list reached SUPERVISION_ROW_LIMIT and further rows were left out. */
  truncated: z.boolean(),
});
export type SupervisionListView = z.infer<typeof supervisionListView>;

/** The supervision lists' names, as the tabs and the exported sheets' titles read them. */
export const SUPERVISION_LIST_LABELS: Record<SupervisionList, { vi: string; en: string }> = {
  expiring_3m: { vi: 'Sắp hết hạn trong 3 tháng', en: 'Expiring within 3 months' },
  expiring_6m: { vi: 'Sắp hết hạn trong 6 tháng', en: 'Expiring within 6 months' },
  expired_not_renewed: { vi: 'Hết hạn chưa đánh giá lại', en: 'Expired, not re-evaluated' },
  revoked: { vi: 'Đã thu hồi', en: 'Revoked' },
};

/** How each status reads, on the public page and in the back office. */
export const CERTIFICATE_STATUS_LABELS: Record<(typeof CERTIFICATE_STATUSES)[number], { vi: string; en: string }> = {
  valid: { vi: 'Còn hiệu lực', en: 'Valid' },
  expiring: { vi: 'Còn hiệu lực – sắp hết hạn', en: 'Valid – expiring soon' },
  in_re_evaluation: { vi: 'Còn hiệu lực – đang đánh giá lại', en: 'Valid – being re-evaluated' },
  extended: { vi: 'Còn hiệu lực đến khi có kết quả đánh giá lại', en: 'Extended until the re-evaluation result' },
  expired: { vi: 'Hết hiệu lực', en: 'Expired' },
  revoked: { vi: 'Đã thu hồi', en: 'Revoked' },
  superseded: { vi: 'Đã được thay thế', en: 'Superseded' },
};

/** The grounds of Art. 8 of QĐ 26/2026, as the decision cites them. */
export const REVOCATION_GROUND_LABELS: Record<(typeof REVOCATION_GROUNDS)[number], { vi: string; en: string }> = {
  a: { vi: 'a) Hồ sơ không trung thực, giả mạo', en: 'a) Untruthful or forged dossier' },
  b: { vi: 'b) Sản phẩm không còn đáp ứng tiêu chí (qua kiểm tra)', en: 'b) No longer meets the criteria (inspection)' },
  c: {
    vi: 'c) Vi phạm pháp luật về chất lượng, an toàn thực phẩm, môi trường, sở hữu trí tuệ, nhãn hàng hóa',
    en: 'c) Breaks quality, food-safety, environment, IP or labelling law',
  },
  d: { vi: 'd) Sử dụng sai nhãn hiệu, biểu trưng OCOP', en: 'd) Misuses the OCOP mark' },
  dd: { vi: 'đ) Chủ thể ngừng sản xuất sản phẩm', en: 'đ) The producer stopped producing' },
  e: { vi: 'e) Trường hợp khác theo kết luận của cơ quan có thẩm quyền', en: 'e) Other findings of a competent authority' },
};

// ————— Certificates issued before the system (legacy import) —————

/** The most certificates one legacy file may hold (Sơn La has about 200). */
export const LEGACY_IMPORT_MAX_ROWS = 2_000;
/** Problems listed in a report (more are counted): a 2,000-row file of wrong dates stays a readable answer. */
export const LEGACY_PROBLEMS_LISTED = 1_000;

export const legacyImportQuery = z
  .object({
    /** `true` (the default) only checks and previews; `false` imports all or nothing. */
    dryRun: z.enum(['true', 'false']).default('true'),
    /** Only for someone whose reach is every province (a system admin); others import into their own. */
    provinceCode: z
      .string()
      .regex(/^\d{2}$/)
      .optional(),
  })
  .strict();

export const legacyTemplateQuery = legacyImportQuery.pick({ provinceCode: true }).strict();

/** One problem of the file, by its xlsx row and column, in the request's language and in both. */
export const legacyImportProblemView = z.object({
  /** The row as the spreadsheet numbers it; null for a problem of the whole file. */
  row: z.number().int().nullable(),
  /** The column letter in the file (A, B, …), when the problem has one. */
  column: z.string().nullable(),
  header: z.string().nullable(),
  code: z.string(),
  message: z.string(),
  messageVi: z.string(),
  messageEn: z.string(),
  details: z.record(z.string(), z.unknown()),
});
export type LegacyImportProblemView = z.infer<typeof legacyImportProblemView>;

/** What a clean row would become: the certificate's facts and its status derived today. */
export const legacyCertificatePreview = z.object({
  row: z.number().int(),
  number: z.string(),
  productName: z.string(),
  productCode: z.string().nullable(),
  /** Linked to a registry product of the province by its code. */
  productLinked: z.boolean(),
  producerName: z.string(),
  stars: z.number().int().min(3).max(5),
  regimeCode: z.string(),
  issuer: z.object({ level: issuerLevelSchema, name: z.string(), unitCode: z.string() }),
  legacyDistrictName: z.string().nullable(),
  legacyCommuneName: z.string().nullable(),
  communeCode: z.string().nullable(),
  decisionNumber: z.string(),
  decisionDate: isoDay,
  issuedOn: isoDay,
  expiresOn: isoDay,
  status: certificateStatusSchema,
});
export type LegacyCertificatePreview = z.infer<typeof legacyCertificatePreview>;

/** The answer of a dry run (200), of an import (201), and the report of a refused import (422, in `details.report`). */
export const legacyImportReport = z.object({
  dryRun: z.boolean(),
  provinceCode: z.string(),
  fileName: z.string(),
  sheetName: z.string().nullable(),
  headerRow: z.number().int().nullable(),
  /** Data rows read (the example row and blank rows not counted). */
  dataRows: z.number().int(),
  rowsOk: z.number().int(),
  rowsWithProblems: z.number().int(),
  /** All problems found; `problems` lists the first LEGACY_PROBLEMS_LISTED of them, by row and column. */
  problemCount: z.number().int(),
  problems: z.array(legacyImportProblemView),
  /** Things worth knowing that stop nothing (the template's example row skipped). */
  notices: z.array(legacyImportProblemView),
  preview: z.array(legacyCertificatePreview),
  /** Certificates written: 0 on a dry run. */
  created: z.number().int(),
});
export type LegacyImportReport = z.infer<typeof legacyImportReport>;
