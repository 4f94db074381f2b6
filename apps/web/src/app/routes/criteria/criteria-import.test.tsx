// @vitest-environment happy-dom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { CriteriaDryRun } from '../../../features/criteria/api/import-criteria';
import { buildVersion, DRAFT_VERSION_ID, REGIMES, TEA_VERSION_ID } from '../../../testing/criteria-fixtures';
import { jsonResponse, stubFetch } from '../../../testing/fetch-stub';
import { buildMe, grant } from '../../../testing/fixtures';
import { renderApp } from '../../../testing/render-app';

const OFFICER = buildMe({ roles: [grant('province_officer', { provinceCode: '14' })] });
const IMPORT_PATH = '/api/evaluation/regimes/26%2F2026/sets/1.5.1/import';

const REFUSED: CriteriaDryRun = {
  ok: false,
  issues: [
    {
      row: 2,
      rows: [2, 3, 4],
      path: '1.5.1/A',
      code: 'part.sum_mismatch',
      message: 'Tổng điểm tối đa các tiêu chí của phần A là 41, phải là 40 (dòng 2–4).',
    },
  ],
  summary: {
    parts: [
      { code: 'A', maxPoints: 40, sum: 41 },
      { code: 'B', maxPoints: 25, sum: 25 },
      { code: 'C', maxPoints: 35, sum: 35 },
    ],
    criteria: 3,
    options: 7,
  },
};
const CLEAN: CriteriaDryRun = {
  ok: true,
  issues: [],
  summary: { ...REFUSED.summary, parts: REFUSED.summary.parts.map((part) => ({ ...part, sum: part.maxPoints })) },
};

describe('importing a score sheet', () => {
  it('checks the file first, lists the issues by row with the commit disabled, and makes a clean file the draft', async () => {
    const answers = [REFUSED, CLEAN];
    const draft = buildVersion({ id: DRAFT_VERSION_ID, status: 'draft', source: 'import', version: 2, publishedAt: null });
    const { requests } = stubFetch({
      'GET /api/auth/me': () => jsonResponse(OFFICER),
      'GET /api/evaluation/regimes': () => jsonResponse(REGIMES),
      [`GET /api/evaluation/criteria-versions/${TEA_VERSION_ID}`]: () => jsonResponse(buildVersion()),
      [`GET /api/evaluation/criteria-versions/${DRAFT_VERSION_ID}`]: () => jsonResponse(draft),
      [`POST ${IMPORT_PATH}`]: (request) =>
        request.search.get('dryRun') === 'true' ? jsonResponse(answers.shift() ?? CLEAN) : jsonResponse(draft, 201),
    });
    renderApp(`/criteria/versions/${TEA_VERSION_ID}`);
    fireEvent.click(await screen.findByTestId('criteria-import', {}, { timeout: 10_000 }));

    const input = (await screen.findByTestId('criteria-import-file')) as HTMLInputElement;
    fireEvent.change(input, { target: { files: [new File(['{}'], 'che.json', { type: 'application/json' })] } });
    expect(screen.getByTestId('criteria-import-commit').hasAttribute('disabled')).toBe(true);
    fireEvent.click(screen.getByTestId('criteria-import-check'));

    const rows = await screen.findAllByTestId('criteria-import-issue');
    expect(rows).toHaveLength(1);
    expect(rows[0]?.textContent).toContain('2, 3, 4');
    expect(rows[0]?.textContent).toContain('phải là 40 (dòng 2–4)');
    expect(screen.getByText('Có 1 lỗi. Hãy sửa tệp rồi kiểm tra lại; chưa có gì được lưu.')).toBeTruthy();
    expect(within(screen.getByTestId('import-totals')).getAllByTestId('part-total')[0]?.dataset.ok).toBe('false');
    expect(screen.getByTestId('criteria-import-commit').hasAttribute('disabled')).toBe(true);

    fireEvent.click(screen.getByTestId('criteria-import-check'));
    expect(await screen.findByText('Không có lỗi: 3 tiêu chí, 7 phương án.')).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('criteria-import-commit').hasAttribute('disabled')).toBe(false));
    fireEvent.click(screen.getByTestId('criteria-import-commit'));

    expect(await screen.findByTestId('draft-editor', {}, { timeout: 10_000 })).toBeTruthy();
    const uploads = requests.filter((r) => r.method === 'POST' && r.path === IMPORT_PATH);
    expect(uploads.map((r) => r.search.get('dryRun'))).toEqual(['true', 'true', 'false']);
    expect((uploads[2]?.form?.get('file') as File | null)?.name).toBe('che.json');
    expect(uploads[2]?.headers.get('x-csrf-token')).toBe('csrf-token-1');
  });
});
