// @vitest-environment happy-dom
import type { CriteriaSetContent, CriteriaVersionView } from '@ocop/contracts/evaluation';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { buildVersion, DRAFT_VERSION_ID, REGIMES } from '../../../testing/criteria-fixtures';
import { jsonResponse, problemResponse, stubFetch } from '../../../testing/fetch-stub';
import { buildMe, grant } from '../../../testing/fixtures';
import { renderApp } from '../../../testing/render-app';

const OFFICER = buildMe({ roles: [grant('province_officer', { provinceCode: '14' })] });
const DRAFT = buildVersion({ id: DRAFT_VERSION_ID, status: 'draft', source: 'secretariat', version: 2, revision: 3, publishedAt: null });

const totals = (testId: string) =>
  within(screen.getByTestId(testId))
    .getAllByTestId('part-total')
    .map((tag) => `${tag.textContent} ${tag.dataset.ok === 'true' ? 'ok' : 'red'}`);

function stubDraft(put: (body: { content: CriteriaSetContent; revision: number }) => Response) {
  return stubFetch({
    'GET /api/auth/me': () => jsonResponse(OFFICER),
    'GET /api/evaluation/regimes': () => jsonResponse(REGIMES),
    [`GET /api/evaluation/criteria-versions/${DRAFT_VERSION_ID}`]: () => jsonResponse(DRAFT),
    [`PUT /api/evaluation/criteria-versions/${DRAFT_VERSION_ID}`]: (request) =>
      put(request.body as { content: CriteriaSetContent; revision: number }),
  });
}

async function openEditor() {
  renderApp(`/criteria/versions/${DRAFT_VERSION_ID}`);
  fireEvent.click(await screen.findByTestId('draft-edit', {}, { timeout: 10_000 }));
  return screen.findByTestId('draft-editor');
}

const criterionEditor = (code: string) =>
  screen.getAllByTestId('criterion-editor').find((node) => node.dataset.code === code) as HTMLElement;

describe('draft editor', () => {
  // Many antd inputs re-render per change: on two shared cores this test can outgrow the default 20 s.
  it('keeps the running maxima of each part in sight, red while a part does not add up, and saves the whole content with its revision', async () => {
    const { requests } = stubDraft((body) =>
      jsonResponse({
        ...DRAFT,
        revision: 4,
        content: body.content,
        partTotals: [
          { code: 'A', maxPoints: 40, sum: 30 },
          { code: 'B', maxPoints: 25, sum: 26 },
          { code: 'C', maxPoints: 35, sum: 35 },
        ],
        issues: [{ path: '1.5.1/A', code: 'part.sum_mismatch', message: 'Tổng điểm tối đa các tiêu chí của phần A là 30, phải là 40.' }],
      } satisfies CriteriaVersionView),
    );
    await openEditor();
    expect(totals('editor-totals')).toEqual(['A: 40/40 ok', 'B: 25/25 ok', 'C: 35/35 ok']);

    const maxBox = within(criterionEditor('A1')).getByTestId('criterion-max');
    const max = (maxBox.tagName === 'INPUT' ? maxBox : maxBox.querySelector('input')) as HTMLInputElement;
    fireEvent.change(max, { target: { value: '30' } });
    await waitFor(() => expect(totals('editor-totals')).toEqual(['A: 30/40 red', 'B: 25/25 ok', 'C: 35/35 ok']));
    expect(screen.getByText('Có thay đổi chưa lưu')).toBeTruthy();

    // A new criterion in part B comes with two options (0 and 1 point) and adds its maximum of 1.
    const partB = screen.getAllByTestId('part-editor')[1] as HTMLElement;
    fireEvent.click(within(partB).getByTestId('criterion-add'));
    await waitFor(() => expect(totals('editor-totals')).toEqual(['A: 30/40 red', 'B: 26/25 red', 'C: 35/35 ok']));
    expect(
      within(partB)
        .getAllByTestId('criterion-editor')
        .map((node) => node.dataset.code),
    ).toEqual(['B1', 'B2']);

    // Starred minimum per option, then an option moved up: the minimum follows its option.
    const c1 = criterionEditor('C1');
    const secondOption = within(c1).getAllByTestId('option-editor')[1] as HTMLElement;
    fireEvent.click(within(secondOption).getByRole('button', { name: 'Lên' }));
    fireEvent.click(screen.getByTestId('draft-save'));

    await waitFor(() => expect(requests.some((r) => r.method === 'PUT')).toBe(true));
    const put = requests.find((r) => r.method === 'PUT');
    const body = put?.body as { content: CriteriaSetContent; revision: number };
    expect(body.revision).toBe(3);
    expect(put?.headers.get('x-csrf-token')).toBe('csrf-token-1');
    const [a, b, c] = body.content.parts;
    expect(a?.criteria[0]?.maxPoints).toBe(30);
    expect(b?.criteria.map((criterion) => [criterion.code, criterion.maxPoints, criterion.options.map((option) => option.id)])).toEqual([
      ['B1', 25, ['B1/1', 'B1/2']],
      ['B2', 1, ['B2/1', 'B2/2']],
    ]);
    expect(c?.criteria[0]?.options.map((option) => [option.id, option.points])).toEqual([
      ['C1/1', 35],
      ['C1/2', 5],
    ]);
    expect(c?.criteria[0]?.minima).toEqual([{ stars: 5, optionId: 'C1/1' }]);
    expect(await screen.findByText('Đã lưu bản nháp.')).toBeTruthy();
  }, 40_000);

  it('shows a refused save next to the criterion its path names', async () => {
    stubDraft(() =>
      problemResponse(422, 'criteria.duplicate_code', 'Mã tiêu chí A1 bị trùng (1.5.1/C/A1); mỗi tiêu chí phải có mã riêng.', {
        details: { path: '1.5.1/C/A1', criterionCode: 'A1' },
      }),
    );
    await openEditor();
    const code = within(criterionEditor('C1')).getByTestId('criterion-code') as HTMLInputElement;
    fireEvent.change(code, { target: { value: 'A1' } });
    fireEvent.click(screen.getByTestId('draft-save'));

    const issue = await screen.findByTestId('criterion-issue', {}, { timeout: 10_000 });
    expect(issue.dataset.path).toBe('1.5.1/C/A1');
    expect(issue.textContent).toContain('Mã tiêu chí A1 bị trùng');
    const partC = screen.getAllByTestId('part-editor')[2] as HTMLElement;
    expect(within(partC).getByTestId('criterion-issue')).toBe(issue);
    // The page-level alert says it too, with the server's Vietnamese text.
    await waitFor(() => {
      const pageAlerts = screen.getAllByRole('alert').filter((alert) => !partC.contains(alert));
      // The app's own text for the code (once its error texts have loaded) or the server's: the same words.
      expect(pageAlerts.some((alert) => alert.textContent?.includes('Mã tiêu chí A1 bị trùng (1.5.1/C/A1)'))).toBe(true);
    });
  });
});
