// @vitest-environment happy-dom
import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { buildMe } from '../testing/fixtures';
import { jsonResponse, stubFetch } from '../testing/fetch-stub';
import { renderApp } from '../testing/render-app';

describe('route errors', () => {
  it('shows the Vietnamese 404 page inside the layout for an unknown address', async () => {
    stubFetch({ 'GET /api/auth/me': () => jsonResponse(buildMe()) });
    renderApp('/khong-co-trang-nay');

    expect(await screen.findByText('Không tìm thấy trang', {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByRole('menu')).toBeTruthy();
  });

  it('keeps the header and menu when a page fails to render', async () => {
    // The audit page reads entry.at; an answer without items makes the table throw while rendering.
    stubFetch({
      'GET /api/auth/me': () => jsonResponse(buildMe()),
      'GET /api/provinces/served': () => jsonResponse([{ code: '14', name: 'Tỉnh Sơn La' }]),
      'GET /api/audit-entries': () => jsonResponse({ items: [null], total: 1, page: 1, pageSize: 50 }),
    });
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    renderApp('/audit');

    expect(await screen.findByText('Trang này gặp lỗi khi hiển thị.', {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Tải lại trang' })).toBeTruthy();
    expect(screen.getByRole('menu')).toBeTruthy();
    consoleError.mockRestore();
  });
});
