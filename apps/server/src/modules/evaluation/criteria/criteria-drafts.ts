import type { SaveCriteriaDraftBody } from '@ocop/contracts/evaluation';
import type { CriteriaSet, Regime } from '@ocop/domain/evaluation';
import { structureIssues, validateCriteriaSet } from '@ocop/domain/evaluation';
import { DomainError } from '@ocop/domain/shared';
import type { Clock } from '../../../platform/clock';
import { isUniqueViolation } from '../../../platform/database/sql';
import type { Transactions } from '../../../platform/database/transaction';
import type { AuditContext, AuditService } from '../../identity';
import type { CriteriaRepository } from './criteria.repository';
import type { CriteriaService } from './criteria.service';
import type { CriteriaVersionRow } from './criteria.tables';

export type CriteriaDrafts = ReturnType<typeof createCriteriaDrafts>;

const ENTITY = 'criteria_version';

const immutable = (row: CriteriaVersionRow) =>
  new DomainError('conflict', 'criteria.published_immutable', 'A published or superseded version never changes.', {
    status: row.status,
    version: row.version,
  });

const stale = (row: CriteriaVersionRow) =>
  new DomainError('conflict', 'criteria.stale_revision', 'The draft was saved elsewhere meanwhile.', { revision: row.revision });

/** The first problem that makes a set unusable even as a draft (answers are keyed by criterion code and option id). */
export function refuseBrokenStructure(set: CriteriaSet): void {
  const [first, ...rest] = structureIssues(set);
  if (!first) return;
  throw new DomainError('invalid', first.code, first.message, {
    path: first.path,
    criterionCode: first.criterionCode,
    optionId: first.optionId ?? null,
    issues: [first, ...rest].map(({ path, code, message }) => ({ path, code, message })),
  });
}

/** What blocks publishing: the validator's findings and the option ids it does not look at. */
export function publishingIssues(set: CriteriaSet, regime: Regime) {
  const ids = structureIssues(set).filter((issue) => issue.code === 'criteria.option_of_other_criterion');
  return [...validateCriteriaSet(set, regime), ...ids].map(({ path, code, message }) => ({ path, code, message }));
}

/**
 * The secretariat's use cases on versions of a score sheet: start a draft from a version, replace
 * its content, publish it (superseding the set's published version) or delete it. Each is one
 * transaction with its audit entry; sheets are national data, so entries carry no province.
 */
export function createCriteriaDrafts(deps: {
  transactions: Transactions;
  clock: Clock;
  audit: AuditService;
  repository: CriteriaRepository;
  criteria: CriteriaService;
}) {
  const { transactions, clock, audit, repository, criteria } = deps;

  const draftOf = async (regimeCode: string, productSetCode: string) =>
    (await repository.listVersionsOfSet(regimeCode, productSetCode)).find((row) => row.status === 'draft');

  const record = (context: AuditContext, action: string, row: CriteriaVersionRow, after: Record<string, unknown>, before?: unknown) =>
    audit.record(context, { action, entityType: ENTITY, entityId: row.id, provinceCode: null, after, ...(before ? { before } : {}) });

  async function insertDraft(userId: string | null, content: CriteriaSet, source: 'secretariat' | 'import'): Promise<CriteriaVersionRow> {
    const at = clock.now();
    const insert = repository.insertVersion({
      regimeCode: content.regimeCode,
      productSetCode: content.productSetCode,
      version: await repository.nextVersionNumber(content.regimeCode, content.productSetCode),
      status: 'draft',
      source,
      content,
      revision: 1,
      createdAt: at,
      createdBy: userId,
      updatedAt: at,
    });
    // Two secretaries starting a draft of one set at once: the second meets the one-draft index.
    return insert.catch((error: unknown) => {
      if (isUniqueViolation(error, 'criteria_versions_one_draft_key') || isUniqueViolation(error, 'criteria_versions_set_version_key'))
        throw new DomainError('conflict', 'criteria.draft_exists', 'Another draft was just started.', { draftId: null, version: '—' });
      throw error;
    });
  }

  return {
    /** A new draft with the content of a published or superseded version; one draft per set at a time. */
    startDraft: (userId: string | null, versionId: string, context: AuditContext) =>
      transactions.run(async () => {
        const from = await criteria.version(versionId);
        const existing = from.status === 'draft' ? from : await draftOf(from.regimeCode, from.productSetCode);
        if (existing)
          throw new DomainError('conflict', 'criteria.draft_exists', 'The set already has a draft.', {
            draftId: existing.id,
            version: existing.version,
          });
        const draft = await insertDraft(userId, from.content, 'secretariat');
        await record(context, 'criteria_version.draft_started', draft, {
          version: draft.version,
          fromVersion: from.version,
          fromId: from.id,
        });
        return draft;
      }),

    /** Replaces the whole content of a draft; sums that do not add up are kept (the view lists them). */
    save: (versionId: string, body: SaveCriteriaDraftBody, context: AuditContext) =>
      transactions.run(async () => {
        const row = await criteria.version(versionId);
        if (row.status !== 'draft') throw immutable(row);
        if (row.revision !== body.revision) throw stale(row);
        if (body.content.regimeCode !== row.regimeCode || body.content.productSetCode !== row.productSetCode)
          throw new DomainError('invalid', 'criteria.content_mismatch', 'The content is for another regime or product set.', {
            regimeCode: body.content.regimeCode,
            productSetCode: body.content.productSetCode,
          });
        const content = body.content as CriteriaSet;
        refuseBrokenStructure(content);
        const saved = await repository.saveDraft(row.id, body.revision, content, clock.now());
        if (!saved) throw stale(row);
        await record(context, 'criteria_version.draft_saved', saved, { revision: saved.revision }, { revision: row.revision });
        return saved;
      }),

    /** Publishes a draft the validator finds nothing in, superseding the set's published version in the same transaction. */
    publish: (userId: string | null, versionId: string, revision: number, context: AuditContext) =>
      transactions.run(async () => {
        const row = await criteria.version(versionId);
        if (row.status !== 'draft') throw immutable(row);
        if (row.revision !== revision) throw stale(row);
        const issues = publishingIssues(row.content, await criteria.regime(row.regimeCode));
        const [first] = issues;
        if (first)
          throw new DomainError('invalid', 'criteria.not_publishable', 'The draft has problems.', {
            count: issues.length,
            path: first.path,
            first: first.message,
            issues,
          });
        const at = clock.now();
        const current = await repository.findPublished(row.regimeCode, row.productSetCode);
        if (current) {
          await repository.setStatus(current.id, 'published', 'superseded', { at, by: userId });
          await record(context, 'criteria_version.superseded', current, { version: current.version, byVersion: row.version });
        }
        const published = await repository.setStatus(row.id, 'draft', 'published', { at, by: userId });
        if (!published) throw stale(row);
        await record(context, 'criteria_version.published', published, {
          version: published.version,
          supersededId: current?.id ?? null,
        });
        return published;
      }),

    remove: (versionId: string, context: AuditContext) =>
      transactions.run(async () => {
        const row = await criteria.version(versionId);
        if (row.status !== 'draft' || !(await repository.deleteDraft(row.id))) throw immutable(row);
        await record(context, 'criteria_version.draft_deleted', row, { version: row.version }, { revision: row.revision });
      }),

    /** A checked import becomes the set's draft, replacing any draft it had (its number is reused). */
    replaceWithImport: (userId: string | null, content: CriteriaSet, fileName: string, context: AuditContext) =>
      transactions.run(async () => {
        await criteria.regime(content.regimeCode);
        refuseBrokenStructure(content);
        const replaced = await draftOf(content.regimeCode, content.productSetCode);
        if (replaced) await repository.deleteDraft(replaced.id);
        const draft = await insertDraft(userId, content, 'import');
        await record(
          context,
          'criteria_version.imported',
          draft,
          { version: draft.version, fileName, replacedDraftId: replaced?.id ?? null },
          replaced ? { draftId: replaced.id, revision: replaced.revision } : undefined,
        );
        return draft;
      }),
  };
}
