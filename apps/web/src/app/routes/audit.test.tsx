// @vitest-environment happy-dom
import type { AuditEntryView } from '@ocop/contracts/identity';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, actionLabel } from '../../features/audit/audit-format';
import { translate } from '../../lib/i18n';
import { buildMe, grant } from '../../testing/fixtures';
import { jsonResponse, stubFetch } from '../../testing/fetch-stub';
import { renderApp } from '../../testing/render-app';
import { chooseOption } from '../../testing/select';

const PRODUCT_ID = '7d1b7c52-2f60-4bd4-9a57-1f3a1d1f0a01';

function entry(patch: Partial<AuditEntryView>): AuditEntryView {
  return {
    id: '1',
    at: '2025-09-01T03:04:05.000Z',
    actorUserId: '0b6f9d0e-0000-4000-8000-000000000001',
    actorName: 'Quản trị Sơn La',
    provinceCode: '14',
    action: 'product.updated',
    entityType: 'product',
    entityId: PRODUCT_ID,
    before: null,
    after: null,
    ipAddress: '127.0.0.1',
    requestId: 'req-1',
    ...patch,
  };
}

describe('audit log', () => {
  it('has a Vietnamese and an English label for every action the server writes', () => {
    for (const action of AUDIT_ACTIONS) {
      expect(
        actionLabel(action, (key, values) => translate('vi', key, values)),
        action,
      ).not.toBeNull();
      expect(
        actionLabel(action, (key, values) => translate('en', key, values)),
        action,
      ).not.toBeNull();
    }
  });

  it('shows actions and objects in words, names and links the object, and opens a readable before/after', async () => {
    const { requests } = stubFetch({
      'GET /api/auth/me': () => jsonResponse(buildMe({ roles: [grant('province_admin', { provinceCode: '14' })] })),
      'GET /api/provinces/served': () => jsonResponse([{ code: '14', name: 'Tỉnh Sơn La' }]),
      'GET /api/audit-entries': () =>
        jsonResponse({
          items: [
            entry({
              id: '2',
              before: { nameVi: 'Chè Shan tuyết', status: 'in_development', priceMin: 85000, version: 1 },
              after: { nameVi: 'Chè Shan tuyết', status: 'on_sale', priceMin: 90000, version: 2 },
            }),
            entry({ id: '1', action: 'auth.login_failed', entityType: 'user', entityId: null, after: { login: 'ai@ocop.demo' } }),
          ],
          total: 2,
          page: 1,
          pageSize: 50,
        }),
    });
    renderApp('/audit');

    const table = await screen.findByRole('table', {}, { timeout: 10_000 });
    await within(table).findByText('Sửa sản phẩm');
    expect(within(table).getByText('Đăng nhập không thành công')).toBeTruthy();
    expect(within(table).queryByText('product.updated')).toBeNull();
    const link = within(table).getByRole('link', { name: 'Chè Shan tuyết' });
    expect(link.getAttribute('href')).toBe(`/products/${PRODUCT_ID}`);

    fireEvent.click(within(table).getAllByRole('button', { name: /mở rộng|expand/i })[0] as HTMLElement);
    const details = await screen.findByTestId('audit-details');
    const status = within(details).getByText('Trạng thái').closest('tr') as HTMLElement;
    expect(within(status).getByText('Đang phát triển')).toBeTruthy();
    expect(within(status).getByText('Đang bán')).toBeTruthy();
    const price = within(details).getByText('Giá thấp nhất').closest('tr') as HTMLElement;
    expect(price.textContent).toContain('85.000\u00a0₫');
    expect(price.textContent).toContain('90.000\u00a0₫');
    expect(details.textContent).not.toContain('on_sale');
    expect(details.textContent).not.toContain('version');

    await chooseOption(within(screen.getByTestId('audit-entity-type')).getByRole('combobox'), 'Sản phẩm');
    fireEvent.click(screen.getByRole('button', { name: 'Lọc' }));
    await screen.findByText('Sửa sản phẩm');
    await expect.poll(() => requests.some((r) => r.path === '/api/audit-entries' && r.search.get('entityType') === 'product')).toBe(true);
  });
});
