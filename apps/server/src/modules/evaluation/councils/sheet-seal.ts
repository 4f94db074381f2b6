import canonicalize from 'canonicalize';
import { createHash } from 'node:crypto';

/**
 * The seal of submitted score sheets: each sheet's hash covers its content and the hash of the
 * sheet sealed before it on the same dossier, so changing, removing or reordering any sealed sheet
 * breaks the chain from there on. The hash is SHA-256 (hex) over the RFC 8785 canonical JSON of
 * the fields below, so anyone can recompute it from an export of the rows.
 */
export type SealedContent = {
  dossierId: string;
  memberId: string;
  criteriaVersionId: string;
  answers: Record<string, string>;
  comments: Record<string, string>;
  total: number;
  /** ISO-8601 UTC, milliseconds. */
  submittedAt: string;
  sealSeq: number;
  prevHash: string;
};

/** What the first sheet of a dossier links to: fixed, and bound to the dossier so a chain cannot be moved to another. */
export function genesisHash(dossierId: string): string {
  return `ocop:score-sheets:v1:genesis:${dossierId}`;
}

export function sealHash(content: SealedContent): string {
  // Only these fields, whatever else the object carries.
  const { dossierId, memberId, criteriaVersionId, answers, comments, total, submittedAt, sealSeq, prevHash } = content;
  const json = canonicalize({ dossierId, memberId, criteriaVersionId, answers, comments, total, submittedAt, sealSeq, prevHash });
  if (json === undefined) throw new Error('sheet content cannot be canonicalised');
  return createHash('sha256').update(json, 'utf8').digest('hex');
}

/** A sheet row as the verifier reads it. */
export type SealedRow = {
  id: string;
  dossierId: string;
  memberId: string;
  criteriaVersionId: string;
  answers: Record<string, string>;
  comments: Record<string, string>;
  status: string;
  total: number | null;
  submittedAt: Date | null;
  sealSeq: number | null;
  prevHash: string | null;
  hash: string | null;
};

export type SealBreak = {
  dossierId: string;
  sheetId: string;
  memberId: string;
  sealSeq: number | null;
  field: 'sealSeq' | 'prevHash' | 'hash';
  expected: string;
  stored: string | null;
};

/**
 * Walks one dossier's sealed sheets in `sealSeq` order (each row that is submitted or carries any
 * seal field) and reports the first link that does not hold: a gap or a repeat in the sequence, a
 * `prevHash` that is not the previous sheet's hash, or a hash that does not match the content.
 */
export function firstBrokenLink(dossierId: string, rows: readonly SealedRow[]): SealBreak | null {
  const sealed = [...rows].sort((a, b) => (a.sealSeq ?? Number.MAX_SAFE_INTEGER) - (b.sealSeq ?? Number.MAX_SAFE_INTEGER));
  let previous = genesisHash(dossierId);
  for (const [index, row] of sealed.entries()) {
    const at = (field: SealBreak['field'], expected: string, stored: string | null): SealBreak => ({
      dossierId,
      sheetId: row.id,
      memberId: row.memberId,
      sealSeq: row.sealSeq,
      field,
      expected,
      stored,
    });
    const seq = index + 1;
    if (row.sealSeq !== seq) return at('sealSeq', String(seq), row.sealSeq === null ? null : String(row.sealSeq));
    if (row.prevHash !== previous) return at('prevHash', previous, row.prevHash);
    const expected =
      row.status === 'submitted' && row.total !== null && row.submittedAt !== null
        ? sealHash({
            dossierId: row.dossierId,
            memberId: row.memberId,
            criteriaVersionId: row.criteriaVersionId,
            answers: row.answers,
            comments: row.comments,
            total: row.total,
            submittedAt: row.submittedAt.toISOString(),
            sealSeq: seq,
            prevHash: previous,
          })
        : `a submitted sheet (status ${row.status})`;
    if (row.hash !== expected) return at('hash', expected, row.hash);
    previous = row.hash;
  }
  return null;
}
