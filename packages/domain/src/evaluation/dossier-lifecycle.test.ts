import { describe, expect, it } from 'vitest';
import type { DossierFacts, DossierParty, DossierState } from './dossier-lifecycle';
import { DOSSIER_LIFECYCLE, DOSSIER_STATES, nextDossierState, stepsFrom } from './dossier-lifecycle';
import { REGIME_26_2026 } from './testdata/regimes';

const ready: DossierFacts = {
  missingDocuments: [],
  selfAssessmentComplete: true,
  reasons: '',
  communeReportAttached: true,
  councilAssigned: true,
  samplesReceived: 5,
  samplesRequired: 5,
  submittedSheets: 5,
  quorum: 5,
  result: { total: 78.4, stars: 4 },
  decisionRecorded: true,
  ministryResult: null,
};

const step = (state: DossierState, action: string, party: DossierParty, facts: Partial<DossierFacts> = {}) =>
  nextDossierState(state, action, party, { ...ready, ...facts }, REGIME_26_2026);

describe('the dossier lifecycle table', () => {
  it('reaches every state from the draft, and every state but the ends has a way on', () => {
    const reached = new Set<DossierState>(['draft']);
    for (let changed = true; changed; ) {
      changed = false;
      for (const row of DOSSIER_LIFECYCLE)
        if (row.from.some((state) => reached.has(state)) && !reached.has(row.to)) {
          reached.add(row.to);
          changed = true;
        }
    }
    expect([...reached].sort()).toEqual([...DOSSIER_STATES].sort());
    const ends = DOSSIER_STATES.filter((state) => !DOSSIER_LIFECYCLE.some((row) => row.from.includes(state)));
    expect(ends.sort()).toEqual(['ministry_recognised', 'not_recognised', 'recognised']);
  });

  it('runs the province chain: submit → propose → receive → advisory → council → scored → recognised 4★', () => {
    let state: DossierState = 'draft';
    for (const [action, party] of [
      ['submit', 'producer'],
      ['propose', 'commune'],
      ['receive', 'secretariat'],
      ['send_to_advisory', 'secretariat'],
      ['send_to_council', 'secretariat'],
      ['close_scoring', 'council'],
      ['recognise', 'secretariat'],
    ] as const)
      state = step(state, action, party);
    expect(state).toBe('recognised');
  });

  it('sends a dossier of 90 points or more to the ministry, whose 5★ is recorded; below 90 there the province recognises 3★ or 4★', () => {
    const high = { result: { total: 92, stars: 5 } };
    expect(() => step('scored', 'recognise', 'secretariat', high)).toThrow(
      expect.objectContaining({ code: 'dossier.preconditions_unmet' }),
    );
    expect(step('scored', 'propose_to_ministry', 'secretariat', high)).toBe('proposed_to_ministry');
    expect(step('proposed_to_ministry', 'record_ministry_recognition', 'secretariat', { ministryResult: { stars: 5 } })).toBe(
      'ministry_recognised',
    );
    expect(step('proposed_to_ministry', 'recognise_from_ministry_result', 'secretariat', { ministryResult: { stars: 4 } })).toBe(
      'recognised',
    );
    expect(() => step('proposed_to_ministry', 'record_ministry_recognition', 'secretariat', { ministryResult: { stars: 4 } })).toThrow(
      expect.objectContaining({ code: 'dossier.preconditions_unmet' }),
    );
  });

  it('does not recognise 1★–2★ (no decision, no certificate) and says so', () => {
    const low = { result: { total: 44, stars: 2 } };
    expect(() => step('scored', 'recognise', 'secretariat', low)).toThrow(expect.objectContaining({ code: 'dossier.preconditions_unmet' }));
    expect(step('scored', 'not_recognise', 'secretariat', low)).toBe('not_recognised');
    expect(() => step('scored', 'not_recognise', 'secretariat')).toThrow(expect.objectContaining({ code: 'dossier.preconditions_unmet' }));
  });

  it.each<[string, DossierState, string, DossierParty, Partial<DossierFacts>, string]>([
    [
      'submitting with documents missing lists them',
      'draft',
      'submit',
      'producer',
      { missingDocuments: ['Giấy đăng ký kinh doanh'] },
      'dossier.preconditions_unmet',
    ],
    ['returning without reasons', 'submitted', 'return_to_producer', 'commune', { reasons: '  ' }, 'dossier.preconditions_unmet'],
    [
      'proposing without the Mẫu 03 report',
      'submitted',
      'propose',
      'commune',
      { communeReportAttached: false },
      'dossier.preconditions_unmet',
    ],
    ['a producer proposing its own dossier', 'submitted', 'propose', 'producer', {}, 'dossier.not_your_step'],
    [
      'closing the scoring before the quorum',
      'council_scoring',
      'close_scoring',
      'council',
      { submittedSheets: 3 },
      'dossier.preconditions_unmet',
    ],
    [
      'sending to the council before the 5 samples arrived',
      'received',
      'send_to_council',
      'secretariat',
      { samplesReceived: 3 },
      'dossier.preconditions_unmet',
    ],
    ['recognising without the decision', 'scored', 'recognise', 'secretariat', { decisionRecorded: false }, 'dossier.preconditions_unmet'],
    ['submitting a dossier already with the council', 'council_scoring', 'submit', 'producer', {}, 'dossier.action_not_allowed'],
  ])('refuses %s', (_name, state, action, party, facts, code) => {
    expect(() => step(state, action, party, facts)).toThrow(expect.objectContaining({ code }));
  });

  it('tells each party its steps from a state, with what is still missing', () => {
    const checks = stepsFrom('submitted', 'commune', { ...ready, communeReportAttached: false }, REGIME_26_2026);
    expect(checks.map((check) => [check.step.action, check.unmet])).toEqual([
      ['return_to_producer', ['reasons_given']],
      ['propose', ['commune_report_attached']],
    ]);
    expect(stepsFrom('submitted', 'producer', ready, REGIME_26_2026)).toEqual([]);
  });

  it('asks no samples of a tourism service (Art. 6.2.d)', () => {
    expect(step('received', 'send_to_council', 'secretariat', { samplesReceived: 0, samplesRequired: 0 })).toBe('council_scoring');
  });

  it('reads the 90-point threshold from the regime', () => {
    const stricter = { ...REGIME_26_2026, starBands: [{ stars: 5, minPoints: 95 }, ...REGIME_26_2026.starBands.slice(1)] };
    const facts = { ...ready, result: { total: 92, stars: 4 } };
    expect(nextDossierState('scored', 'recognise', 'secretariat', facts, stricter)).toBe('recognised');
    expect(() => nextDossierState('scored', 'recognise', 'secretariat', facts, REGIME_26_2026)).toThrow(
      expect.objectContaining({ code: 'dossier.preconditions_unmet' }),
    );
  });
});
