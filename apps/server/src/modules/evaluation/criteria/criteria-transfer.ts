import {
  CRITERIA_FILE_FORMAT,
  type CriteriaImportIssueView,
  type CriteriaImportReport,
  type CriteriaTransferFile,
  criteriaSetSchema,
  criteriaTransferFile,
} from '@ocop/contracts/evaluation';
import type { CriteriaSet, Criterion, ParsedWorkbook, Regime } from '@ocop/domain/evaluation';
import {
  describeRows,
  parseCriteriaWorkbook,
  rowsOfIssue,
  structureIssues,
  validateCriteriaSet,
  walkCriteria,
} from '@ocop/domain/evaluation';
import { DomainError } from '@ocop/domain/shared';
import type { AuditContext } from '../../identity';
import type { CriteriaDrafts } from './criteria-drafts';
import { buildCriteriaWorkbook, readCriteriaWorkbook } from './criteria-sheet-file';
import type { CriteriaService } from './criteria.service';
import type { CriteriaVersionRow } from './criteria.tables';
import { partTotals } from './criteria.views';

export type CriteriaTransfer = ReturnType<typeof createCriteriaTransfer>;

type RowMap = Pick<ParsedWorkbook, 'rowsOfCriterion' | 'rowsOfPart'>;
type ReadFile = { set: CriteriaSet | null; issues: CriteriaImportIssueView[]; rows: RowMap | null };

/** Only the fields of the model, in its order: a file's extra keys are never stored, and labels keep their exact text. */
function canonicalCriterion(criterion: Criterion): Criterion {
  return {
    code: criterion.code,
    label: criterion.label,
    maxPoints: criterion.maxPoints,
    requirementNote: criterion.requirementNote,
    options: criterion.options.map(({ id, label, points }) => ({ id, label, points })),
    minima: criterion.minima.map(({ stars, optionId }) => ({ stars, optionId })),
    evidence: [...criterion.evidence],
    children: criterion.children.map(canonicalCriterion),
  };
}

export function canonicalSet(set: CriteriaSet): CriteriaSet {
  return {
    regimeCode: set.regimeCode,
    productSetCode: set.productSetCode,
    ordinal: set.ordinal,
    name: set.name,
    parts: set.parts.map((part) => ({
      code: part.code,
      label: part.label,
      maxPoints: part.maxPoints,
      criteria: part.criteria.map(canonicalCriterion),
    })),
    disqualifiers: set.disqualifiers.map(({ id, text, criterionCode }) => ({ id, text, criterionCode })),
  };
}

/** A file name that reads well in Vietnamese; the slash of a regime code ("26/2026") cannot be in one. */
export function exportFileName(row: CriteriaVersionRow, extension: 'xlsx' | 'json'): string {
  const regime = row.regimeCode.replace(/\//g, '-');
  return `Bộ tiêu chí ${row.productSetCode} ${row.content.name} - QĐ ${regime} - phiên bản ${row.version}.${extension}`;
}

const schemaIssues = (error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }, prefix: string) =>
  error.issues.slice(0, 50).map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter((part) => part !== '').join('.'),
    code: 'file.schema',
    message: `Dữ liệu không hợp lệ ở ${[prefix, ...issue.path.map(String)].filter((part) => part !== '').join('.') || 'tệp'}: ${issue.message}`,
  }));

function readJson(bytes: Buffer): ReadFile {
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
  } catch {
    return { set: null, rows: null, issues: [{ path: 'tệp', code: 'file.json_invalid', message: 'Tệp JSON không đúng cú pháp.' }] };
  }
  let parsed: ReturnType<typeof criteriaTransferFile.safeParse>;
  try {
    parsed = criteriaTransferFile.safeParse(value);
  } catch {
    // Nesting deep enough to exhaust the stack is no criteria set.
    return { set: null, rows: null, issues: [{ path: 'tệp', code: 'file.schema', message: 'Tệp JSON lồng quá sâu.' }] };
  }
  if (!parsed.success) {
    const format = (value as { format?: unknown } | null)?.format;
    if (format !== CRITERIA_FILE_FORMAT)
      return {
        set: null,
        rows: null,
        issues: [
          {
            path: 'format',
            code: 'file.not_criteria',
            message: `Tệp JSON không phải bộ tiêu chí (cần "format": "${CRITERIA_FILE_FORMAT}").`,
          },
        ],
      };
    return { set: null, rows: null, issues: schemaIssues(parsed.error, '') };
  }
  // The schema trims labels; what is stored is the file's own text, restricted to the model's fields.
  return { set: canonicalSet((value as CriteriaTransferFile).content as CriteriaSet), rows: null, issues: [] };
}

async function readXlsx(bytes: Buffer): Promise<ReadFile> {
  const sheets = await readCriteriaWorkbook(bytes);
  const parsed = parseCriteriaWorkbook(sheets);
  const issues = [...sheets.issues, ...parsed.issues];
  if (!parsed.set) return { set: null, rows: parsed, issues };
  const checked = criteriaSetSchema.safeParse(parsed.set);
  if (!checked.success) issues.push(...schemaIssues(checked.error, ''));
  return { set: parsed.set, rows: parsed, issues };
}

/** Which reader a file needs, by its first bytes: an xlsx is a zip ("PK"), a JSON export starts with "{". */
async function readTransferFile(bytes: Buffer): Promise<ReadFile> {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b) return readXlsx(bytes);
  const start = bytes
    .subarray(0, 64)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (start.startsWith('{')) return readJson(bytes);
  throw new DomainError('invalid', 'criteria.import_unreadable', 'Neither an xlsx workbook nor a JSON export.');
}

/** The set's own problems (structure, then the validator's), each with the xlsx rows it concerns in front of its message. */
function setIssues(set: CriteriaSet, regime: Regime, rows: RowMap | null): CriteriaImportIssueView[] {
  const found: { path: string; code: string; message: string; criterionCode?: string }[] = [
    ...structureIssues(set),
    // The structural check already names duplicate codes and minima naming no option.
    ...validateCriteriaSet(set, regime).filter(
      (issue) => issue.code !== 'criterion.duplicate_code' && issue.code !== 'minimum.not_an_option',
    ),
  ];
  return found.map((issue) => {
    const at = rows ? rowsOfIssue(rows, issue) : [];
    const view = { path: issue.path, code: issue.code, message: at.length > 0 ? `${describeRows(at)}: ${issue.message}` : issue.message };
    return at.length > 0 ? { row: at[0] as number, rows: at, ...view } : view;
  });
}

function summaryOf(set: CriteriaSet | null, regime: Regime): CriteriaImportReport['summary'] {
  if (!set) return { parts: regime.parts.map((part) => ({ code: part.code, maxPoints: part.maxPoints, sum: 0 })), criteria: 0, options: 0 };
  const all = [...walkCriteria(set)].map((entry) => entry.criterion);
  return {
    parts: partTotals(set, regime),
    criteria: all.length,
    options: all.reduce((sum, criterion) => sum + criterion.options.length, 0),
  };
}

/** Export of a version as xlsx or JSON, and import of either as the set's draft, dry run first. */
export function createCriteriaTransfer({ criteria, drafts }: { criteria: CriteriaService; drafts: CriteriaDrafts }) {
  async function check(regimeCode: string, productSetCode: string, bytes: Buffer) {
    const regime = await criteria.regime(regimeCode);
    const file = await readTransferFile(bytes);
    const issues = [...file.issues];
    if (file.set && (file.set.regimeCode !== regime.code || file.set.productSetCode !== productSetCode)) {
      issues.push({
        path: 'tệp',
        code: 'criteria.content_mismatch',
        message: `Tệp là bộ tiêu chí ${file.set.productSetCode} theo quy định ${file.set.regimeCode}, không phải bộ ${productSetCode} theo quy định ${regime.code}.`,
      });
    }
    if (file.set && file.issues.length === 0) issues.push(...setIssues(file.set, regime, file.rows));
    const report: CriteriaImportReport = { ok: issues.length === 0 && file.set !== null, issues, summary: summaryOf(file.set, regime) };
    return { report, set: file.set };
  }

  return {
    exportJson: async (versionId: string) => {
      const row = await criteria.version(versionId);
      const body: CriteriaTransferFile = {
        format: CRITERIA_FILE_FORMAT,
        formatVersion: 1,
        regimeCode: row.regimeCode,
        productSetCode: row.productSetCode,
        version: row.version,
        content: row.content as CriteriaTransferFile['content'],
      };
      return { fileName: exportFileName(row, 'json'), bytes: Buffer.from(`${JSON.stringify(body, null, 2)}\n`, 'utf8') };
    },

    exportXlsx: async (versionId: string) => {
      const row = await criteria.version(versionId);
      return { fileName: exportFileName(row, 'xlsx'), bytes: await buildCriteriaWorkbook(row.content, row.version) };
    },

    /** What importing the file would find; changes nothing. */
    dryRun: async (regimeCode: string, productSetCode: string, bytes: Buffer) => (await check(regimeCode, productSetCode, bytes)).report,

    /** Imports the file as the set's draft, only if its dry run is clean. */
    commit: async (
      userId: string | null,
      regimeCode: string,
      productSetCode: string,
      upload: { bytes: Buffer; filename: string },
      context: AuditContext,
    ) => {
      const { report, set } = await check(regimeCode, productSetCode, upload.bytes);
      const [first] = report.issues;
      if (!report.ok || !set)
        throw new DomainError('invalid', 'criteria.import_invalid', 'The file has problems.', {
          count: report.issues.length,
          first: first?.message ?? '',
          issues: report.issues,
        });
      return drafts.replaceWithImport(userId, set, upload.filename, context);
    },
  };
}
