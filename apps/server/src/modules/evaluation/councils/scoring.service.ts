import type { DeclareConflictBody, SaveSheetBody, SubmitSheetBody } from '@ocop/contracts/councils';
import type { PreparedSheet, Regime } from '@ocop/domain/evaluation';
import { chosenOptions, councilResult, scoreSheet } from '@ocop/domain/evaluation';
import { can, DomainError } from '@ocop/domain/shared';
import type { Clock } from '../../../platform/clock';
import type { Transactions } from '../../../platform/database/transaction';
import type { AuditContext, AuditService } from '../../identity';
import type { CriteriaService } from '../criteria/criteria.service';
import type { CriteriaVersionRow } from '../criteria/criteria.tables';
import type { StoredCouncilResult } from '../dossiers/dossier.tables';
import type { EvaluationActor } from '../self-assessment/self-assessment.service';
import type { CouncilRepository, ScoredDossier } from './council.repository';
import type { ConflictDeclarationRow, CouncilMemberRow, CouncilRow, ScoreSheetRow } from './council.tables';
import { firstBrokenLink, genesisHash, type SealBreak, sealHash } from './sheet-seal';

export type ScoringService = ReturnType<typeof createScoringService>;

/** The council's result on a dossier, for the dossier service to store when scoring closes (it adds `closedOn`). */
export type CouncilOutcome = {
  councilAssigned: boolean;
  submittedSheets: number;
  quorum: number;
  result: Omit<StoredCouncilResult, 'closedOn'> | null;
  meetingNeeded: boolean;
};

/** A member's seat on the dossier's council, and the sheet they score it on. */
export type MySheetState = {
  dossier: ScoredDossier;
  council: CouncilRow;
  member: CouncilMemberRow;
  regime: Regime;
  version: CriteriaVersionRow;
  sheet: PreparedSheet;
  row: ScoreSheetRow | undefined;
  conflict: ConflictDeclarationRow | undefined;
  score: ReturnType<typeof scoreSheet>;
  canEdit: boolean;
};

export type DossierScores = {
  dossier: ScoredDossier;
  council: CouncilRow;
  sheet: PreparedSheet;
  members: CouncilMemberRow[];
  sheets: ScoreSheetRow[];
  conflicts: ConflictDeclarationRow[];
  outcome: CouncilOutcome;
};

export type SealReport = { dossiers: number; sealedSheets: number; broken: SealBreak[] };

const SCORING_POSITIONS: ReadonlySet<string> = new Set(['chair', 'member']);
/** While a council holds the dossier and has not closed its scoring, members may declare conflicts. */
const DECLARABLE_STATES: ReadonlySet<string> = new Set(['received', 'advisory_review', 'council_scoring']);

const dossierNotFound = () => new DomainError('not_found', 'scoring.dossier_not_found', 'No such dossier.');
const stale = (revision: number) => new DomainError('conflict', 'scoring.stale_revision', 'The sheet changed meanwhile.', { revision });
const submitted = () => new DomainError('conflict', 'scoring.sheet_submitted', 'The sheet is submitted and sealed.');

/** Points in hundredths, so a spread of 10.00 is compared exactly. */
const hundredths = (points: number) => Math.round(points * 100);

/** Members' conflicts, score sheets, their submission and seal, and the council's result (Art. 7.3.c–d). */
export function createScoringService(deps: {
  transactions: Transactions;
  clock: Clock;
  audit: AuditService;
  repository: CouncilRepository;
  criteria: CriteriaService;
}) {
  const { transactions, clock, audit, repository, criteria } = deps;

  async function sheetOf(dossier: ScoredDossier) {
    if (!dossier.criteriaVersionId) throw new DomainError('not_found', 'evaluation.criteria_version_not_found', 'No frozen version.');
    const version = await criteria.version(dossier.criteriaVersionId);
    const regime = await criteria.regime(version.regimeCode);
    return { version, regime, sheet: criteria.prepare(version, regime) };
  }

  /** The dossier and the actor's scoring seat on its council; 404 for anyone else. */
  async function seat(actor: EvaluationActor, dossierId: string, lock = false) {
    const dossier = await repository.findDossier(dossierId, lock);
    if (!dossier?.councilId || !actor.userId || !can(actor.grants, 'dossiers.score', { provinceCode: dossier.provinceCode }))
      throw dossierNotFound();
    const [member, council] = await Promise.all([
      repository.findMemberByUser(dossier.councilId, actor.userId),
      repository.findCouncil(dossier.councilId),
    ]);
    if (!member || !council) throw dossierNotFound();
    if (!SCORING_POSITIONS.has(member.position))
      throw new DomainError('forbidden', 'scoring.position_does_not_score', 'The secretary and the advisory team do not score.');
    return { dossier, council, member };
  }

  function requireOpen(dossier: ScoredDossier, conflict: ConflictDeclarationRow | undefined) {
    if (dossier.state !== 'council_scoring')
      throw new DomainError('conflict', 'scoring.not_open', 'Not open for scoring.', { state: dossier.state });
    if (conflict?.hasConflict) throw new DomainError('conflict', 'scoring.conflict_declared', 'A conflict of interest was declared.');
  }

  async function stateOf(actor: EvaluationActor, dossierId: string): Promise<MySheetState> {
    const { dossier, council, member } = await seat(actor, dossierId);
    const [prepared, row, conflict] = await Promise.all([
      sheetOf(dossier),
      repository.findSheet(dossier.id, member.id),
      repository.findConflict(member.id, dossier.id),
    ]);
    const answers = row?.answers ?? {};
    return {
      dossier,
      council,
      member,
      ...prepared,
      row,
      conflict,
      score: scoreSheet(prepared.sheet, answers),
      canEdit: dossier.state === 'council_scoring' && row?.status !== 'submitted' && !conflict?.hasConflict,
    };
  }

  /** Comments only on criteria the sheet scores; blank ones are dropped. */
  function cleanComments(sheet: PreparedSheet, comments: Readonly<Record<string, string>>): Record<string, string> {
    const kept: Record<string, string> = {};
    for (const [code, text] of Object.entries(comments)) {
      if (!sheet.byCode.has(code))
        throw new DomainError('invalid', 'scoring.comment_not_of_sheet', 'A comment on a criterion the sheet does not score.', {
          criterionCode: code,
        });
      const trimmed = text.trim();
      if (trimmed) kept[code] = trimmed;
    }
    return kept;
  }

  async function outcomeOf(
    dossier: ScoredDossier,
    council: CouncilRow | undefined,
    sheets: ScoreSheetRow[],
    sheet?: PreparedSheet,
  ): Promise<CouncilOutcome> {
    if (!council) return { councilAssigned: false, submittedSheets: 0, quorum: 0, result: null, meetingNeeded: false };
    const done = sheets.filter((row) => row.status === 'submitted');
    const base = { councilAssigned: true, submittedSheets: done.length, quorum: council.quorum };
    if (done.length === 0) return { ...base, result: null, meetingNeeded: false };
    const prepared = sheet ?? (await sheetOf(dossier)).sheet;
    const result = councilResult(
      prepared,
      done.map((row) => ({ memberId: row.memberId, answers: row.answers })),
      council.spreadLimit,
    );
    const totals = result.members.map((member) => hundredths(member.total));
    const meetingNeeded = council.writtenOpinion && Math.max(...totals) - Math.min(...totals) > hundredths(council.spreadLimit);
    return {
      ...base,
      meetingNeeded,
      result: {
        total: result.total,
        band: result.band,
        stars: result.stars,
        parts: result.parts.map((part) => ({ ...part })),
        criteria: Object.fromEntries(result.criteria),
        members: result.members.map((member) => ({ ...member })),
        unmetMinima: result.unmetMinima.map((level) => ({ stars: level.stars, unmet: level.unmet.map((entry) => ({ ...entry })) })),
        meetingNeeded,
      },
    };
  }

  async function verifySheets(dossierId?: string): Promise<SealReport> {
    const rows = await repository.listSealed(dossierId);
    const byDossier = new Map<string, ScoreSheetRow[]>();
    for (const row of rows) byDossier.set(row.dossierId, [...(byDossier.get(row.dossierId) ?? []), row]);
    const broken: SealBreak[] = [];
    for (const [id, sheets] of byDossier) {
      const found = firstBrokenLink(id, sheets);
      if (found) broken.push(found);
    }
    return { dossiers: byDossier.size, sealedSheets: rows.length, broken };
  }

  return {
    mySheet: stateOf,

    /** Saves the member's whole draft (answers and comments) over the revision they read. */
    save: (actor: EvaluationActor, dossierId: string, body: SaveSheetBody, context: AuditContext) =>
      transactions.run(async () => {
        const { dossier, member } = await seat(actor, dossierId);
        const [before, conflict] = await Promise.all([
          repository.findSheet(dossier.id, member.id),
          repository.findConflict(member.id, dossier.id),
        ]);
        requireOpen(dossier, conflict);
        if (before?.status === 'submitted') throw submitted();
        const { sheet, version } = await sheetOf(dossier);
        chosenOptions(sheet, body.answers); // refuses unknown criteria and options of another criterion
        const comments = cleanComments(sheet, body.comments);
        const change = { answers: body.answers, comments, total: scoreSheet(sheet, body.answers).total, updatedAt: clock.now() };
        const saved = before
          ? body.revision === before.revision
            ? await repository.saveDraftOver(before.id, before.revision, change)
            : undefined
          : body.revision === 0
            ? await repository.insertSheet({ dossierId: dossier.id, memberId: member.id, criteriaVersionId: version.id, ...change })
            : undefined;
        if (!saved) throw stale(before?.revision ?? 0);
        const changed = Object.keys({ ...(before?.answers ?? {}), ...body.answers }).filter(
          (code) => before?.answers[code] !== body.answers[code],
        );
        await audit.record(context, {
          action: 'score_sheet.saved',
          entityType: 'dossier',
          entityId: dossier.id,
          provinceCode: dossier.provinceCode,
          before: { answers: Object.fromEntries(changed.map((code) => [code, before?.answers[code] ?? null])) },
          after: {
            memberId: member.id,
            answers: Object.fromEntries(changed.map((code) => [code, body.answers[code] ?? null])),
            total: saved.total,
          },
        });
        return stateOf(actor, dossierId);
      }),

    /**
     * Submits the member's sheet: complete, locked and sealed into the dossier's chain. The dossier
     * row is locked first, so two members submitting at once take consecutive sequence numbers.
     */
    submit: (actor: EvaluationActor, dossierId: string, body: SubmitSheetBody, context: AuditContext) =>
      transactions.run(async () => {
        const { dossier, member } = await seat(actor, dossierId, true);
        const [row, conflict] = await Promise.all([
          repository.findSheet(dossier.id, member.id),
          repository.findConflict(member.id, dossier.id),
        ]);
        requireOpen(dossier, conflict);
        if (row?.status === 'submitted') throw submitted();
        if (row && row.revision !== body.revision) throw stale(row.revision);
        const { sheet } = await sheetOf(dossier);
        const score = scoreSheet(sheet, row?.answers ?? {});
        if (!row || score.unanswered.length > 0) {
          const missing = row ? score.unanswered : sheet.answerable.map((criterion) => criterion.code);
          throw new DomainError('invalid', 'scoring.incomplete', 'Criteria are not scored.', {
            count: missing.length,
            missing: missing.join(', '),
            missingCodes: missing,
          });
        }
        const last = await repository.lastSealed(dossier.id);
        const sealSeq = (last?.sealSeq ?? 0) + 1;
        const prevHash = last?.hash ?? genesisHash(dossier.id);
        const submittedAt = clock.now();
        const hash = sealHash({
          dossierId: dossier.id,
          memberId: member.id,
          criteriaVersionId: row.criteriaVersionId,
          answers: row.answers,
          comments: row.comments,
          total: score.total,
          submittedAt: submittedAt.toISOString(),
          sealSeq,
          prevHash,
        });
        const sealed = await repository.seal(row.id, row.revision, {
          total: score.total,
          updatedAt: submittedAt,
          submittedAt,
          sealSeq,
          prevHash,
          hash,
        });
        if (!sealed) throw stale(row.revision);
        await audit.record(context, {
          action: 'score_sheet.submitted',
          entityType: 'dossier',
          entityId: dossier.id,
          provinceCode: dossier.provinceCode,
          after: { memberId: member.id, sheetId: sealed.id, total: score.total, sealSeq, hash },
        });
        return stateOf(actor, dossierId);
      }),

    /** A member's declaration on a dossier: a conflict discards their draft; after submitting it cannot change. */
    declareConflict: (actor: EvaluationActor, dossierId: string, body: DeclareConflictBody, context: AuditContext) =>
      transactions.run(async () => {
        const { dossier, member } = await seat(actor, dossierId, true);
        if (!DECLARABLE_STATES.has(dossier.state))
          throw new DomainError('conflict', 'scoring.not_open', 'Not open for scoring.', { state: dossier.state });
        const [sheet, before] = await Promise.all([
          repository.findSheet(dossier.id, member.id),
          repository.findConflict(member.id, dossier.id),
        ]);
        if (sheet?.status === 'submitted')
          throw new DomainError('conflict', 'scoring.declaration_locked', 'The sheet is submitted; the declaration cannot change.');
        const draftDiscarded = body.hasConflict && sheet ? await repository.deleteDraft(sheet.id) : false;
        const saved = await repository.saveConflict({
          memberId: member.id,
          dossierId: dossier.id,
          hasConflict: body.hasConflict,
          reason: body.reason?.trim() || null,
          declaredAt: clock.now(),
        });
        await audit.record(context, {
          action: 'council.conflict_declared',
          entityType: 'dossier',
          entityId: dossier.id,
          provinceCode: dossier.provinceCode,
          before: before ? { hasConflict: before.hasConflict, reason: before.reason } : null,
          after: { memberId: member.id, hasConflict: saved.hasConflict, reason: saved.reason, draftDiscarded },
        });
        return { ...saved, draftDiscarded };
      }),

    /** What the dossier service stores when scoring closes; it does not check the actor (the caller has). */
    resultFor: async (dossierId: string): Promise<CouncilOutcome> => {
      const dossier = await repository.findDossier(dossierId);
      if (!dossier) throw dossierNotFound();
      const council = dossier.councilId ? await repository.findCouncil(dossier.councilId) : undefined;
      return outcomeOf(dossier, council, council ? await repository.listSheets(dossier.id) : []);
    },

    /** Every member's sheet on a dossier, the average and who is missing: the secretariat's and the chair's view. */
    scores: async (actor: EvaluationActor, dossierId: string): Promise<DossierScores> => {
      const dossier = await repository.findDossier(dossierId);
      if (!dossier?.councilId) throw dossierNotFound();
      const council = await repository.findCouncil(dossier.councilId);
      if (!council) throw dossierNotFound();
      const manages = can(actor.grants, 'dossiers.manage', { provinceCode: dossier.provinceCode });
      const chairs =
        !manages &&
        actor.userId !== null &&
        can(actor.grants, 'dossiers.score', { provinceCode: dossier.provinceCode }) &&
        (await repository.findMemberByUser(council.id, actor.userId))?.position === 'chair';
      if (!manages && !chairs) throw dossierNotFound();
      const [{ sheet }, members, sheets, conflicts] = await Promise.all([
        sheetOf(dossier),
        repository.listMembers(council.id),
        repository.listSheets(dossier.id),
        repository.listConflicts(dossier.id),
      ]);
      return { dossier, council, sheet, members, sheets, conflicts, outcome: await outcomeOf(dossier, council, sheets, sheet) };
    },

    verifySheets,

    /** The seal of one dossier's sheets, for the secretariat: ok, or the first broken link. */
    seal: async (actor: EvaluationActor, dossierId: string): Promise<SealReport> => {
      const dossier = await repository.findDossier(dossierId);
      if (!dossier || !can(actor.grants, 'dossiers.manage', { provinceCode: dossier.provinceCode })) throw dossierNotFound();
      return verifySheets(dossier.id);
    },
  };
}
