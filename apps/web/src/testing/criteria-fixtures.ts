import type { CriteriaSetContent, CriteriaVersionView, CriterionContent, RegimeView } from '@ocop/contracts/evaluation';

export const TEA_VERSION_ID = '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b';
export const DRAFT_VERSION_ID = '7a2e3d4c-5b6f-4a71-9b8c-0d1e2f3a4b5c';
export const OLD_VERSION_ID = '8b3f4e5d-6c7a-4b82-8c9d-1e2f3a4b5c6d';

function regime(overrides: Partial<RegimeView>): RegimeView {
  return {
    code: '26/2026',
    name: 'Quyết định 26/2026/QĐ-TTg',
    legalBasis: { docNo: '26/2026/QĐ-TTg', signed: '2026-05-22', article: 'Điều 3, 4, 7, 12' },
    effectiveFrom: '2026-05-22',
    effectiveTo: null,
    inForce: true,
    classificationCode: 'qd26-2026',
    parts: [
      { code: 'A', label: 'Sản phẩm và sức mạnh của cộng đồng', maxPoints: 40 },
      { code: 'B', label: 'Khả năng tiếp thị', maxPoints: 25 },
      { code: 'C', label: 'Chất lượng sản phẩm', maxPoints: 35 },
    ],
    starBands: [
      { stars: 5, minPoints: 90 },
      { stars: 4, minPoints: 70 },
      { stars: 3, minPoints: 50 },
      { stars: 2, minPoints: 30 },
      { stars: 1, minPoints: 0 },
    ],
    recognition: [
      { stars: [3, 4], level: 'province' },
      { stars: [5], level: 'ministry' },
    ],
    starsWithoutDecision: [1, 2],
    certificateValidityMonths: 36,
    reEvaluationFiling: { earliestDaysBeforeExpiry: 180, latestDaysBeforeExpiry: 120 },
    transition: null,
    evidence: [{ id: 'nguon-goc-nguyen-lieu', label: 'Nguồn gốc nguyên liệu', requirement: 'Hợp đồng mua bán…', dossier: false }],
    schedule: {
      communeAssessmentWorkingDays: 15,
      provinceRounds: [
        { proposalsBy: '04-30', resultsBy: '06-30' },
        { proposalsBy: '10-30', resultsBy: '12-30' },
      ],
      ministryRounds: [
        { proposalsBy: '01-30', resultsBy: '03-30' },
        { proposalsBy: '07-30', resultsBy: '09-30' },
      ],
    },
    publishedSets: 26,
    ...overrides,
  };
}

export const REGIME_26 = regime({});
export const REGIME_148 = regime({
  code: '148/2023',
  name: 'Quyết định 148/QĐ-TTg',
  legalBasis: { docNo: '148/QĐ-TTg', signed: '2023-02-24', article: 'Phụ lục' },
  effectiveFrom: '2023-02-24',
  effectiveTo: '2026-07-20',
  inForce: false,
  recognition: null,
  starsWithoutDecision: null,
  reEvaluationFiling: null,
  schedule: null,
  publishedSets: 0,
});
export const REGIMES: RegimeView[] = [REGIME_26, REGIME_148];

function criterion(code: string, label: string, points: number[], extra: Partial<CriterionContent> = {}): CriterionContent {
  return {
    code,
    label,
    maxPoints: Math.max(...points),
    requirementNote: null,
    options: points.map((value, at) => ({ id: `${code}/${at + 1}`, label: `${label}: mức ${at + 1}`, points: value })),
    minima: [],
    evidence: [],
    children: [],
    ...extra,
  };
}

/** A tea sheet cut down to one criterion per part (maxima then add up to 40/25/35 by construction). */
export function teaContent(): CriteriaSetContent {
  return {
    regimeCode: '26/2026',
    productSetCode: '1.5.1',
    ordinal: 21,
    name: 'Chè, trà',
    parts: [
      {
        code: 'A',
        label: 'Sản phẩm và sức mạnh của cộng đồng',
        maxPoints: 40,
        criteria: [
          criterion('A1', 'Nguồn nguyên liệu', [0, 20, 40], {
            requirementNote: 'Có hợp đồng liên kết với vùng nguyên liệu',
            minima: [{ stars: 3, optionId: 'A1/2' }],
            evidence: ['nguon-goc-nguyen-lieu'],
          }),
        ],
      },
      { code: 'B', label: 'Khả năng tiếp thị', maxPoints: 25, criteria: [criterion('B1', 'Kênh phân phối', [0, 25])] },
      {
        code: 'C',
        label: 'Chất lượng sản phẩm',
        maxPoints: 35,
        criteria: [criterion('C1', 'Chất lượng cảm quan', [5, 35], { minima: [{ stars: 5, optionId: 'C1/2' }] })],
      },
    ],
    disqualifiers: [],
  };
}

export function buildVersion(overrides: Partial<CriteriaVersionView> = {}): CriteriaVersionView {
  return {
    id: TEA_VERSION_ID,
    regimeCode: '26/2026',
    productSetCode: '1.5.1',
    name: 'Chè, trà',
    version: 1,
    status: 'published',
    source: 'reference',
    revision: 1,
    createdAt: '2026-05-22T00:00:00.000Z',
    publishedAt: '2026-05-22T00:00:00.000Z',
    partTotals: [
      { code: 'A', maxPoints: 40, sum: 40 },
      { code: 'B', maxPoints: 25, sum: 25 },
      { code: 'C', maxPoints: 35, sum: 35 },
    ],
    answerableCriteria: 3,
    content: teaContent(),
    issues: [],
    ...overrides,
  };
}
