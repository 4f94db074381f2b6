import type { CriteriaSet, PreparedSheet, Regime } from '@ocop/domain/evaluation';
import { isRegimeInForce, prepareSheet } from '@ocop/domain/evaluation';
import { vietnamDate } from '@ocop/domain/registry';
import { DomainError } from '@ocop/domain/shared';
import type { Clock } from '../../../platform/clock';
import type { CriteriaRepository } from './criteria.repository';
import type { CriteriaVersionRow } from './criteria.tables';

export type CriteriaService = ReturnType<typeof createCriteriaService>;

/** A product set as the registry describes it: its own code and the sets of later classifications it became. */
export type ProductSetRef = {
  versionCode: string;
  code: string;
  mapsTo: readonly { versionCode: string; code: string; isPrimary: boolean }[];
};

/** Prepared sheets of published versions, by version id: a published version never changes, so this never goes stale. */
const PREPARED_CACHE_LIMIT = 500;

/** Regimes and the published score sheets: what scoring, self-assessment and the secretariat's browsing read. */
export function createCriteriaService({ repository, clock }: { repository: CriteriaRepository; clock: Clock }) {
  const prepared = new Map<string, PreparedSheet>();

  async function regimes(): Promise<Regime[]> {
    return (await repository.listRegimes()).map((row) => row.definition).sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom));
  }

  async function regime(code: string): Promise<Regime> {
    const row = await repository.findRegime(code);
    if (!row) throw new DomainError('not_found', 'evaluation.regime_not_found', 'No such regime.', { regimeCode: code });
    return row.definition;
  }

  /** The regime new self-assessments and dossiers use on a day: of those in force, the latest to start (Art. 12 overlaps). */
  async function regimeInForce(day = vietnamDate(clock.now())): Promise<Regime> {
    const inForce = (await regimes()).filter((candidate) => isRegimeInForce(candidate, day));
    const found = inForce[0];
    if (!found) throw new DomainError('not_found', 'evaluation.no_regime_in_force', 'No regime is in force.', { day });
    return found;
  }

  async function version(id: string): Promise<CriteriaVersionRow> {
    const row = await repository.findVersion(id);
    if (!row) throw new DomainError('not_found', 'evaluation.criteria_version_not_found', 'No such criteria version.');
    return row;
  }

  function prepare(row: CriteriaVersionRow, ofRegime: Regime): PreparedSheet {
    if (row.status === 'draft') return prepareSheet(row.content, ofRegime);
    let sheet = prepared.get(row.id);
    if (!sheet) {
      if (prepared.size >= PREPARED_CACHE_LIMIT) prepared.clear();
      sheet = prepareSheet(row.content, ofRegime);
      prepared.set(row.id, sheet);
    }
    return sheet;
  }

  /** The set's code in the regime's classification: its own, or the primary set it became. */
  function setCodeUnder(ofRegime: Regime, productSet: ProductSetRef): string | null {
    if (productSet.versionCode === ofRegime.classificationCode) return productSet.code;
    const links = productSet.mapsTo.filter((link) => link.versionCode === ofRegime.classificationCode);
    return (links.find((link) => link.isPrimary) ?? links[0])?.code ?? null;
  }

  return {
    regimes,
    regime,
    regimeInForce,
    version,
    prepare,
    countPublished: () => repository.countPublished(),
    listVersions: (regimeCode: string, includeSuperseded: boolean) =>
      repository.listVersions(regimeCode, includeSuperseded ? ['draft', 'published', 'superseded'] : ['draft', 'published']),
    listVersionsOfSet: (regimeCode: string, productSetCode: string) => repository.listVersionsOfSet(regimeCode, productSetCode),

    /** The published sheet a product of this set answers under the regime in force, with that regime. */
    sheetForProductSet: async (productSet: ProductSetRef): Promise<{ regime: Regime; row: CriteriaVersionRow; sheet: PreparedSheet }> => {
      const ofRegime = await regimeInForce();
      const code = setCodeUnder(ofRegime, productSet);
      const row = code ? await repository.findPublished(ofRegime.code, code) : undefined;
      if (!row)
        throw new DomainError('not_found', 'evaluation.no_sheet_for_set', 'No score sheet is published for this product set.', {
          regimeCode: ofRegime.code,
          productSetCode: productSet.code,
        });
      return { regime: ofRegime, row, sheet: prepare(row, ofRegime) };
    },

    /** Content of a version, for exports and drafts. */
    contentOf: async (id: string): Promise<CriteriaSet> => (await version(id)).content,
  };
}
