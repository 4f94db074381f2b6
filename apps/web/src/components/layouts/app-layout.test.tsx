// @vitest-environment happy-dom
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { buildMe, grant, sonLaAfterReform } from '../../testing/fixtures';
import { jsonResponse, stubFetch } from '../../testing/fetch-stub';
import { renderApp } from '../../testing/render-app';

function stubSession(me: ReturnType<typeof buildMe>) {
  return stubFetch({
    'GET /api/auth/me': () => jsonResponse(me),
    'GET /api/admin-units/provinces/14': () => jsonResponse(sonLaAfterReform()),
  });
}

async function menuLabels(): Promise<string[]> {
  const menu = await screen.findByRole('menu', {}, { timeout: 10_000 });
  return [...menu.querySelectorAll('[role="menuitem"]')].map((item) => item.textContent?.trim() ?? '');
}

describe('side navigation', () => {
  it('shows "Người dùng" and "Nhật ký hệ thống" to a province admin', async () => {
    stubSession(buildMe({ roles: [grant('province_admin', { provinceCode: '14' })] }));
    renderApp('/');

    expect(await menuLabels()).toEqual(['Trang chủ', 'Đơn vị hành chính', 'Người dùng', 'Nhật ký hệ thống']);
  });

  it('hides the administration pages from a commune officer', async () => {
    stubSession(buildMe({ roles: [grant('commune_officer', { provinceCode: '14', communeCode: '03679' })] }));
    renderApp('/');

    expect(await menuLabels()).toEqual(['Trang chủ', 'Đơn vị hành chính']);
    expect(screen.queryByText('Người dùng')).toBeNull();
  });

  it('refuses the users page to a commune officer who types its address', async () => {
    stubSession(buildMe({ roles: [grant('commune_officer', { provinceCode: '14', communeCode: '03679' })] }));
    renderApp('/users');

    expect(await screen.findByText('Không có quyền truy cập', {}, { timeout: 10_000 })).toBeTruthy();
  });
});

describe('home page', () => {
  it('names the commune of a commune officer from the 2025-07-01 map', async () => {
    const { requests } = stubSession(buildMe({ roles: [grant('commune_officer', { provinceCode: '14', communeCode: '03679' })] }));
    renderApp('/');

    const scopes = await screen.findByTestId('my-scopes', {}, { timeout: 10_000 });
    await screen.findByText(/Phường Chiềng An/);
    expect(scopes.textContent).toBe('Cán bộ xã — Phường Chiềng An, Tỉnh Sơn La');
    const unitsCall = requests.find((r) => r.path === '/api/admin-units/provinces/14');
    expect(unitsCall?.search.get('asOf')).toBe('2025-07-01');
  });
});

describe('forced password change', () => {
  it('holds a user who must change their password on the change-password page, without the menu', async () => {
    stubSession(buildMe({ mustChangePassword: true }));
    const { router } = renderApp('/users');

    expect(await screen.findByText(/Vui lòng đặt mật khẩu mới trước khi tiếp tục/, {}, { timeout: 10_000 })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/change-password');
    expect(screen.queryByRole('menu')).toBeNull();
  });
});
