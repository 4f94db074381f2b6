// @vitest-environment happy-dom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { buildMe, buildProducer, buildUser, grant, PRODUCER_ID, sonLaAfterReform } from '../../testing/fixtures';
import { jsonResponse, problemResponse, stubFetch } from '../../testing/fetch-stub';
import { renderApp } from '../../testing/render-app';

const ADMIN = buildMe({ roles: [grant('province_admin', { provinceCode: '14' })] });
const OFFICER = buildUser({
  id: '7d1c2a4e-8b7f-4f3a-9c1d-2e3f4a5b6c7d',
  fullName: 'Cầm Thị Hoa',
  email: null,
  phone: '0987654321',
  roles: [grant('commune_officer', { provinceCode: '14', communeCode: '03679' })],
  mustChangePassword: true,
  lastLoginAt: null,
});

function stubUsersPage(createAnswer: () => Response) {
  return stubFetch({
    'GET /api/auth/me': () => jsonResponse(ADMIN),
    'GET /api/users': () => jsonResponse({ items: [OFFICER], total: 1, page: 1, pageSize: 20 }),
    'GET /api/provinces/served': () => jsonResponse([{ code: '14', name: 'Tỉnh Sơn La' }]),
    'GET /api/admin-units/provinces/14': () => jsonResponse(sonLaAfterReform()),
    'POST /api/users': createAnswer,
  });
}

function field(label: string): HTMLInputElement {
  return screen.getByLabelText(label, { selector: 'input' }) as HTMLInputElement;
}

async function fillNewCommuneOfficer() {
  fireEvent.click(await screen.findByRole('button', { name: /Thêm người dùng/ }, { timeout: 10_000 }));
  const dialog = await screen.findByRole('dialog');
  fireEvent.change(field('Họ và tên'), { target: { value: 'Quàng Văn Nam' } });
  fireEvent.change(field('Số điện thoại'), { target: { value: '0212 3456 789' } });
  fireEvent.change(field('Mật khẩu ban đầu'), { target: { value: 'tam-thoi-2025' } });
  // The commune select filters without diacritics: "chieng an" finds "Phường Chiềng An".
  const commune = within(dialog).getByLabelText('Xã, phường', { selector: 'input' });
  fireEvent.mouseDown(commune);
  fireEvent.change(commune, { target: { value: 'chieng an' } });
  const option = await waitFor(() => {
    const found = [...document.querySelectorAll('.ant-select-item-option')].find((o) => o.textContent === 'Phường Chiềng An');
    if (!found) throw new Error('option not shown yet');
    return found;
  });
  expect([...document.querySelectorAll('.ant-select-item-option')].map((o) => o.textContent)).toEqual(['Phường Chiềng An']);
  fireEvent.click(option);
  return dialog;
}

describe('users page', () => {
  it("names a producer member's producer instead of showing its id", async () => {
    const member = buildUser({
      id: '8e2d3b5f-9c80-4a4b-8d2e-3f4a5b6c7d8e',
      fullName: 'Lường Văn Thảo',
      roles: [grant('producer_member', { provinceCode: '14', producerId: PRODUCER_ID })],
    });
    stubFetch({
      'GET /api/auth/me': () => jsonResponse(ADMIN),
      'GET /api/users': () => jsonResponse({ items: [member], total: 1, page: 1, pageSize: 20 }),
      'GET /api/provinces/served': () => jsonResponse([{ code: '14', name: 'Tỉnh Sơn La' }]),
      'GET /api/admin-units/provinces/14': () => jsonResponse(sonLaAfterReform()),
      [`GET /api/producers/${PRODUCER_ID}`]: () => jsonResponse(buildProducer({ name: 'Hợp tác xã Chè Bích Thảo' })),
    });
    renderApp('/users');

    const row = (await screen.findByText('Lường Văn Thảo', {}, { timeout: 18_000 })).closest('tr') as HTMLElement;
    await waitFor(() => expect(row.textContent).toContain('Hợp tác xã Chè Bích Thảo'));
    expect(row.textContent).not.toContain(PRODUCER_ID.slice(0, 8));
  });

  it('lists users with their login, commune scope and status tags', async () => {
    stubUsersPage(() => jsonResponse({}, 500));
    renderApp('/users');

    const row = (await screen.findByText('Cầm Thị Hoa', {}, { timeout: 10_000 })).closest('tr') as HTMLElement;
    expect(row.textContent).toContain('0987654321');
    await waitFor(() => expect(row.textContent).toContain('Cán bộ xã · Phường Chiềng An, Tỉnh Sơn La'));
    expect(row.textContent).toContain('Hoạt động');
    expect(row.textContent).toContain('Phải đổi mật khẩu');
  });

  it('creates a commune officer with the scope of the chosen commune', async () => {
    const { requests } = stubUsersPage(() => jsonResponse(buildUser({ fullName: 'Quàng Văn Nam' }), 201));
    renderApp('/users');

    const dialog = await fillNewCommuneOfficer();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lưu' }));

    await waitFor(() => expect(requests.some((r) => r.method === 'POST' && r.path === '/api/users')).toBe(true));
    const create = requests.find((r) => r.method === 'POST' && r.path === '/api/users');
    expect(create?.body).toEqual({
      fullName: 'Quàng Văn Nam',
      email: null,
      phone: '0212 3456 789',
      password: 'tam-thoi-2025',
      provinceCode: '14',
      roles: [{ role: 'commune_officer', provinceCode: '14', communeCode: '03679' }],
    });
    expect(create?.headers.get('x-csrf-token')).toBe('csrf-token-1');
    expect(await screen.findByText('Đã tạo tài khoản Quàng Văn Nam.')).toBeTruthy();
  });

  it('puts a server error about the phone under the phone field', async () => {
    stubUsersPage(() => problemResponse(422, 'user.invalid_phone', 'The phone number is not valid.'));
    renderApp('/users');

    const dialog = await fillNewCommuneOfficer();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lưu' }));

    const phoneItem = field('Số điện thoại').closest('.ant-form-item') as HTMLElement;
    await waitFor(() => expect(phoneItem.textContent).toContain('Số điện thoại không hợp lệ'));
    expect(within(dialog).queryByRole('alert')).toBeNull();
  });

  it('shows an error no field can take in an alert in the form', async () => {
    stubUsersPage(() => problemResponse(422, 'province.not_served', 'Province 14 is not served.', { details: { provinceCode: '14' } }));
    renderApp('/users');

    const dialog = await fillNewCommuneOfficer();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lưu' }));

    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toContain('Tỉnh 14 chưa được phục vụ trên hệ thống này.');
  });

  it('puts a refused grant next to the role it concerns', async () => {
    stubUsersPage(() =>
      problemResponse(403, 'role.grant_not_allowed', 'Not allowed.', { details: { role: 'commune_officer', provinceCode: '14' } }),
    );
    renderApp('/users');

    const dialog = await fillNewCommuneOfficer();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lưu' }));

    const roleRow = within(dialog).getByTestId('role-row');
    await waitFor(() => expect(roleRow.textContent).toContain('Bạn không được cấp vai trò này trong phạm vi này.'));
    expect(within(dialog).queryByRole('alert')).toBeNull();
  });

  it('corrects a user’s name, email and phone, sending an emptied phone as cleared', async () => {
    const { requests } = stubFetch({
      'GET /api/auth/me': () => jsonResponse(ADMIN),
      'GET /api/users': () => jsonResponse({ items: [OFFICER], total: 1, page: 1, pageSize: 20 }),
      'GET /api/provinces/served': () => jsonResponse([{ code: '14', name: 'Tỉnh Sơn La' }]),
      'GET /api/admin-units/provinces/14': () => jsonResponse(sonLaAfterReform()),
      [`PATCH /api/users/${OFFICER.id}`]: () =>
        jsonResponse({ ...OFFICER, fullName: 'Cầm Thị Hoà', email: 'hoa@sonla.gov.vn', phone: null }),
    });
    renderApp('/users');

    const row = (await screen.findByText('Cầm Thị Hoa', {}, { timeout: 10_000 })).closest('tr') as HTMLElement;
    fireEvent.click(within(row).getByRole('button', { name: 'Sửa thông tin' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('Sửa thông tin: Cầm Thị Hoa')).toBeTruthy();
    expect(field('Số điện thoại').value).toBe('0987654321');
    fireEvent.change(field('Họ và tên'), { target: { value: 'Cầm Thị Hoà ' } });
    fireEvent.change(field('Email'), { target: { value: 'hoa@' } });
    fireEvent.change(field('Số điện thoại'), { target: { value: '' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lưu' }));
    const emailItem = field('Email').closest('.ant-form-item') as HTMLElement;
    await waitFor(() => expect(emailItem.textContent).toContain('Địa chỉ email không hợp lệ'));
    expect(requests.some((r) => r.method === 'PATCH')).toBe(false);

    fireEvent.change(field('Email'), { target: { value: 'hoa@sonla.gov.vn' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lưu' }));
    expect(await screen.findByText('Đã lưu thông tin của Cầm Thị Hoà.')).toBeTruthy();
    expect(requests.find((r) => r.method === 'PATCH')?.body).toEqual({ fullName: 'Cầm Thị Hoà', email: 'hoa@sonla.gov.vn', phone: null });
  });
});
