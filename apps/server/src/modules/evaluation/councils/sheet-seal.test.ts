import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { firstBrokenLink, genesisHash, type SealedRow, sealHash } from './sheet-seal';

const DOSSIER = '00000000-0000-4000-8000-000000000001';

function chain(count: number): SealedRow[] {
  const rows: SealedRow[] = [];
  let prevHash = genesisHash(DOSSIER);
  for (let seq = 1; seq <= count; seq++) {
    const row = {
      id: `00000000-0000-4000-8000-00000000010${seq}`,
      dossierId: DOSSIER,
      memberId: `00000000-0000-4000-8000-00000000020${seq}`,
      criteriaVersionId: '00000000-0000-4000-8000-000000000300',
      answers: { '1.1': '1.1/3', '1.2': '1.2/1' },
      comments: { '1.1': 'Có giấy tờ' },
      status: 'submitted',
      total: 57.5,
      submittedAt: new Date(Date.UTC(2026, 8, 1, 2, seq)),
      sealSeq: seq,
      prevHash,
      hash: '',
    };
    row.hash = sealHash({ ...row, submittedAt: row.submittedAt.toISOString() });
    rows.push(row);
    prevHash = row.hash;
  }
  return rows;
}

describe('sheet seal', () => {
  it('hashes the RFC 8785 canonical JSON: keys sorted, no spaces, whatever the key order given', () => {
    const content = {
      total: 57.5,
      sealSeq: 1,
      prevHash: 'p',
      submittedAt: '2026-09-01T02:00:00.000Z',
      memberId: 'm',
      dossierId: 'd',
      criteriaVersionId: 'v',
      comments: {},
      answers: { b: '2', a: '1' },
    };
    const canonical =
      '{"answers":{"a":"1","b":"2"},"comments":{},"criteriaVersionId":"v","dossierId":"d","memberId":"m","prevHash":"p","sealSeq":1,"submittedAt":"2026-09-01T02:00:00.000Z","total":57.5}';
    expect(sealHash(content)).toBe(createHash('sha256').update(canonical).digest('hex'));
  });

  it('accepts an intact chain and reports the first broken link of a tampered one', () => {
    expect(firstBrokenLink(DOSSIER, chain(3))).toBeNull();
    const changed = chain(3);
    (changed[1] as SealedRow).answers = { '1.1': '1.1/1', '1.2': '1.2/1' };
    expect(firstBrokenLink(DOSSIER, changed)).toMatchObject({
      sheetId: changed[1]?.id,
      sealSeq: 2,
      field: 'hash',
      stored: changed[1]?.hash,
    });
    const removed = chain(3).filter((row) => row.sealSeq !== 2);
    expect(firstBrokenLink(DOSSIER, removed)).toMatchObject({ sealSeq: 3, field: 'sealSeq', expected: '2' });
    const relinked = chain(3);
    (relinked[2] as SealedRow).prevHash = 'x';
    expect(firstBrokenLink(DOSSIER, relinked)).toMatchObject({ sealSeq: 3, field: 'prevHash', expected: relinked[1]?.hash });
    // A chain moved to another dossier does not verify there.
    expect(firstBrokenLink('00000000-0000-4000-8000-000000000009', chain(1))).toMatchObject({ field: 'prevHash' });
  });
});
