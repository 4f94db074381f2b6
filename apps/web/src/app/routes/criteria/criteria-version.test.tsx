// @vitest-environment happy-dom
import type { CriteriaVersionView } from '@ocop/contracts/evaluation';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { buildVersion, REGIMES, TEA_VERSION_ID } from '../../../testing/criteria-fixtures';
import { jsonResponse, stubFetch } from '../../../testing/fetch-stub';
import { buildMe, grant } from '../../../testing/fixtures';
import { renderApp } from '../../../testing/render-app';

const OFFICER = buildMe({ roles: [grant('province_officer', { provinceCode: '14' })] });
const COMMUNE = buildMe({ roles: [grant('commune_officer', { provinceCode: '14', communeCode: '03679' })] });

function stubVersion(me: ReturnType<typeof buildMe>, version: CriteriaVersionView) {
  return stubFetch({
    'GET /api/auth/me': () => jsonResponse(me),
    'GET /api/evaluation/regimes': () => jsonResponse(REGIMES),
    [`GET /api/evaluation/criteria-versions/${version.id}`]: () => jsonResponse(version),
  });
}

describe('score sheet version', () => {
  it('shows the tree (parts, criteria, options with points and starred minima, notes, evidence) and each issue under its criterion', async () => {
    const content = buildVersion().content;
    const version = buildVersion({
      issues: [
        { path: '1.5.1/A', code: 'part.sum_mismatch', message: 'Tổng điểm tối đa các tiêu chí của phần A là 38, phải là 40.' },
        {
          path: '1.5.1/A/A1',
          code: 'criterion.max_not_best_option',
          message: 'Điểm tối đa của tiêu chí A1 (40) khác điểm của phương án cao nhất (38).',
        },
      ],
    });
    stubVersion(OFFICER, version);
    renderApp(`/criteria/versions/${TEA_VERSION_ID}`);

    const tree = await screen.findByTestId('criteria-tree', {}, { timeout: 10_000 });
    expect(screen.getByRole('heading', { name: '1.5.1 · Chè, trà' })).toBeTruthy();
    expect(
      within(tree)
        .getAllByTestId('criteria-part')
        .map((part) => part.dataset.part),
    ).toEqual(['A', 'B', 'C']);
    const a1 = within(tree).getAllByTestId('criterion')[0] as HTMLElement;
    expect(a1.dataset.code).toBe('A1');
    expect(a1.textContent).toContain('A1. Nguồn nguyên liệu');
    expect(a1.textContent).toContain('Tối đa 40 điểm');
    expect(a1.textContent).toContain('Có hợp đồng liên kết với vùng nguyên liệu');
    const options = within(a1).getAllByTestId('criterion-option');
    expect(options.map((option) => option.textContent)).toEqual([
      'Nguồn nguyên liệu: mức 10 điểm',
      'Nguồn nguyên liệu: mức 2★★★20 điểm',
      'Nguồn nguyên liệu: mức 340 điểm',
    ]);
    expect(within(a1).getByTestId('option-minimum').getAttribute('title')).toBe('Tối thiểu để đạt ★★★');
    expect(within(a1).getByTestId('criterion-evidence').textContent).toContain('Nguồn gốc nguyên liệu');
    expect(within(a1).getByTestId('criterion-issue').textContent).toContain('khác điểm của phương án cao nhất (38)');
    const partA = within(tree).getAllByTestId('criteria-part')[0] as HTMLElement;
    const partIssues = within(partA).getAllByTestId('criterion-issue');
    expect(partIssues.map((issue) => issue.dataset.path)).toEqual(['1.5.1/A', '1.5.1/A/A1']);
    expect(
      within(tree)
        .getAllByTestId('criterion')
        .map((node) => node.dataset.code),
    ).toEqual(content.parts.flatMap((part) => part.criteria.map((criterion) => criterion.code)));

    const summary = screen.getByTestId('version-issues');
    expect(summary.dataset.count).toBe('2');
    expect(summary.textContent).toContain('Có 2 lỗi so với quy định');
    expect(within(summary).getAllByTestId('version-issue')).toHaveLength(2);
  });

  it('says there is no issue when the validator finds none', async () => {
    stubVersion(OFFICER, buildVersion());
    renderApp(`/criteria/versions/${TEA_VERSION_ID}`);
    const summary = await screen.findByTestId('version-issues', {}, { timeout: 10_000 });
    expect(summary.dataset.count).toBe('0');
    expect(summary.textContent).toContain('Không có lỗi: phiếu khớp với quy định.');
    expect(screen.queryAllByTestId('criterion-issue')).toHaveLength(0);
  });

  it('offers the secretariat buttons only with criteria.manage', async () => {
    stubVersion(OFFICER, buildVersion());
    const officer = renderApp(`/criteria/versions/${TEA_VERSION_ID}`);
    await screen.findByTestId('criteria-tree', {}, { timeout: 10_000 });
    for (const id of ['draft-create', 'criteria-export-xlsx', 'criteria-export-json', 'criteria-import']) {
      expect(screen.queryByTestId(id), id).not.toBeNull();
    }
    expect(screen.getByTestId('criteria-export-xlsx').getAttribute('href')).toBe(
      `/api/evaluation/criteria-versions/${TEA_VERSION_ID}/export.xlsx`,
    );
    expect(screen.queryByTestId('draft-edit')).toBeNull();
    officer.unmount();

    stubVersion(COMMUNE, buildVersion());
    renderApp(`/criteria/versions/${TEA_VERSION_ID}`);
    await screen.findByTestId('criteria-tree', {}, { timeout: 10_000 });
    for (const id of ['draft-create', 'criteria-export-xlsx', 'criteria-export-json', 'criteria-import', 'draft-edit', 'draft-publish']) {
      expect(screen.queryByTestId(id), id).toBeNull();
    }
  });

  it('hides the draft buttons without criteria.manage even on a draft opened for editing', async () => {
    const draft = buildVersion({ status: 'draft', source: 'secretariat', version: 2 });
    stubVersion(COMMUNE, draft);
    renderApp(`/criteria/versions/${TEA_VERSION_ID}?edit=1`);
    await screen.findByTestId('criteria-tree', {}, { timeout: 10_000 });
    expect(screen.queryByTestId('draft-editor')).toBeNull();
    for (const id of ['draft-edit', 'draft-publish', 'draft-delete']) expect(screen.queryByTestId(id), id).toBeNull();
  });
});
