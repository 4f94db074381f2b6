import { foldVietnamese } from '@ocop/domain/shared';
import { and, eq, inArray, isNull } from 'drizzle-orm';
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
 * per version; versions already there are left alone (but for an end date a later decision set),
 * so corrections made by a system admin survive restarts. Then links each version's sets to the
 * sets of the next version they became. Returns the versions loaded or closed.
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
    if (present) {
      if (await closeEndedVersion(db, file)) loaded.push(file.code);
      continue;
    }
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

/**
 * A later decision ends a version already loaded (QĐ 26/2026 ended QĐ 148 on 2026-07-20): the end
 * date in the file is copied onto the version and its sets, but only while the database has none,
 * so an end date a system admin set stays. Returns whether it changed anything.
 */
async function closeEndedVersion(db: Database, file: ClassificationFile): Promise<boolean> {
  if (file.effectiveTo === null) return false;
  const effectiveTo = file.effectiveTo;
  return db.transaction(async (tx) => {
    const closed = await tx
      .update(classificationVersions)
      .set({ effectiveTo, updatedAt: new Date() })
      .where(and(eq(classificationVersions.code, file.code), isNull(classificationVersions.effectiveTo)))
      .returning({ code: classificationVersions.code });
    if (closed.length === 0) return false;
    await tx
      .update(productSets)
      .set({ effectiveTo, updatedAt: new Date() })
      .where(and(eq(productSets.versionCode, file.code), isNull(productSets.effectiveTo)));
    return true;
  });
}

/**
 * A set's `mapsTo` names sets of the version that followed its own (1048 → 148, 148 → 26/2026),
 * so each link points from a version's sets to the codes of the next one.
 */
async function linkLegacySets(db: Database, files: ClassificationFile[]) {
  await db.transaction(async (tx) => {
    const idsOf = async (file: ClassificationFile) => {
      const rows = await tx
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
      return new Map(rows.map((row) => [row.code, row.id]));
    };
    for (const [index, file] of files.entries()) {
      const next = files[index + 1];
      if (!next) break;
      const [legacyId, targetId] = [await idsOf(file), await idsOf(next)];
      const rows = file.sets.flatMap((set) =>
        (set.mapsTo ?? []).flatMap((code, position) => {
          const from = legacyId.get(set.code);
          const to = targetId.get(code);
          return from && to ? [{ legacySetId: from, currentSetId: to, isPrimary: position === 0, note: set.mappingNote ?? null }] : [];
        }),
      );
      if (rows.length > 0) await tx.insert(productSetMappings).values(rows).onConflictDoNothing();
    }
  });
}

/** The sets of one classification by code and name, for loaders of data keyed by them (score sheets). */
export async function readProductSetNames(db: Database, versionCode: string): Promise<{ code: string; name: string }[]> {
  return db
    .select({ code: productSets.code, name: productSets.name })
    .from(productSets)
    .where(eq(productSets.versionCode, versionCode))
    .orderBy(productSets.sortOrder);
}
