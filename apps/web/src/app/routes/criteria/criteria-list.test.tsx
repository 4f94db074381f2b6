// @vitest-environment happy-dom
import type { CriteriaVersionSummaryView } from '@ocop/contracts/evaluation';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { buildVersion, REGIME_26, REGIME_148, REGIMES } from '../../../testing/criteria-fixtures';
import { jsonResponse, stubFetch } from '../../../testing/fetch-stub';
import { buildMe, grant } from '../../../testing/fixtures';
import { renderApp } from '../../../testing/render-app';

function summary(overrides: Partial<CriteriaVersionSummaryView>): CriteriaVersionSummaryView {
  const { content: _content, issues: _issues, ...rest } = buildVersion();
  return { ...rest, ...overrides };
}

describe('score sheets list', () => {
  it('shows each regime with its numbers as data, the one in force first, and the sets of the one picked', async () => {
    const { requests } = stubFetch({
      'GET /api/auth/me': () => jsonResponse(buildMe({ roles: [grant('producer_member', { producerId: 'p1' })] })),
      'GET /api/evaluation/regimes': () => jsonResponse(REGIMES),
      'GET /api/evaluation/regimes/26%2F2026/sets': () =>
        jsonResponse({
          regime: REGIME_26,
          items: [
            summary({}),
            summary({
              id: '9c4a5f6e-7d8b-4c93-9dae-2f3a4b5c6d7e',
              productSetCode: '1.1.1',
              name: 'Rau, củ, quả tươi',
              partTotals: [
                { code: 'A', maxPoints: 40, sum: 38 },
                { code: 'B', maxPoints: 25, sum: 25 },
                { code: 'C', maxPoints: 35, sum: 35 },
              ],
            }),
          ],
        }),
      'GET /api/evaluation/regimes/148%2F2023/sets': () => jsonResponse({ regime: REGIME_148, items: [] }),
    });
    renderApp('/criteria');

    const cards = await screen.findAllByTestId('regime-card', {}, { timeout: 10_000 });
    expect(cards).toHaveLength(2);
    const [current, ended] = cards as [HTMLElement, HTMLElement];
    expect(within(current).getByTestId('regime-state').textContent).toBe('Đang áp dụng');
    expect(within(ended).getByTestId('regime-state').textContent).toBe('Hết hiệu lực');
    expect(ended.textContent).toContain('Hiệu lực: 24/02/2023 – 20/07/2026');
    expect(within(current).getByTestId('regime-parts').textContent).toBe('A: 40B: 25C: 35Tổng: 100');
    expect(within(current).getByText('4 sao: từ 70 điểm')).toBeTruthy();
    expect(within(current).getByText('UBND tỉnh: 3, 4 sao')).toBeTruthy();
    expect(within(current).getByText('Trung ương: 5 sao')).toBeTruthy();
    expect(within(current).getByText('36 tháng')).toBeTruthy();
    expect(within(current).getByText('từ 180 đến 120 ngày trước khi hết hạn')).toBeTruthy();
    expect(within(ended).getAllByText('Dữ liệu chưa nêu')).toHaveLength(2);

    const rows = await screen.findAllByTestId('set-row');
    expect(rows).toHaveLength(2);
    expect(rows[0]?.textContent).toContain('1.5.1');
    expect(rows[0]?.textContent).toContain('Chè, trà');
    expect(rows[0]?.textContent).toContain('Đã ban hành');
    expect(rows[0]?.textContent).toContain('Dữ liệu quốc gia');
    const fresh = within(rows[1] as HTMLElement).getAllByTestId('part-total');
    expect(fresh.map((tag) => [tag.textContent, tag.dataset.ok])).toEqual([
      ['A: 38/40', 'false'],
      ['B: 25/25', 'true'],
      ['C: 35/35', 'true'],
    ]);
    expect(
      within(rows[0] as HTMLElement)
        .getByTestId('set-link')
        .getAttribute('href'),
    ).toBe(`/criteria/versions/${buildVersion().id}`);

    fireEvent.click(within(ended).getByTestId('regime-open'));
    expect(await screen.findByText('Quy định này chưa có phiếu đánh giá nào.')).toBeTruthy();
    await waitFor(() => expect(requests.some((r) => r.path === '/api/evaluation/regimes/148%2F2023/sets')).toBe(true));
  });
});
