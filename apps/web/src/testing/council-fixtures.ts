import type { CouncilView, MySheetView, ScoresView } from '@ocop/contracts/councils';
import type { DossierBrief } from '@ocop/contracts/dossiers';
import { buildSelfAssessment } from './self-assessment-fixtures';

export const DOSSIER_ID = '0d9c8b7a-6f5e-4d3c-8b2a-1f0e9d8c7b6a';
export const DOSSIER_2_ID = '1e0d9c8b-7a6f-4e5d-9c3b-2a1f0e9d8c7b';
export const COUNCIL_ID = '2f1e0d9c-8b7a-4f6e-8d4c-3b2a1f0e9d8c';
export const ROUND_ID = '3a2f1e0d-9c8b-4a7f-9e5d-4c3b2a1f0e9d';
export const MEMBER_IDS = [
  '4b3a2f1e-0d9c-4b8a-8f6e-5d4c3b2a1f0e',
  '5c4b3a2f-1e0d-4c9b-9a7f-6e5d4c3b2a1f',
  '6d5c4b3a-2f1e-4d0c-8b8a-7f6e5d4c3b2a',
];
export const USER_IDS = ['7e6d5c4b-3a2f-4e1d-9c9b-8a7f6e5d4c3b', '8f7e6d5c-4b3a-4f2e-8d0c-9b8a7f6e5d4c'];

/** The cut-down tea sheet of the self-assessment tests: A1.1 [0,2,4], A1.2 [0,1,3] (4★ needs 3), B1 [0,25], C1 [0,20,35]. */
export function buildMySheet(overrides: Partial<MySheetView> = {}): MySheetView {
  const { version, content } = buildSelfAssessment();
  return {
    dossierId: DOSSIER_ID,
    council: { id: COUNCIL_ID, name: 'Hội đồng OCOP tỉnh Sơn La 2026' },
    member: { id: MEMBER_IDS[0] ?? '', position: 'member', department: 'health' },
    version,
    content,
    answers: { 'A1.1': 'A1.1/3' },
    comments: {},
    status: 'draft',
    revision: 2,
    total: 4,
    parts: [
      { code: 'A', total: 4, maxPoints: 40 },
      { code: 'B', total: 0, maxPoints: 25 },
      { code: 'C', total: 0, maxPoints: 35 },
    ],
    unanswered: ['A1.2', 'B1', 'C1'],
    conflict: { hasConflict: false, reason: null },
    submittedAt: null,
    sealSeq: null,
    hash: null,
    canEdit: true,
    ...overrides,
  };
}

const part = (code: string, total: number, maxPoints: number) => ({ code, total, maxPoints });

/** Three submitted sheets: two near 70, one far below (an outlier at a 10-point spread). */
export function buildScores(overrides: Partial<ScoresView> = {}): ScoresView {
  const sheet = (index: number, fullName: string, total: number, outlier: boolean, deviation: number) => ({
    memberId: MEMBER_IDS[index] ?? '',
    fullName,
    position: index === 0 ? ('chair' as const) : ('member' as const),
    department: index === 0 ? ('agriculture_environment' as const) : ('industry_trade' as const),
    total,
    parts: [part('A', total - 55, 40), part('B', 25, 25), part('C', 30, 35)],
    submittedAt: '2026-09-10T03:00:00.000Z',
    sealSeq: index + 1,
    hash: `${index}`.repeat(64),
    outlier,
    deviation,
    criteria: {
      'A1.1': { optionId: 'A1.1/3', points: 4, comment: index === 1 ? 'Nguyên liệu tại chỗ' : null },
      B1: { optionId: 'B1/2', points: 25, comment: null },
    },
  });
  return {
    dossierId: DOSSIER_ID,
    council: { id: COUNCIL_ID, name: 'Hội đồng OCOP tỉnh Sơn La 2026', quorum: 3, spreadLimit: 10, writtenOpinion: false },
    sheets: [
      sheet(0, 'Nguyễn Văn An', 70, false, 0.5),
      sheet(1, 'Trần Thị Bình', 69, false, -0.5),
      sheet(2, 'Lò Văn Cường', 55, true, -14.5),
    ],
    average: {
      total: 69.5,
      band: 3,
      stars: 3,
      parts: [part('A', 14.5, 40), part('B', 25, 25), part('C', 30, 35)],
      criteria: { 'A1.1': 4, 'A1.2': 1, B1: 25, C1: 30 },
      unmetMinima: [{ stars: 4, unmet: [{ criterionCode: 'A1.2', averagePoints: 1, requiredPoints: 3 }] }],
    },
    meetingNeeded: false,
    submittedSheets: 3,
    quorumReached: true,
    conflicts: [
      { memberId: MEMBER_IDS[1] ?? '', fullName: 'Hà Thị Dung', reason: 'Người thân của chủ thể', declaredAt: '2026-09-09T02:00:00.000Z' },
    ],
    notSubmitted: [{ memberId: MEMBER_IDS[2] ?? '', fullName: 'Quàng Văn Em', department: 'finance', drafted: true }],
    ...overrides,
  };
}

export function buildCouncil(overrides: Partial<CouncilView> = {}): CouncilView {
  return {
    id: COUNCIL_ID,
    provinceCode: '14',
    roundId: ROUND_ID,
    name: 'Hội đồng OCOP tỉnh Sơn La 2026',
    establishedBy: 'Quyết định số 123/QĐ-UBND',
    spreadLimit: 10,
    quorum: 3,
    writtenOpinion: false,
    createdAt: '2026-09-01T02:00:00.000Z',
    members: [
      {
        id: MEMBER_IDS[0] ?? '',
        userId: USER_IDS[0] ?? '',
        fullName: 'Nguyễn Văn An',
        title: 'Phó Giám đốc Sở',
        position: 'chair',
        department: 'agriculture_environment',
      },
    ],
    dossiers: [],
    ...overrides,
  };
}

export function buildBrief(overrides: Partial<DossierBrief> = {}): DossierBrief {
  return {
    id: DOSSIER_ID,
    kind: 'first',
    state: 'received',
    revision: 3,
    roundId: ROUND_ID,
    roundName: 'Đợt 2 năm 2026',
    product: { id: '9a8f7e6d-5c4b-4a3f-9e1d-0c9b8a7f6e5d', name: 'Chè Shan tuyết Tà Xùa', code: null },
    producer: { id: 'a09f8e7d-6c5b-4b4a-8f2e-1d0c9b8a7f6e', name: 'HTX Chè Tà Xùa' },
    communeCode: '03664',
    communeName: 'Phường Chiềng An',
    submittedOn: '2026-08-01',
    communeClock: null,
    selfAssessmentTotal: 72,
    resultTotal: null,
    resultStars: null,
    recognisedStars: null,
    lateFiling: false,
    councilId: null,
    updatedAt: '2026-08-20T02:00:00.000Z',
    ...overrides,
  };
}
