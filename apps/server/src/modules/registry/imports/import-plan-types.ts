import { DomainError } from '@ocop/domain/shared';
import type { AuditContext } from '../../identity';
import type { RegistryActor } from '../shared/registry-support';
import type { CellInput, ParseContext, SheetProblem } from './sheet-columns';
import type { PRODUCER_COLUMNS } from './producer-columns';
import type { PRODUCT_COLUMNS } from './product-columns';

/** A problem of one row: on the column named by `key` (a template column key), or on the whole row when null. */
export type RowProblem = { key: string | null; code: string; details: Record<string, unknown> };

/** A data row after parsing: its values by column key, and which columns the file has at all. */
export type ParsedRow<V> = { rowNumber: number; values: V; present: ReadonlySet<string> };

export type PlannedRow<V> = ParsedRow<V> & {
  existingId: string | null;
  /** For a product row, the producer its tax code names (found while checking). */
  producerId?: string | null;
  problems: RowProblem[];
};

export type ApplyOutcome = 'created' | 'updated' | 'unchanged';

/** Plans read on the ambient handle, so inside the import's transaction they read its writes. */
export type PlanEnv = { provinceCode: string; currentYear: number };
export type ApplyEnv = { actor: RegistryActor; context: AuditContext; provinceCode: string };

/** What the import needs to know about one kind of record: columns, parsing, checks against the database, writing. */
export type ImportPlan<V> = {
  columns: typeof PRODUCER_COLUMNS | typeof PRODUCT_COLUMNS;
  parse: (cells: readonly CellInput[], ctx: ParseContext) => { values: V; problems: SheetProblem[] };
  /** Checks every row against the others and the stored records, without writing; fills `existingId`. */
  plan: (rows: ParsedRow<V>[], env: PlanEnv) => Promise<PlannedRow<V>[]>;
  /** Writes one checked row inside the import's transaction, through the registry's own services. */
  apply: (row: PlannedRow<V>, env: ApplyEnv) => Promise<ApplyOutcome>;
  /**
   * Optional: writes all the checked rows that add a record (`existingId` null) at once, with the same
   * results as `apply` on each in turn; reports progress per chunk; a failing row throws an ImportRowError.
   */
  createMany?: (rows: PlannedRow<V>[], env: ApplyEnv, onChunk: (rows: number) => Promise<void> | void) => Promise<void>;
  /**
   * Optional: of the checked rows that match a record, the numbers of those whose `apply` would change
   * nothing, read in bulk so that they need no work per row.
   */
  unchanged?: (rows: PlannedRow<V>[], env: ApplyEnv) => Promise<Set<number>>;
  /**
   * Optional: writes the rows that add a record under the import, in short transactions, invisible
   * until the import completes (instead of `createMany` inside the import's one transaction), so that
   * other requests are served while a large import writes.
   */
  staging?: ImportStaging<V>;
};

export type ImportStaging<V> = {
  /** Same checks and results as `createMany`; a failing row throws an ImportRowError. */
  stage: (rows: PlannedRow<V>[], env: ApplyEnv, importId: string, onChunk: (rows: number) => Promise<void> | void) => Promise<void>;
  /** Removes what an import that did not complete staged (again after a crash). */
  discard: (importId: string, signal?: AbortSignal) => Promise<number>;
  /** Writes the audit entries of the staged records once the import completed; resumes after a crash. */
  recordCreated: (importId: string, context: AuditContext, signal?: AbortSignal) => Promise<number>;
};

/** A DomainError of one row of a bulk write, so that the import can name the row. */
export class ImportRowError extends Error {
  constructor(
    readonly rowNumber: number,
    readonly error: DomainError,
  ) {
    super(error.message);
    this.name = 'ImportRowError';
  }
}

// Helpers shared by the producer and the product plans.

/** Runs a domain check and turns its DomainError into a problem of the row (on `fallbackKey` unless the error names a field). */
export function check<T>(problems: RowProblem[], fallbackKey: string | null, work: () => T): T | undefined {
  try {
    return work();
  } catch (error) {
    if (error instanceof DomainError) {
      const field = typeof error.details.field === 'string' ? error.details.field : fallbackKey;
      problems.push({ key: field, code: error.code, details: { ...error.details } });
      return undefined;
    }
    throw error;
  }
}

/** Absent columns keep what is stored; present but empty cells clear it. */
export function given<V extends Record<string, unknown>, K extends keyof V & string>(row: ParsedRow<V>, key: K): V[K] | undefined {
  return row.present.has(key) ? row.values[key] : undefined;
}

/** The version of a stored record, read inside the import's transaction. */
export async function storedVersion(
  lookups: { versionOf: (kind: 'producer' | 'product', id: string) => Promise<number | undefined> },
  kind: 'producer' | 'product',
  id: string,
): Promise<{ version: number }> {
  const version = await lookups.versionOf(kind, id);
  if (version === undefined)
    throw new DomainError('not_found', kind === 'producer' ? 'producer.not_found' : 'product.not_found', 'The record disappeared.');
  return { version };
}
