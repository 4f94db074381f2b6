import { describe, expect, it } from 'vitest';
import { changedCriteria, dossierChecklist, missingOf, samplesRequired } from './dossier-checklist';
import { REGIME_26_2026 } from './testdata/regimes';

const catalogue = REGIME_26_2026.evidence;

describe('the dossier checklist', () => {
  it('asks every dossier for the business registration and the production-conditions certificate', () => {
    const lines = dossierChecklist({ kind: 'first', catalogue, evidence: [] });
    expect(lines.map((line) => line.key)).toEqual(['giay-dang-ky-kinh-doanh', 'giay-chung-nhan-du-dieu-kien']);
    expect(missingOf(lines)).toEqual(['Giấy đăng ký kinh doanh', 'Giấy chứng nhận cơ sở đủ điều kiện sản xuất']);
    const done = dossierChecklist({
      kind: 'first',
      catalogue,
      evidence: [
        { criterionCode: null, evidenceItemId: 'giay-dang-ky-kinh-doanh' },
        { criterionCode: '1.1', evidenceItemId: 'giay-chung-nhan-du-dieu-kien' },
      ],
    });
    expect(missingOf(done)).toEqual([]);
  });

  it('asks a re-evaluation also for the quality declaration and the periodic lab tests', () => {
    const lines = dossierChecklist({ kind: 're_evaluation', catalogue, evidence: [] });
    expect(lines.map((line) => line.key)).toEqual([
      'giay-dang-ky-kinh-doanh',
      'giay-chung-nhan-du-dieu-kien',
      'cong-bo-chat-luong',
      'kiem-nghiem',
    ]);
  });

  it('asks an upgrade for evidence of each criterion it changed', () => {
    const changed = changedCriteria({ '1.1': '1.1/1', '2.1': '2.1/2' }, { '1.1': '1.1/3', '2.1': '2.1/2', '3.1': '3.1/1' });
    expect(changed).toEqual(['1.1', '3.1']);
    const lines = dossierChecklist({
      kind: 'upgrade',
      catalogue,
      evidence: [{ criterionCode: '1.1', evidenceItemId: null }],
      changed: [
        { code: '1.1', label: 'Nguyên liệu' },
        { code: '3.1', label: 'Công bố chất lượng' },
      ],
    });
    expect(lines.filter((line) => line.key.startsWith('criterion:')).map((line) => [line.key, line.present])).toEqual([
      ['criterion:1.1', true],
      ['criterion:3.1', false],
    ]);
  });

  it('asks five samples, none of a tourism service', () => {
    expect(samplesRequired('1.5.1')).toBe(5);
    expect(samplesRequired('6.1.1')).toBe(0);
  });
});
