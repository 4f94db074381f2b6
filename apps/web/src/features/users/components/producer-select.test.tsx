// @vitest-environment happy-dom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { buildMe, buildProducer, buildUser, grant, PRODUCER_ID, sonLaAfterReform } from '../../../testing/fixtures';
import { jsonResponse, stubFetch } from '../../../testing/fetch-stub';
import { renderApp } from '../../../testing/render-app';
import { chooseOption } from '../../../testing/select';

describe('producer member grant', () => {
  it('finds the producer by a diacritic-free name and sends its id', async () => {
    const { requests } = stubFetch({
      'GET /api/auth/me': () => jsonResponse(buildMe({ roles: [grant('province_admin', { provinceCode: '14' })] })),
      'GET /api/users': () => jsonResponse({ items: [], total: 0, page: 1, pageSize: 20 }),
      'GET /api/provinces/served': () => jsonResponse([{ code: '14', name: 'Tỉnh Sơn La' }]),
      'GET /api/admin-units/provinces/14': () => jsonResponse(sonLaAfterReform()),
      'GET /api/producers': (request) =>
        jsonResponse({
          items:
            request.search.get('q') === 'bich thao'
              ? [buildProducer({ name: 'HTX Cà phê Bích Thao', registrationNumber: '5500000001' })]
              : [],
          total: 1,
          page: 1,
          pageSize: 20,
        }),
      'POST /api/users': () => jsonResponse(buildUser({ fullName: 'Nguyễn Thị Thảo' }), 201),
    });
    renderApp('/users');

    fireEvent.click(await screen.findByRole('button', { name: /Thêm người dùng/ }, { timeout: 10_000 }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('Họ và tên', { selector: 'input' }), { target: { value: 'Nguyễn Thị Thảo' } });
    fireEvent.change(within(dialog).getByLabelText('Email', { selector: 'input' }), { target: { value: 'thao@bichthao.vn' } });
    fireEvent.change(within(dialog).getByLabelText('Mật khẩu ban đầu', { selector: 'input' }), { target: { value: 'tam-thoi-2025' } });
    await chooseOption(within(dialog).getByLabelText('Vai trò', { selector: 'input' }), 'Thành viên chủ thể OCOP');
    const producer = await within(dialog).findByLabelText('Chủ thể OCOP', { selector: 'input' });
    await chooseOption(producer, 'HTX Cà phê Bích Thao · 5500000001', 'bich thao');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lưu' }));

    await waitFor(() => expect(requests.some((r) => r.method === 'POST' && r.path === '/api/users')).toBe(true));
    const create = requests.find((r) => r.method === 'POST' && r.path === '/api/users');
    expect(create?.body).toMatchObject({ roles: [{ role: 'producer_member', provinceCode: '14', producerId: PRODUCER_ID }] });
    expect(requests.some((r) => r.path === '/api/producers' && r.search.get('provinceCode') === '14')).toBe(true);
  });
});
