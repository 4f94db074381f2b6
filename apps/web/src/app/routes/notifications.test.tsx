// @vitest-environment happy-dom
import type { NotificationPage, NotificationView } from '@ocop/contracts/notifications';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { buildMe, grant } from '../../testing/fixtures';
import { jsonResponse, type RecordedRequest, stubFetch } from '../../testing/fetch-stub';
import { renderApp } from '../../testing/render-app';

const ITEM_LINK = '/producers/7d1b7c52-2f60-4bd4-9a57-1f3a1d1f0a01';

function notification(patch: Partial<NotificationView>): NotificationView {
  return {
    id: '5a0c1c1e-0000-4000-8000-000000000001',
    kind: 'dossier.submitted',
    subject: 'Hồ sơ cần xã xem xét / A dossier for the commune',
    body: 'Hồ sơ Chè Shan tuyết chờ xem xét.',
    link: ITEM_LINK,
    entityType: 'dossier',
    entityId: null,
    createdAt: '2026-03-02T02:00:00.000Z',
    readAt: null,
    ...patch,
  };
}

/** A tiny inbox on the server side: reads and marks as the real routes do. */
function inboxServer(initial: NotificationView[]) {
  const items = [...initial];
  const unread = () => items.filter((item) => item.readAt === null).length;
  const page = (request: RecordedRequest): NotificationPage => {
    const onlyUnread = request.search.get('unread') === 'true';
    const shown = onlyUnread ? items.filter((item) => item.readAt === null) : items;
    const pageSize = Number(request.search.get('pageSize') ?? 20);
    return { items: shown.slice(0, pageSize), total: shown.length, unreadCount: unread(), page: 1, pageSize };
  };
  return stubFetch({
    'GET /api/auth/me': () => jsonResponse(buildMe({ roles: [grant('commune_officer', { provinceCode: '14', communeCode: '03664' })] })),
    'GET /api/notifications': (request) => jsonResponse(page(request)),
    'POST /api/notifications/read-all': () => {
      const marked = unread();
      for (const item of items) item.readAt ??= '2026-03-02T03:00:00.000Z';
      return jsonResponse({ marked, unreadCount: 0 });
    },
    ...Object.fromEntries(
      items.map((item) => [
        `POST /api/notifications/${item.id}/read`,
        () => {
          item.readAt ??= '2026-03-02T03:00:00.000Z';
          return jsonResponse(item);
        },
      ]),
    ),
  });
}

describe('notifications', () => {
  it('shows the unread count on the header bell, which opens the inbox', async () => {
    inboxServer([notification({}), notification({ id: '5a0c1c1e-0000-4000-8000-000000000002', subject: 'Việc khác / Another' })]);
    const view = renderApp('/');

    const bell = await screen.findByTestId('notification-bell', {}, { timeout: 10_000 });
    await waitFor(() => expect(bell.getAttribute('aria-label')).toBe('Thông báo: 2 chưa đọc'));
    fireEvent.click(bell);
    await screen.findByRole('heading', { name: 'Thông báo' }, { timeout: 10_000 });
    expect(view.location().pathname).toBe('/notifications');
  });

  it('lists the inbox, marks one read, marks all read, and opens an item at its link', async () => {
    const { requests } = inboxServer([
      notification({}),
      notification({ id: '5a0c1c1e-0000-4000-8000-000000000002', subject: 'Việc khác / Another', link: null }),
      notification({ id: '5a0c1c1e-0000-4000-8000-000000000003', subject: 'Đã xem / Seen', readAt: '2026-03-01T00:00:00.000Z' }),
    ]);
    const view = renderApp('/notifications');

    const table = await screen.findByRole('table', {}, { timeout: 10_000 });
    await within(table).findByText('Việc khác / Another');
    expect(screen.getByText('Chưa đọc (2)')).toBeTruthy();
    expect(within(table).getAllByRole('button', { name: 'Đánh dấu đã đọc' })).toHaveLength(2);

    const another = within(table).getByText('Việc khác / Another').closest('tr') as HTMLElement;
    fireEvent.click(within(another).getByRole('button', { name: 'Đánh dấu đã đọc' }));
    await waitFor(() => expect(screen.getByText('Chưa đọc (1)')).toBeTruthy());
    expect(requests.some((r) => r.method === 'POST' && r.path === '/api/notifications/5a0c1c1e-0000-4000-8000-000000000002/read')).toBe(
      true,
    );

    fireEvent.click(screen.getByRole('button', { name: 'Đánh dấu tất cả đã đọc' }));
    await waitFor(() => expect(screen.getByText('Chưa đọc (0)')).toBeTruthy());
    expect(requests.some((r) => r.method === 'POST' && r.path === '/api/notifications/read-all')).toBe(true);
    await waitFor(() => expect(within(table).queryAllByRole('button', { name: 'Đánh dấu đã đọc' })).toHaveLength(0));

    fireEvent.click(within(table).getByText('Hồ sơ cần xã xem xét / A dossier for the commune'));
    await waitFor(() => expect(view.location().pathname).toBe(ITEM_LINK));
  });

  it('speaks English when English is chosen', async () => {
    inboxServer([notification({})]);
    renderApp('/notifications', { language: 'en' });
    await screen.findByRole('heading', { name: 'Notifications' }, { timeout: 10_000 });
    expect(await screen.findByText('Unread (1)')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Mark all as read' })).toBeTruthy();
  });
});
