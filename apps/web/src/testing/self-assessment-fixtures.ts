import type { CriterionContent, SelfAssessmentView } from '@ocop/contracts/evaluation';
import { PRODUCER_ID, PRODUCT_ID } from './fixtures';

export const VERSION_ID = '7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f';

function leaf(code: string, label: string, points: number[], extra: Partial<CriterionContent> = {}): CriterionContent {
  return {
    code,
    label,
    maxPoints: Math.max(...points),
    requirementNote: null,
    options: points.map((value, index) => ({ id: `${code}/${index + 1}`, label: `Mức ${index + 1} của ${code}`, points: value })),
    minima: [],
    evidence: [],
    children: [],
    ...extra,
  };
}

/** A tea sheet cut down to four criteria: 3★ projected, A1.2 below its 4★ minimum, the plan raising it. */
export function buildSelfAssessment(overrides: Partial<SelfAssessmentView> = {}): SelfAssessmentView {
  const a11 = leaf('A1.1', 'Nguyên liệu', [0, 2, 4]);
  const a12 = leaf('A1.2', 'Liên kết chuỗi', [0, 1, 3], {
    minima: [{ stars: 4, optionId: 'A1.2/3' }],
    requirementNote: 'Có hợp đồng liên kết với người trồng chè.',
    evidence: ['contract'],
  });
  return {
    product: {
      id: PRODUCT_ID,
      name: '(Demo) Chè Shan tuyết Tà Xùa',
      producerId: PRODUCER_ID,
      producerName: '(Demo) Công ty TNHH Trà và Đặc sản Tây Bắc',
      productSet: { versionCode: 'qd26-2026', code: '1.5.1', name: 'Chè tươi, chè chế biến' },
    },
    regime: { code: '26/2026', name: 'Bộ tiêu chí OCOP 2026', docNo: '26/2026/QĐ-TTg' },
    version: {
      id: VERSION_ID,
      regimeCode: '26/2026',
      productSetCode: '1.5.1',
      name: 'Chè tươi, chè chế biến',
      version: 1,
      status: 'published',
      source: 'reference',
      revision: 1,
      createdAt: '2026-12-01T00:00:00.000Z',
      publishedAt: '2026-12-01T00:00:00.000Z',
      partTotals: [],
      answerableCriteria: 4,
    },
    content: {
      regimeCode: '26/2026',
      productSetCode: '1.5.1',
      ordinal: 11,
      name: 'Chè tươi, chè chế biến',
      parts: [
        {
          code: 'A',
          label: 'Sản phẩm và sức mạnh cộng đồng',
          maxPoints: 40,
          criteria: [{ ...leaf('A1', 'Tổ chức sản xuất', [0]), options: [], maxPoints: 7, children: [a11, a12] }],
        },
        { code: 'B', label: 'Phát triển sản phẩm', maxPoints: 25, criteria: [leaf('B1', 'Câu chuyện sản phẩm', [0, 25])] },
        { code: 'C', label: 'Chất lượng sản phẩm', maxPoints: 35, criteria: [leaf('C1', 'Chất lượng cảm quan', [0, 20, 35])] },
      ],
      disqualifiers: [],
    },
    evidence: [],
    answers: { 'A1.1': 'A1.1/3', 'A1.2': 'A1.2/2', B1: 'B1/2', C1: 'C1/2' },
    revision: 4,
    updatedAt: '2026-12-03T03:15:00.000Z',
    answersFromOtherVersion: false,
    score: {
      total: 50,
      maxPoints: 100,
      parts: [
        { code: 'A', label: 'Sản phẩm và sức mạnh cộng đồng', total: 5, maxPoints: 40 },
        { code: 'B', label: 'Phát triển sản phẩm', total: 25, maxPoints: 25 },
        { code: 'C', label: 'Chất lượng sản phẩm', total: 20, maxPoints: 35 },
      ],
      criteria: { A1: 5, 'A1.1': 4, 'A1.2': 1, B1: 25, C1: 20 },
      band: 3,
      stars: 3,
      unmetMinima: [
        {
          stars: 4,
          unmet: [
            {
              criterionCode: 'A1.2',
              label: 'Liên kết chuỗi',
              chosenOptionId: 'A1.2/2',
              chosenPoints: 1,
              requiredOptionId: 'A1.2/3',
              requiredPoints: 3,
              markedForStars: 4,
            },
          ],
        },
      ],
      unanswered: [],
    },
    plan: {
      target: 4,
      reachable: true,
      totalAfter: 67,
      pointsGained: 17,
      steps: [
        {
          criterionCode: 'A1.2',
          label: 'Liên kết chuỗi',
          currentOptionId: 'A1.2/2',
          currentLabel: 'Mức 2 của A1.2',
          currentPoints: 1,
          neededOptionId: 'A1.2/3',
          neededLabel: 'Mức 3 của A1.2',
          neededPoints: 3,
          pointsGained: 2,
          reason: 'minimum',
          evidence: [{ id: 'contract', label: 'Hợp đồng liên kết', requirement: 'Bản sao có xác nhận', dossier: true }],
        },
        {
          criterionCode: 'C1',
          label: 'Chất lượng cảm quan',
          currentOptionId: 'C1/2',
          currentLabel: 'Mức 2 của C1',
          currentPoints: 20,
          neededOptionId: 'C1/3',
          neededLabel: 'Mức 3 của C1',
          neededPoints: 35,
          pointsGained: 15,
          reason: 'band',
          evidence: [],
        },
      ],
    },
    canEdit: true,
    ...overrides,
  };
}
