import type { Transactions } from '../../../platform/database/transaction';
import { classificationInForce, vietnamDate } from '@ocop/domain/registry';
import { DomainError, foldVietnamese } from '@ocop/domain/shared';
import type { Clock } from '../../../platform/clock';
import type { AuditContext, AuditService } from '../../identity';
import { createClassificationRepository, type ProductSetLink } from './classification.repository';
import type { ClassificationVersionRow, ProductSetRow, productSets } from './classification.tables';
import type { LookupResult } from '../imports/sheet-columns';

export type ClassificationService = ReturnType<typeof createClassificationService>;

export type { ProductSetLink } from './classification.repository';

export type ProductSetDetail = ProductSetRow & { groupName: string; mapsTo: ProductSetLink[]; mappedFrom: ProductSetLink[] };

export type ProductSetChange = {
  name?: string | undefined;
  managingAgency?: string | null | undefined;
  effectiveFrom?: string | undefined;
  effectiveTo?: string | null | undefined;
};

/** Code of the 1048-era classification, to which "legacy" product sets belong. */
export const LEGACY_CLASSIFICATION = 'qd1048-2019';

export function createClassificationService(deps: { transactions: Transactions; clock: Clock; audit: AuditService }) {
  const { transactions, clock, audit } = deps;
  const repository = createClassificationRepository({ transactions });

  async function versions(): Promise<ClassificationVersionRow[]> {
    return repository.listVersions();
  }

  async function versionInForce(): Promise<ClassificationVersionRow> {
    const version = classificationInForce(await versions(), vietnamDate(clock.now()));
    if (!version) throw new DomainError('not_found', 'classification.version_not_found', 'No classification is in force.', { version: '' });
    return version;
  }

  async function links(setIds: string[], direction: 'mapsTo' | 'mappedFrom'): Promise<Map<string, ProductSetLink[]>> {
    const result = new Map<string, ProductSetLink[]>();
    if (setIds.length === 0) return result;
    for (const { anchor, ...link } of await repository.listLinks(setIds, direction))
      result.set(anchor, [...(result.get(anchor) ?? []), link]);
    return result;
  }

  async function details(rows: ProductSetRow[]): Promise<ProductSetDetail[]> {
    const ids = rows.map((row) => row.id);
    const [groups, mapsTo, mappedFrom] = await Promise.all([
      repository.listGroupsByVersions([...new Set(rows.map((row) => row.versionCode))]),
      links(ids, 'mapsTo'),
      links(ids, 'mappedFrom'),
    ]);
    return rows.map((row) => ({
      ...row,
      groupName: groups.find((group) => group.versionCode === row.versionCode && group.code === row.groupCode)?.name ?? '',
      mapsTo: mapsTo.get(row.id) ?? [],
      mappedFrom: mappedFrom.get(row.id) ?? [],
    }));
  }

  const findSet = (id: string) => repository.findSetById(id);

  /** Matches "1.5.1 - Chè tươi, chè chế biến", "1.5.1" or the name (ignoring diacritics) among sets. */
  function matcher(sets: ProductSetRow[]) {
    return (text: string): LookupResult => {
      const code = /^(\d+(?:\.\d+)*)(?:\s*[-–:.]\s*|\s+|$)/.exec(text.trim())?.[1];
      if (code) {
        const byCode = sets.find((set) => set.code === code);
        if (byCode) return { found: byCode.id };
      }
      const folded = foldVietnamese(text.replace(/^\d+(?:\.\d+)*\s*[-–:.]?\s*/, ''));
      const byName = sets.filter((set) => set.nameFolded === folded);
      if (byName.length === 1 && byName[0]) return { found: byName[0].id };
      return byName.length > 1 ? 'ambiguous' : 'not_found';
    };
  }

  return {
    versions: () => versions(),
    versionInForce,

    /** Sets of one classification (the one in force by default), with their group names and mappings. */
    listSets: async (query: { version?: string | undefined; groupCode?: string | undefined }) => {
      const all = await versions();
      const inForce = await versionInForce();
      const version = query.version ? all.find((row) => row.code === query.version) : inForce;
      if (!version)
        throw new DomainError('not_found', 'classification.version_not_found', 'No such classification.', { version: query.version ?? '' });
      const rows = await repository.listSets({ versionCodes: [version.code], groupCode: query.groupCode });
      const groups = await repository.listGroupsByVersions([version.code]);
      return { version, inForceCode: inForce.code, groups, items: await details(rows) };
    },

    getSet: async (id: string) => {
      const row = await findSet(id);
      if (!row) throw new DomainError('not_found', 'product_set.not_found', 'No such product set.');
      const [detail] = await details([row]);
      return detail as ProductSetDetail;
    },

    /** Sets by id, with group names, for views; unknown ids are skipped. */
    setsByIds: async (ids: string[]) => {
      if (ids.length === 0) return new Map<string, ProductSetRow & { groupName: string }>();
      const rows = await repository.listSetsWithGroupByIds([...new Set(ids)]);
      return new Map(rows.map((row) => [row.set.id, { ...row.set, groupName: row.groupName }]));
    },

    /** A set a new or edited product may take: it exists and belongs to the classification in force. */
    assertCurrentSet: async (id: string): Promise<ProductSetRow> => {
      const row = await findSet(id);
      if (!row)
        throw new DomainError('invalid', 'product.product_set_not_found', 'No such product set.', {
          field: 'productSetId',
          productSetId: id,
        });
      const inForce = await versionInForce();
      if (row.versionCode !== inForce.code) {
        throw new DomainError('invalid', 'product.product_set_not_current', 'The set belongs to an earlier classification.', {
          field: 'productSetId',
          name: row.name,
          versionCode: row.versionCode,
        });
      }
      return row;
    },

    /** A 1048-era set, for products evaluated in 2019–2023. */
    assertLegacySet: async (id: string): Promise<ProductSetRow> => {
      const row = await findSet(id);
      if (row?.versionCode !== LEGACY_CLASSIFICATION) {
        throw new DomainError('invalid', 'product.legacy_product_set_invalid', 'Not a 1048-era product set.', {
          field: 'legacyProductSetId',
        });
      }
      return row;
    },

    /** Lookups for spreadsheet cells: current sets and 1048-era sets by "code - name", code or name. */
    setMatchers: async () => {
      const inForce = await versionInForce();
      const rows = await repository.listSets({ versionCodes: [inForce.code, LEGACY_CLASSIFICATION] });
      return {
        productSet: matcher(rows.filter((row) => row.versionCode === inForce.code)),
        legacyProductSet: matcher(rows.filter((row) => row.versionCode === LEGACY_CLASSIFICATION)),
      };
    },

    /** Corrects a set's name, managing agency or dates (system admins only, checked by the route); audited. */
    updateSet: (id: string, change: ProductSetChange, context: AuditContext) =>
      transactions.run(async () => {
        const before = await findSet(id);
        if (!before) throw new DomainError('not_found', 'product_set.not_found', 'No such product set.');
        const patch: Partial<typeof productSets.$inferInsert> = {};
        if (change.name !== undefined && change.name !== before.name) {
          patch.name = change.name;
          patch.nameFolded = foldVietnamese(change.name);
        }
        if (change.managingAgency !== undefined && change.managingAgency !== before.managingAgency)
          patch.managingAgency = change.managingAgency || null;
        if (change.effectiveFrom !== undefined && change.effectiveFrom !== before.effectiveFrom) patch.effectiveFrom = change.effectiveFrom;
        if (change.effectiveTo !== undefined && change.effectiveTo !== before.effectiveTo) patch.effectiveTo = change.effectiveTo;
        if (Object.keys(patch).length === 0) throw new DomainError('invalid', 'product_set.update_empty', 'Nothing to change.');
        const effectiveFrom = patch.effectiveFrom ?? before.effectiveFrom;
        const effectiveTo = patch.effectiveTo === undefined ? before.effectiveTo : patch.effectiveTo;
        if (effectiveTo !== null && effectiveTo < effectiveFrom) {
          throw new DomainError('invalid', 'product_set.effective_dates_inverted', 'The end date is before the start date.', {
            field: 'effectiveTo',
            effectiveFrom,
            effectiveTo,
          });
        }
        const after = await repository.updateSet(id, { ...patch, updatedAt: clock.now() });
        const changed = Object.keys(patch).filter((key) => key !== 'nameFolded') as (keyof ProductSetRow)[];
        await audit.record(context, {
          action: 'product_set.updated',
          entityType: 'product_set',
          entityId: id,
          provinceCode: null,
          before: Object.fromEntries(changed.map((key) => [key, before[key]])),
          after: Object.fromEntries(changed.map((key) => [key, after?.[key]])),
        });
        return after as ProductSetRow;
      }),
  };
}
