import { foldVietnamese } from '@ocop/domain/shared';
import { and, eq, inArray } from 'drizzle-orm';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from '../../../platform/database/database';
import { REFERENCE_DATA_FOLDER } from '../../../platform/paths';
import { classificationVersions, productGroups, productSetMappings, productSets } from './classification.tables';

type ClassificationFile = {
  code: string;
  name: string;
  legalBasis: string;
  effectiveFrom: string;
  effectiveTo: string | null;
  note?: string;
  groups: { code: string; name: string }[];
  sets: {
    code: string;
    groupCode: string;
    subgroupCode?: string | null;
    subgroupName?: string | null;
    name: string;
    managingAgency?: string | null;
    requiresSamples: boolean;
    /** For a set of an earlier classification: codes of the sets of the version in force it became. */
    mapsTo?: string[];
    mappingNote?: string;
  }[];
};

const CLASSIFICATION_FOLDER = join(REFERENCE_DATA_FOLDER, 'classification');

/**
 * Loads every classification file whose version is not in the database yet, in one transaction
 * per version; versions already there are left alone, so corrections made by a system admin
 * survive restarts. Then links older sets to the sets they became. Returns the versions loaded.
 */
export async function loadClassifications(db: Database, folder = CLASSIFICATION_FOLDER): Promise<string[]> {
  const files = readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .map((name) => JSON.parse(readFileSync(join(folder, name), 'utf8')) as ClassificationFile)
    .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  const loaded: string[] = [];
  for (const file of files) {
    const [present] = await db
      .select({ code: classificationVersions.code })
      .from(classificationVersions)
      .where(eq(classificationVersions.code, file.code));
    if (present) continue;
    await db.transaction(async (tx) => {
      await tx.insert(classificationVersions).values({
        code: file.code,
        name: file.name,
        legalBasis: file.legalBasis,
        effectiveFrom: file.effectiveFrom,
        effectiveTo: file.effectiveTo,
        note: file.note ?? null,
      });
      await tx
        .insert(productGroups)
        .values(file.groups.map((group, index) => ({ versionCode: file.code, code: group.code, name: group.name, sortOrder: index + 1 })));
      await tx.insert(productSets).values(
        file.sets.map((set, index) => ({
          versionCode: file.code,
          code: set.code,
          groupCode: set.groupCode,
          subgroupCode: set.subgroupCode ?? null,
          subgroupName: set.subgroupName ?? null,
          name: set.name,
          nameFolded: foldVietnamese(set.name),
          managingAgency: set.managingAgency ?? null,
          requiresSamples: set.requiresSamples,
          effectiveFrom: file.effectiveFrom,
          effectiveTo: file.effectiveTo,
          sortOrder: index + 1,
        })),
      );
    });
    loaded.push(file.code);
  }
  if (loaded.length > 0) await linkLegacySets(db, files);
  return loaded;
}

/** Mappings point from an older version's sets to the newest version that has the target codes. */
async function linkLegacySets(db: Database, files: ClassificationFile[]) {
  const current = files.at(-1);
  if (!current) return;
  await db.transaction(async (tx) => {
    const targets = await tx
      .select({ id: productSets.id, code: productSets.code })
      .from(productSets)
      .where(eq(productSets.versionCode, current.code));
    const targetId = new Map(targets.map((row) => [row.code, row.id]));
    for (const file of files.slice(0, -1)) {
      const legacy = await tx
        .select({ id: productSets.id, code: productSets.code })
        .from(productSets)
        .where(
          and(
            eq(productSets.versionCode, file.code),
            inArray(
              productSets.code,
              file.sets.map((set) => set.code),
            ),
          ),
        );
      const legacyId = new Map(legacy.map((row) => [row.code, row.id]));
      const rows = file.sets.flatMap((set) =>
        (set.mapsTo ?? []).flatMap((code, index) => {
          const from = legacyId.get(set.code);
          const to = targetId.get(code);
          return from && to ? [{ legacySetId: from, currentSetId: to, isPrimary: index === 0, note: set.mappingNote ?? null }] : [];
        }),
      );
      if (rows.length > 0) await tx.insert(productSetMappings).values(rows).onConflictDoNothing();
    }
  });
}
