import type { DossierBrief, DossierView, RoundView } from '@ocop/contracts/dossiers';
import { PRODUCER_ID, PRODUCT_ID } from './fixtures';

export const DOSSIER_ID = '6a1f8c2e-3b4d-4e5f-8a9b-0c1d2e3f4a5b';
export const ROUND_ID = '7b2e9d3f-4c5e-4f60-9bac-1d2e3f4a5b6c';
export const OLD_ROUND_ID = '8c3fae40-5d6f-4071-8cbd-2e3f4a5b6c7d';

export function buildRound(overrides: Partial<RoundView> = {}): RoundView {
  return {
    id: ROUND_ID,
    provinceCode: '14',
    level: 'province',
    kind: 'extra',
    year: 2027,
    ordinal: 3,
    name: 'Đợt bổ sung 2027',
    filingBy: null,
    proposalsBy: '2099-04-30',
    resultsBy: '2099-06-30',
    status: 'open',
    dossierCount: 2,
    ...overrides,
  };
}

export function buildBrief(overrides: Partial<DossierBrief> = {}): DossierBrief {
  return {
    id: DOSSIER_ID,
    kind: 'first',
    state: 'submitted',
    revision: 3,
    roundId: ROUND_ID,
    roundName: 'Đợt bổ sung 2027',
    product: { id: PRODUCT_ID, name: 'Chè Shan tuyết Tà Xùa', code: null },
    producer: { id: PRODUCER_ID, name: 'Công ty Trà Tây Bắc' },
    communeCode: '03868',
    communeName: 'Xã Tà Xùa',
    submittedOn: '2026-11-20',
    communeClock: { receivedOn: '2026-11-20', dueOn: '2026-12-11', allowed: 15, used: 12, remaining: 3, overdue: false },
    selfAssessmentTotal: 62,
    resultTotal: null,
    resultStars: null,
    recognisedStars: null,
    lateFiling: false,
    councilId: null,
    updatedAt: '2026-11-20T02:00:00.000Z',
    ...overrides,
  };
}

export function buildDossier(overrides: Partial<DossierView> = {}): DossierView {
  return {
    ...buildBrief({ state: 'draft', revision: 2, communeClock: null, submittedOn: null }),
    councilName: null,
    regimeCode: 'qd-26-2026',
    productSetCode: '1.5.1',
    baseDossierId: null,
    certificateExpiresOn: null,
    registration: {},
    selfAssessment: null,
    communeReport: null,
    proposedOn: null,
    receivedOn: null,
    advisoryReview: null,
    samplesReceived: 0,
    samplesRequired: 5,
    evidence: [],
    checklist: [
      { key: 'giay-dang-ky-kinh-doanh', label: 'Giấy đăng ký kinh doanh', present: true },
      { key: 'giay-chung-nhan-du-dieu-kien', label: 'Giấy chứng nhận đủ điều kiện sản xuất', present: false },
    ],
    missingDocuments: ['Giấy chứng nhận đủ điều kiện sản xuất'],
    result: null,
    decision: null,
    ministryResult: null,
    lastReasons: null,
    steps: [{ action: 'submit', to: 'submitted', unmet: ['documents_complete'] }],
    history: [],
    ...overrides,
  };
}
