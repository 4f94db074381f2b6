import type { MySheetView, ScoresView } from '@ocop/contracts/councils';
import { scoreSheet } from '@ocop/domain/evaluation';
import { toVersionSummary } from '../criteria/criteria.views';
import type { DossierScores, MySheetState } from './scoring.service';

export function toMySheetView(state: MySheetState): MySheetView {
  const { dossier, council, member, row, score, conflict } = state;
  return {
    dossierId: dossier.id,
    council: { id: council.id, name: council.name },
    member: { id: member.id, position: member.position, department: member.department },
    version: toVersionSummary(state.version, state.regime),
    content: state.version.content as MySheetView['content'],
    answers: { ...(row?.answers ?? {}) },
    comments: { ...(row?.comments ?? {}) },
    status: row?.status ?? 'none',
    revision: row?.revision ?? 0,
    total: score.total,
    parts: score.parts.map((part) => ({ ...part })),
    unanswered: [...score.unanswered],
    conflict: conflict ? { hasConflict: conflict.hasConflict, reason: conflict.reason } : null,
    submittedAt: row?.submittedAt?.toISOString() ?? null,
    sealSeq: row?.sealSeq ?? null,
    hash: row?.hash ?? null,
    canEdit: state.canEdit,
  };
}

export function toScoresView(scores: DossierScores): ScoresView {
  const { dossier, council, sheet, members, sheets, conflicts, outcome } = scores;
  const memberById = new Map(members.map((member) => [member.id, member]));
  const flagged = new Map((outcome.result?.members ?? []).map((member) => [member.memberId, member]));
  const submitted = sheets.filter((row) => row.status === 'submitted');
  const conflicted = new Set(conflicts.filter((entry) => entry.hasConflict).map((entry) => entry.memberId));
  const drafted = new Set(sheets.filter((row) => row.status === 'draft').map((row) => row.memberId));
  const done = new Set(submitted.map((row) => row.memberId));
  const result = outcome.result;
  return {
    dossierId: dossier.id,
    council: {
      id: council.id,
      name: council.name,
      quorum: council.quorum,
      spreadLimit: council.spreadLimit,
      writtenOpinion: council.writtenOpinion,
    },
    sheets: submitted.map((row) => {
      const member = memberById.get(row.memberId);
      const score = scoreSheet(sheet, row.answers);
      return {
        memberId: row.memberId,
        fullName: member?.fullName ?? '',
        position: member?.position ?? 'member',
        department: member?.department ?? 'expert',
        total: score.total,
        parts: score.parts.map((part) => ({ ...part })),
        submittedAt: row.submittedAt?.toISOString() ?? '',
        sealSeq: row.sealSeq ?? 0,
        hash: row.hash ?? '',
        outlier: flagged.get(row.memberId)?.outlier ?? false,
        deviation: flagged.get(row.memberId)?.deviation ?? null,
        criteria: Object.fromEntries(
          Object.entries(row.answers).map(([code, optionId]) => [
            code,
            { optionId, points: sheet.optionById.get(optionId)?.option.points ?? 0, comment: row.comments[code] ?? null },
          ]),
        ),
      };
    }),
    average: result && {
      total: result.total,
      band: result.band,
      stars: result.stars,
      parts: result.parts,
      criteria: result.criteria,
      unmetMinima: result.unmetMinima,
    },
    meetingNeeded: outcome.meetingNeeded,
    submittedSheets: outcome.submittedSheets,
    quorumReached: outcome.submittedSheets >= council.quorum,
    conflicts: conflicts
      .filter((entry) => entry.hasConflict)
      .map((entry) => ({
        memberId: entry.memberId,
        fullName: memberById.get(entry.memberId)?.fullName ?? '',
        reason: entry.reason,
        declaredAt: entry.declaredAt.toISOString(),
      })),
    notSubmitted: members
      .filter(
        (member) => (member.position === 'chair' || member.position === 'member') && !done.has(member.id) && !conflicted.has(member.id),
      )
      .map((member) => ({
        memberId: member.id,
        fullName: member.fullName,
        department: member.department,
        drafted: drafted.has(member.id),
      })),
  };
}
