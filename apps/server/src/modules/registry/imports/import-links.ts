import { type AnyColumn, eq, or, type SQL, sql } from 'drizzle-orm';
import { importChanges } from './import.tables';

/**
 * The records an import created (their `import_id` is its id) or changed (noted in
 * import_changes when it completed): what its history links to.
 */
export function touchedByImport(importId: string, recordId: AnyColumn, createdBy: AnyColumn): SQL {
  const changed = sql`exists (select 1 from ${importChanges} where ${importChanges.importId} = ${importId} and ${importChanges.recordId} = ${recordId})`;
  return or(eq(createdBy, importId), changed) as SQL;
}
