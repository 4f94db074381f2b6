import { describe, expect, it } from 'vitest';
import {
  bandMinPoints,
  certificateExpiry,
  isRegimeInForce,
  reEvaluationFilingWindow,
  recognitionLevel,
  regimeMaxPoints,
  starBand,
} from './regime';
import { REGIME_26_2026, REGIME_148_2023, REGIME_1048_2019 } from './testdata/regimes';

describe('regimes as data', () => {
  it('part maxima add up to 100 under every regime, 40/25/35 since 2023 and 35/25/40 before', () => {
    expect(REGIME_26_2026.parts.map((part) => part.maxPoints)).toEqual([40, 25, 35]);
    expect(REGIME_148_2023.parts.map((part) => part.maxPoints)).toEqual([40, 25, 35]);
    expect(REGIME_1048_2019.parts.map((part) => part.maxPoints)).toEqual([35, 25, 40]);
    for (const regime of [REGIME_26_2026, REGIME_148_2023, REGIME_1048_2019]) expect(regimeMaxPoints(regime)).toBe(100);
  });

  it.each([
    [100, 5],
    [90, 5],
    [89.99, 4],
    [70, 4],
    [69.5, 3],
    [50, 3],
    [49, 2],
    [30, 2],
    [29.99, 1],
    [0, 1],
  ])('a total of %d falls in the %d-star band', (total, stars) => {
    expect(starBand(REGIME_26_2026, total)).toBe(stars);
  });

  it('knows each band’s lowest total and who recognises each level', () => {
    expect(bandMinPoints(REGIME_26_2026, 4)).toBe(70);
    expect(bandMinPoints(REGIME_26_2026, 6)).toBeNull();
    expect([1, 2, 3, 4, 5].map((stars) => recognitionLevel(REGIME_26_2026, stars))).toEqual([
      null,
      null,
      'province',
      'province',
      'ministry',
    ]);
    expect(REGIME_26_2026.starsWithoutDecision).toEqual([1, 2]);
  });

  it('148 ends the day before 26/2026’s 60-day lapse runs out; 1048 the day before 148', () => {
    expect(isRegimeInForce(REGIME_148_2023, '2026-07-20')).toBe(true);
    expect(isRegimeInForce(REGIME_148_2023, '2026-07-21')).toBe(false);
    expect(isRegimeInForce(REGIME_26_2026, '2026-05-21')).toBe(false);
    expect(isRegimeInForce(REGIME_26_2026, '2030-01-01')).toBe(true);
    expect(isRegimeInForce(REGIME_1048_2019, '2023-02-24')).toBe(false);
  });

  it.each([
    ['2026-06-15', '2029-06-14'],
    ['2026-05-31', '2029-05-30'],
    ['2028-02-29', '2031-02-28'],
    ['2026-01-01', '2028-12-31'],
  ])('a certificate issued on %s is valid 36 months, to %s', (issued, last) => {
    expect(certificateExpiry(REGIME_26_2026, issued)).toBe(last);
  });

  it('re-evaluation is filed from 180 to 120 days before the certificate ends', () => {
    expect(reEvaluationFilingWindow(REGIME_26_2026, '2029-06-14')).toEqual({ from: '2028-12-16', to: '2029-02-14' });
    expect(reEvaluationFilingWindow(REGIME_1048_2019, '2022-01-01')).toBeNull();
  });
});
