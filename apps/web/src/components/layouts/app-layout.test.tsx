// @vitest-environment happy-dom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { buildMe, buildProducer, buildProductListItem, grant, PRODUCER_ID, sonLaAfterReform } from '../../testing/fixtures';
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
  it('shows the registry, the import and the administration pages to a province admin', async () => {
    stubSession(buildMe({ roles: [grant('province_admin', { provinceCode: '14' })] }));
    renderApp('/');

    expect(await menuLabels()).toEqual([
      'Trang chủ',
      'Chủ thể OCOP',
      'Sản phẩm',
      'Hồ sơ đánh giá',
      'Đợt đánh giá',
      'Nhập dữ liệu',
      'Hội đồng đánh giá',
      'Giấy chứng nhận',
      'Truy xuất nguồn gốc',
      'Điểm bán',
      'Khóa API',
      'Hỏi mua',
      'Tin tức và văn bản',
      'Bộ tiêu chí',
      'Đơn vị hành chính',
      'Người dùng',
      'Nhật ký hệ thống',
    ]);
  });

  it('hides the administration pages from a commune officer', async () => {
    stubSession(buildMe({ roles: [grant('commune_officer', { provinceCode: '14', communeCode: '03679' })] }));
    renderApp('/');

    expect(await menuLabels()).toEqual([
      'Trang chủ',
      'Chủ thể OCOP',
      'Sản phẩm',
      'Hồ sơ đánh giá',
      'Giấy chứng nhận',
      'Truy xuất nguồn gốc',
      'Điểm bán',
      'Hỏi mua',
      'Bộ tiêu chí',
      'Đơn vị hành chính',
    ]);
    expect(screen.queryByText('Người dùng')).toBeNull();
    expect(screen.queryByText('Nhập dữ liệu')).toBeNull();
  });

  it('refuses the import page to a commune officer who types its address', async () => {
    stubSession(buildMe({ roles: [grant('commune_officer', { provinceCode: '14', communeCode: '03679' })] }));
    renderApp('/imports');

    expect(await screen.findByText('Trang này không dành cho vai trò của bạn.', {}, { timeout: 10_000 })).toBeTruthy();
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

describe('producer member home', () => {
  it('opens on the member’s own producer and its products, with shortcuts to both', async () => {
    stubFetch({
      'GET /api/auth/me': () =>
        jsonResponse(buildMe({ roles: [grant('producer_member', { provinceCode: '14', producerId: PRODUCER_ID })] })),
      'GET /api/admin-units/provinces/14': () => jsonResponse(sonLaAfterReform()),
      [`GET /api/producers/${PRODUCER_ID}`]: () => jsonResponse(buildProducer()),
      'GET /api/products': () => jsonResponse({ items: [buildProductListItem()], total: 1, page: 1, pageSize: 5 }),
    });
    renderApp('/');

    const card = await screen.findByTestId('my-producer', {}, { timeout: 10_000 });
    await within(card).findByText('Chè Shan tuyết Bích Thảo');
    expect(within(card).getByRole('link', { name: 'Hợp tác xã Chè Bích Thảo' }).getAttribute('href')).toBe(`/producers/${PRODUCER_ID}`);
    expect(
      within(card)
        .getByRole('link', { name: /Tất cả sản phẩm/ })
        .getAttribute('href'),
    ).toBe(`/products?producerId=${PRODUCER_ID}`);
    expect(await menuLabels()).toEqual([
      'Trang chủ',
      'Chủ thể OCOP',
      'Sản phẩm',
      'Hồ sơ đánh giá',
      'Giấy chứng nhận',
      'Truy xuất nguồn gốc',
      'Khóa API',
      'Hỏi mua',
      'Bộ tiêu chí',
      'Đơn vị hành chính',
    ]);
    // The scope names the producer rather than its id.
    expect(screen.getByTestId('my-scopes').textContent).toBe('Thành viên chủ thể OCOP — Hợp tác xã Chè Bích Thảo, Tỉnh Sơn La');
  });
});

describe('forced password change', () => {
  it('holds a user who must change their password on the change-password page, without the menu', async () => {
    stubSession(buildMe({ mustChangePassword: true }));
    const { location } = renderApp('/users');

    expect(await screen.findByText(/Vui lòng đặt mật khẩu mới trước khi tiếp tục/, {}, { timeout: 10_000 })).toBeTruthy();
    expect(location().pathname).toBe('/change-password');
    expect(screen.queryByRole('menu')).toBeNull();
  });
});

describe('parts of the frame loaded after its first paint', () => {
  it('opens the account menu once its code is here, and it leads to the change-password page', async () => {
    stubSession(buildMe({ roles: [grant('province_admin', { provinceCode: '14' })] }));
    const { location } = renderApp('/');

    await screen.findByRole('button', { name: 'Tài khoản' }, { timeout: 10_000 });
    // Until the dropdown's chunk arrives the button is drawn but not yet a dropdown trigger.
    await waitFor(() => expect(screen.getByTestId('user-menu').className).toContain('ant-dropdown-trigger'), { timeout: 10_000 });
    fireEvent.click(screen.getByTestId('user-menu'));
    fireEvent.click(await screen.findByText('Đổi mật khẩu', {}, { timeout: 10_000 }));
    await waitFor(() => expect(location().pathname).toBe('/change-password'));
  });

  it('opens the navigation drawer on a phone from the menu button', async () => {
    // A phone: no media query of the desktop matches.
    vi.stubGlobal('matchMedia', (query: string) => ({
      matches: false,
      media: query,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
    }));
    stubSession(buildMe({ roles: [grant('province_admin', { provinceCode: '14' })] }));
    const { location } = renderApp('/');

    fireEvent.click(await screen.findByRole('button', { name: 'Mở menu' }, { timeout: 10_000 }));
    expect(await menuLabels()).toContain('Nhập dữ liệu');
    fireEvent.click(screen.getByRole('menuitem', { name: /Nhập dữ liệu/ }));
    await waitFor(() => expect(location().pathname).toBe('/imports'));
  });
});
