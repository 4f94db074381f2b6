// @vitest-environment happy-dom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { buildBrief, buildRound, OLD_ROUND_ID, ROUND_ID } from '../../../testing/dossier-fixtures';
import { jsonResponse, stubFetch } from '../../../testing/fetch-stub';
import { buildMe, grant, sonLaUnits } from '../../../testing/fixtures';
import { renderApp } from '../../../testing/render-app';

const OFFICER = buildMe({ roles: [grant('province_officer', { provinceCode: '14' })] });
const COMMUNE = buildMe({ roles: [grant('commune_officer', { provinceCode: '14', communeCode: '03868' })] });

function stubBoard(me = OFFICER) {
  return stubFetch({
    'GET /api/auth/me': () => jsonResponse(me),
    'GET /api/evaluation/rounds': () =>
      jsonResponse([buildRound({ id: OLD_ROUND_ID, name: 'Đợt 1 năm 2026', status: 'closed', proposalsBy: '2026-04-30' }), buildRound()]),
    'GET /api/admin-units/provinces/14': (request) => jsonResponse(sonLaUnits(request)),
    'GET /api/evaluation/dossiers': (request) =>
      jsonResponse({
        items:
          request.search.get('state') === 'proposed'
            ? []
            : [buildBrief(), buildBrief({ id: 'b1e2c3d4-0000-4000-8000-000000000001', state: 'draft', communeClock: null })],
        total: 2,
        page: Number(request.search.get('page') ?? 1),
        pageSize: 20,
        counts: { draft: 1, submitted: 1, proposed: 4 },
      }),
  });
}

describe('dossier board', () => {
  it('opens on the latest open round and shows the counts per state as tags', async () => {
    const { requests } = stubBoard();
    renderApp('/dossiers');
    const counts = await screen.findByTestId('state-counts', {}, { timeout: 10_000 });
    await waitFor(() => expect(within(counts).getByTestId('count-all').textContent).toBe('Tất cả (6)'));
    expect(within(counts).getByTestId('count-proposed').textContent).toBe('Xã đã đề xuất (4)');
    expect(within(counts).getByTestId('count-draft').textContent).toBe('Bản nháp (1)');
    expect(within(counts).queryByTestId('count-recognised')).toBeNull();
    const lists = requests.filter((request) => request.path === '/api/evaluation/dossiers');
    expect(lists.every((request) => request.search.get('roundId') === ROUND_ID)).toBe(true);
    expect(await screen.findByText('Còn 3 ngày làm việc · hạn 11/12/2026')).toBeTruthy();
  });

  it('filters by a state when its tag is clicked, and by the search text', async () => {
    const { requests } = stubBoard();
    const view = renderApp('/dossiers');
    const tag = await screen.findByTestId('count-proposed', {}, { timeout: 10_000 });
    fireEvent.click(tag);
    await waitFor(() => expect(view.location().search).toContain('state=proposed'));
    await waitFor(() => expect(requests.some((request) => request.search.get('state') === 'proposed')).toBe(true));
    const search = within(screen.getByTestId('filter-q')).getByRole('searchbox') as HTMLInputElement;
    fireEvent.change(search, { target: { value: 'che' } });
    fireEvent.keyDown(search, { key: 'Enter', code: 'Enter', keyCode: 13 });
    await waitFor(() =>
      expect(requests.some((request) => request.search.get('q') === 'che' && request.search.get('state') === 'proposed')).toBe(true),
    );
  });

  it('shows the commune officer an overdue dossier in red', async () => {
    stubFetch({
      'GET /api/auth/me': () => jsonResponse(COMMUNE),
      'GET /api/evaluation/rounds': () => jsonResponse([buildRound()]),
      'GET /api/evaluation/dossiers': () =>
        jsonResponse({
          items: [
            buildBrief({
              communeClock: { receivedOn: '2026-11-01', dueOn: '2026-11-21', allowed: 15, used: 17, remaining: 0, overdue: true },
            }),
          ],
          total: 1,
          page: 1,
          pageSize: 20,
          counts: { submitted: 1 },
        }),
    });
    renderApp('/dossiers');
    const clock = await screen.findByTestId('commune-clock', {}, { timeout: 10_000 });
    expect(clock.textContent).toBe('Quá hạn 2 ngày làm việc · hạn 21/11/2026');
    expect(clock.className).toContain('red');
    expect(screen.queryByTestId('dossier-create')).toBeNull();
  });
});
