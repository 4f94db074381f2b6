import type { Config } from './config';
import { loadAdminUnits } from './modules/geography';
import { loadEvaluationReference } from './modules/evaluation';
import { loadClassifications } from './modules/registry';
import { openDatabase, type DatabaseHandle } from './platform/database/database';
import { runMigrations } from './platform/database/migrate';

/** Opens the configured database and brings schema and reference data up to date. */
export async function openPreparedDatabase(
  config: Pick<Config, 'databaseUrl' | 'dataDir'>,
): Promise<{ database: DatabaseHandle; loadedSnapshots: string[] }> {
  const database = await openDatabase(config);
  try {
    await runMigrations(database);
    const loadedSnapshots = await loadAdminUnits(database.db);
    await loadClassifications(database.db);
    // After the classifications: their product sets name the score sheets.
    await loadEvaluationReference(database.db);
    return { database, loadedSnapshots };
  } catch (error) {
    await database.close();
    throw error;
  }
}
