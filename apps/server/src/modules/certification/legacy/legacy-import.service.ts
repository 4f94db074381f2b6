import {
  LEGACY_PROBLEMS_LISTED,
  type LegacyCertificatePreview,
  type LegacyImportProblemView,
  type LegacyImportReport,
} from '@ocop/contracts/certification';
import type { Language } from '@ocop/contracts/common';
import { errorMessage } from '@ocop/contracts/errors';
import { certificateStatus, type StatusPolicy } from '@ocop/domain/certification';
import { vietnamDate } from '@ocop/domain/registry';
import { can, DomainError, type RoleGrant } from '@ocop/domain/shared';
import type { Clock } from '../../../platform/clock';
import { isUniqueViolation } from '../../../platform/database/sql';
import type { Transactions } from '../../../platform/database/transaction';
import { sniffAllowedType } from '../../../platform/files/file-sniffing';
import { readXlsxSheets } from '../../../platform/spreadsheets/sheet-reader';
import type { AuditContext, AuditService } from '../../identity';
import type { CertificationEvaluation, CertificationRegistry } from '../certification-ports';
import type { CertificateRepository } from '../certificates/certificate.repository';
import type { CertificateInsert } from '../certificates/certificate.tables';
import type { CertificateActor, CertificateService } from '../certificates/certificate.service';
import { LEGACY_COLUMN_KEYS, LEGACY_COLUMNS } from './legacy-columns';
import {
  duplicateNumbers,
  LEGACY_REGIMES,
  type LegacyContext,
  type LegacyDraft,
  type LegacyProblem,
  type LegacySheet,
  parseLegacyRow,
  readLegacySheet,
} from './legacy-import';
import { buildLegacyTemplate } from './legacy-template';

export type LegacyImportInput = { bytes: Buffer; fileName: string; provinceCode?: string | undefined; dryRun: boolean; language: Language };

type Linked = { id: string; producerId: string; communeCode: string } | null;

/** A checked file: every problem, and the certificates its clean rows would become. */
type Checked = { problems: LegacyProblem[]; rows: { draft: LegacyDraft; insert: CertificateInsert }[] };

/**
 * The import of certificates issued before the system (issue 12 item 7): the template, a dry run
 * that reports every problem by row and column and previews the certificates, and the import, all
 * or nothing in one transaction. The certificates keep their issuer (a former district committee or
 * the province), their old district and commune, and their regime; their status is derived from
 * their dates like any other's.
 */
export function createLegacyImport(deps: {
  transactions: Transactions;
  clock: Clock;
  audit: AuditService;
  repository: CertificateRepository;
  evaluation: CertificationEvaluation;
  registry: CertificationRegistry;
  certificates: CertificateService;
}) {
  const { transactions, clock, audit, repository, evaluation, registry, certificates } = deps;

  /** The caller's own province, or the one asked for by someone whose reach is wider; refused outside their reach. */
  function provinceFor(grants: readonly RoleGrant[], requested: string | undefined): string {
    const own = [...new Set(grants.map((grant) => grant.provinceCode).filter((code): code is string => code !== null))];
    const provinceCode = requested ?? (own.length === 1 ? own[0] : undefined);
    if (!provinceCode)
      throw new DomainError('invalid', 'import.province_required', 'Choose the province to import into.', { field: 'provinceCode' });
    if (!can(grants, 'certificates.manage', { provinceCode }))
      throw new DomainError('forbidden', 'import.not_allowed', 'Only provincial staff may import certificates.', { provinceCode });
    return provinceCode;
  }

  async function contextOf(provinceCode: string): Promise<LegacyContext & { provinceName: string }> {
    const provinceName = (await registry.provinceName(provinceCode)) ?? provinceCode;
    const validityMonths = { '1048/2019': 36, '148/2023': 36 };
    for (const code of Object.values(LEGACY_REGIMES)) validityMonths[code] = (await evaluation.terms(code)).validityMonths;
    return {
      today: vietnamDate(clock.now()),
      provinceCode,
      provinceName,
      // "Tỉnh Sơn La" → "Ủy ban nhân dân tỉnh Sơn La", as the province's own certificates name it.
      provinceIssuerName: `Ủy ban nhân dân ${provinceName.charAt(0).toLocaleLowerCase('vi')}${provinceName.slice(1)}`,
      districts: await registry.formerDistricts(provinceCode),
      validityMonths,
    };
  }

  async function check(sheet: LegacySheet, ctx: LegacyContext, createdBy: string | null): Promise<Checked> {
    const problems = [...sheet.problems];
    const parsed = sheet.rows.map((row) => parseLegacyRow(row, ctx));
    for (const row of parsed) problems.push(...row.problems);
    const keys = parsed.map((row) => row.keys);
    const numbers = [...new Set(keys.flatMap((row) => (row.number ? [row.number] : [])))];
    problems.push(...duplicateNumbers(keys, await repository.existingNumbers(numbers)));
    const products = new Map<string, Linked>();
    for (const { productCode } of keys)
      if (productCode && !products.has(productCode)) products.set(productCode, await registry.productByCode(ctx.provinceCode, productCode));
    for (const { rowNumber, productCode } of keys)
      if (productCode && !products.get(productCode))
        problems.push({ row: rowNumber, key: 'productCode', code: 'certificate.legacy_product_not_found', details: { code: productCode } });

    const rowsWithProblems = new Set(problems.map((problem) => problem.row));
    const clean = parsed.flatMap((row) => (row.draft && !rowsWithProblems.has(row.draft.rowNumber) ? [row.draft] : []));
    const successors = new Map<string, string | null>();
    for (const { commune } of clean)
      if (commune && !successors.has(commune.code)) successors.set(commune.code, await registry.successorCommune(commune.code));
    const now = clock.now();
    return {
      problems,
      rows: clean.map((draft) => {
        const product = draft.productCode ? (products.get(draft.productCode) ?? null) : null;
        const successor = draft.commune ? (successors.get(draft.commune.code) ?? null) : null;
        return { draft, insert: insertOf(ctx.provinceCode, draft, product, successor, createdBy, now) };
      }),
    };
  }

  function reportOf(
    input: LegacyImportInput & { provinceCode: string },
    sheet: LegacySheet,
    checked: Checked,
    policy: StatusPolicy,
    today: string,
  ): LegacyImportReport {
    const columnOf = (problem: LegacyProblem) => (problem.key ? LEGACY_COLUMN_KEYS.indexOf(problem.key) : -1);
    const sorted = [...checked.problems].sort((a, b) => (a.row ?? 0) - (b.row ?? 0) || columnOf(a) - columnOf(b));
    const rowsWithProblems = new Set(sorted.flatMap((problem) => (problem.row !== null ? [problem.row] : []))).size;
    return {
      dryRun: input.dryRun,
      provinceCode: input.provinceCode,
      fileName: input.fileName,
      sheetName: sheet.sheetName,
      headerRow: sheet.headerRow,
      dataRows: sheet.rows.length,
      rowsOk: checked.rows.length,
      rowsWithProblems,
      problemCount: sorted.length,
      problems: sorted.slice(0, LEGACY_PROBLEMS_LISTED).map((problem) => problemView(problem, sheet, input.language)),
      notices: sheet.notices.map((notice) => problemView(notice, sheet, input.language)),
      preview: checked.rows.map(({ draft, insert }) => previewOf(draft, insert, policy, today)),
      created: 0,
    };
  }

  async function insertAll(rows: CertificateInsert[]): Promise<string[]> {
    try {
      const ids = await repository.insertMany(rows);
      // A number asked for before (and remembered as unknown) is a certificate now.
      certificates.forgetCached();
      return ids;
    } catch (error) {
      // Another import took one of the numbers between our check and our write.
      if (isUniqueViolation(error, 'certificates_number_key')) {
        const number = takenNumberIn(error);
        throw new DomainError('conflict', 'certificate.number_taken', 'A number was taken meanwhile.', { number });
      }
      throw error;
    }
  }

  return {
    provinceFor,

    /** The template for the province: headers, a marked example row, the former districts and communes. */
    template: async (actor: CertificateActor, requested: string | undefined) => {
      const provinceCode = provinceFor(actor.grants, requested);
      const ctx = await contextOf(provinceCode);
      return buildLegacyTemplate({ provinceName: ctx.provinceName, districts: ctx.districts });
    },

    /** A dry run (nothing written) or the import of every row (all or nothing; 422 with the report on any problem). */
    run: async (actor: CertificateActor, input: LegacyImportInput, context: AuditContext): Promise<LegacyImportReport> => {
      const provinceCode = provinceFor(actor.grants, input.provinceCode);
      await assertXlsx(input.bytes);
      // The file is read before the transaction opens: reading yields to other requests, a transaction should not wait on it.
      const sheet = await readLegacySheet(readXlsxSheets(input.bytes));
      return transactions.run(async () => {
        const ctx = await contextOf(provinceCode);
        const checked = await check(sheet, ctx, actor.userId);
        const report = reportOf({ ...input, provinceCode }, sheet, checked, await certificates.policyOf(provinceCode), ctx.today);
        if (input.dryRun) return report;
        if (report.problemCount > 0)
          throw new DomainError('invalid', 'certificate.legacy_import_rejected', 'The file has problems; nothing was imported.', {
            problems: report.problemCount,
            rows: report.rowsWithProblems,
            report,
          });
        const ids = await insertAll(checked.rows.map((row) => row.insert));
        // An old certificate of a product certified again since is superseded by the newer one.
        const linked = [...new Set(checked.rows.flatMap((row) => (row.insert.productId ? [row.insert.productId] : [])))];
        await repository.supersedeOlderOfProducts(linked);
        await audit.record(context, {
          action: 'certificate.legacy_imported',
          entityType: 'certificate',
          entityId: null,
          provinceCode,
          after: { count: ids.length, fileName: input.fileName, sheetName: sheet.sheetName },
        });
        return { ...report, created: ids.length };
      });
    },
  };
}

export type LegacyImport = ReturnType<typeof createLegacyImport>;

/** The number PostgreSQL names in a unique violation ("Key (number)=(12/GCN) already exists."), on the error or its causes. */
function takenNumberIn(error: unknown): string {
  for (let cause = error; typeof cause === 'object' && cause !== null; cause = (cause as { cause?: unknown }).cause) {
    const found = /\(number\)=\((.*)\)/.exec(String((cause as { detail?: unknown }).detail ?? ''));
    if (found?.[1]) return found[1];
  }
  return '?';
}

/** Only an .xlsx workbook, decided from its bytes. */
async function assertXlsx(bytes: Buffer): Promise<void> {
  const refuse = (detected: unknown) =>
    new DomainError('invalid', 'file.type_not_allowed', 'Only an .xlsx workbook is accepted.', { detected, accepted: 'XLSX' });
  const found = await sniffAllowedType(bytes).catch((error: unknown) => {
    if (error instanceof DomainError && error.code === 'file.type_not_allowed') throw refuse(error.details.detected);
    throw error;
  });
  if (found.extension !== 'xlsx') throw refuse(found.extension.toUpperCase());
}

function insertOf(
  provinceCode: string,
  draft: LegacyDraft,
  product: Linked,
  successor: string | null,
  createdBy: string | null,
  now: Date,
): CertificateInsert {
  return {
    provinceCode,
    number: draft.number,
    seq: null,
    year: Number(draft.issuedOn.slice(0, 4)),
    source: 'legacy',
    productId: product?.id ?? null,
    producerId: product?.producerId ?? null,
    productName: draft.productName,
    productCode: draft.productCode,
    productSetName: draft.productSetName,
    producerName: draft.producerName,
    producerAddress: draft.producerAddress,
    // The 2025 commune the old one went into; else the linked product's producer's commune.
    communeCode: successor ?? product?.communeCode ?? null,
    legacyDistrictCode: draft.district?.code ?? null,
    legacyDistrictName: draft.district?.name ?? null,
    legacyCommuneCode: draft.commune?.code ?? null,
    stars: draft.stars,
    regimeCode: draft.regimeCode,
    issuerLevel: draft.issuer.level,
    issuerName: draft.issuer.name,
    issuerUnitCode: draft.issuer.unitCode,
    decisionNumber: draft.decisionNumber,
    decisionDate: draft.decisionDate,
    issuedOn: draft.issuedOn,
    expiresOn: draft.expiresOn,
    createdBy,
    createdAt: now,
  };
}

function previewOf(draft: LegacyDraft, insert: CertificateInsert, policy: StatusPolicy, today: string): LegacyCertificatePreview {
  const facts = {
    issuedOn: draft.issuedOn,
    expiresOn: draft.expiresOn,
    revokedFrom: null,
    supersededFrom: null,
    pendingReEvaluation: null,
  };
  return {
    row: draft.rowNumber,
    number: draft.number,
    productName: draft.productName,
    productCode: draft.productCode,
    productLinked: insert.productId != null,
    producerName: draft.producerName,
    stars: draft.stars,
    regimeCode: draft.regimeCode,
    issuer: draft.issuer,
    legacyDistrictName: draft.district?.name ?? null,
    legacyCommuneName: draft.commune?.name ?? null,
    communeCode: insert.communeCode ?? null,
    decisionNumber: draft.decisionNumber,
    decisionDate: draft.decisionDate,
    issuedOn: draft.issuedOn,
    expiresOn: draft.expiresOn,
    status: certificateStatus(facts, today, policy).status,
  };
}

function problemView(problem: LegacyProblem, sheet: LegacySheet, language: Language): LegacyImportProblemView {
  const messageVi = errorMessage(problem.code, 'vi', problem.details);
  const messageEn = errorMessage(problem.code, 'en', problem.details);
  const header = problem.key ? (LEGACY_COLUMNS.find((column) => column.key === problem.key)?.header ?? null) : (problem.header ?? null);
  return {
    row: problem.row,
    column: problem.key ? sheet.letterOf(problem.key) : null,
    header,
    code: problem.code,
    message: language === 'vi' ? messageVi : messageEn,
    messageVi,
    messageEn,
    details: problem.details,
  };
}
