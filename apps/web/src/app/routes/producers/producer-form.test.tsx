// @vitest-environment happy-dom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { buildMe, buildProducer, grant, PRODUCER_ID, sonLaUnits } from '../../../testing/fixtures';
import { jsonResponse, problemResponse, type RecordedRequest, stubFetch } from '../../../testing/fetch-stub';
import { renderApp } from '../../../testing/render-app';
import { chooseOption } from '../../../testing/select';

const ADMIN = buildMe({ roles: [grant('province_admin', { provinceCode: '14' })] });

function field(label: string): HTMLInputElement {
  return screen.getByLabelText(label, { selector: 'input' }) as HTMLInputElement;
}

function itemOf(label: string): HTMLElement {
  return field(label).closest('.ant-form-item') as HTMLElement;
}

function stubNewProducer(createAnswer: (request: RecordedRequest) => Response) {
  return stubFetch({
    'GET /api/auth/me': () => jsonResponse(ADMIN),
    'GET /api/admin-units/provinces/14': (request) => jsonResponse(sonLaUnits(request)),
    'POST /api/producers': createAnswer,
  });
}

async function fillNewCooperative(registrationNumber: string) {
  await screen.findByTestId('producer-form', {}, { timeout: 10_000 });
  fireEvent.change(field('Tên chủ thể'), { target: { value: 'Hợp tác xã Chè Bích Thảo' } });
  fireEvent.change(field('Mã số thuế / số đăng ký kinh doanh'), { target: { value: registrationNumber } });
  // The commune select searches without diacritics.
  await chooseOption(field('Xã, phường (từ 01/07/2025)'), 'Phường Chiềng An', 'chieng an');
}

describe('producer form', () => {
  it('checks in Vietnamese, not with the browser bubble: "htx@" and the required tax code are the form\'s own messages', async () => {
    const { requests } = stubNewProducer(() => jsonResponse(buildProducer(), 201));
    renderApp('/producers/new');
    const form = await screen.findByTestId('producer-form', {}, { timeout: 10_000 });
    expect(form.hasAttribute('novalidate')).toBe(true);
    // The tax code is always required: it carries the red mark.
    expect(itemOf('Mã số thuế / số đăng ký kinh doanh').querySelector('.ant-form-item-required')).not.toBeNull();

    fireEvent.change(field('Email'), { target: { value: 'htx@' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));
    await waitFor(() => expect(itemOf('Email').textContent).toContain('Địa chỉ email "htx@" không hợp lệ.'));
    expect(itemOf('Mã số thuế / số đăng ký kinh doanh').textContent).toContain('Cần nhập mã số thuế hoặc số đăng ký kinh doanh.');
    expect(requests.some((r) => r.method === 'POST')).toBe(false);
  });

  it('puts a "registration number taken" answer under the tax code field, in Vietnamese', async () => {
    const { requests } = stubNewProducer(() =>
      problemResponse(409, 'producer.registration_number_taken', 'This registration number is taken in the province.', {
        details: { field: 'registrationNumber', registrationNumber: '5500123456', name: 'HTX Chè Tà Xùa' },
      }),
    );
    renderApp('/producers/new');

    await fillNewCooperative('5500123456');
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));

    const item = itemOf('Mã số thuế / số đăng ký kinh doanh');
    await waitFor(() =>
      expect(item.textContent).toContain('Mã số thuế / số ĐKKD 5500123456 đã được dùng cho chủ thể "HTX Chè Tà Xùa" trong tỉnh.'),
    );
    expect(screen.queryByRole('alert', { name: /đã được dùng/ })).toBeNull();
    const create = requests.find((r) => r.method === 'POST' && r.path === '/api/producers');
    expect(create?.body).toMatchObject({
      type: 'cooperative',
      legalForm: null,
      name: 'Hợp tác xã Chè Bích Thảo',
      registrationNumber: '5500123456',
      communeCode: '03679',
      legacyCommuneCode: null,
      status: 'active',
    });
    expect(create?.headers.get('x-csrf-token')).toBe('csrf-token-1');
  });

  it('puts a refused commune under the commune field', async () => {
    stubNewProducer(() =>
      problemResponse(422, 'admin_unit.commune_not_found', 'No commune.', { details: { code: '03679', provinceCode: '14' } }),
    );
    renderApp('/producers/new');

    await fillNewCooperative('5500123456');
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));

    const item = itemOf('Xã, phường (từ 01/07/2025)');
    await waitFor(() => expect(item.textContent).toContain('Không có xã/phường mã 03679 thuộc tỉnh 14.'));
  });

  it('refuses a 9-digit tax code with the server’s own words, before sending anything', async () => {
    const { requests } = stubNewProducer(() => jsonResponse(buildProducer(), 201));
    renderApp('/producers/new');

    await fillNewCooperative('550012345');
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));

    const item = itemOf('Mã số thuế / số đăng ký kinh doanh');
    await waitFor(() => expect(item.textContent).toContain('Mã số thuế "550012345" không hợp lệ'));
    expect(requests.some((r) => r.method === 'POST')).toBe(false);
  });

  it('checks phone, email, founding year and a location outside Vietnam on the spot', async () => {
    stubNewProducer(() => jsonResponse(buildProducer(), 201));
    renderApp('/producers/new');

    await fillNewCooperative('5500123456');
    fireEvent.change(field('Số điện thoại'), { target: { value: '12345' } });
    fireEvent.change(field('Email'), { target: { value: 'htx@' } });
    fireEvent.change(field('Năm thành lập'), { target: { value: '1850' } });
    fireEvent.change(field('Vĩ độ'), { target: { value: '103.9' } });
    fireEvent.change(field('Kinh độ'), { target: { value: '21.3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));

    await waitFor(() => expect(itemOf('Số điện thoại').textContent).toContain('Số điện thoại "12345" không hợp lệ.'));
    expect(itemOf('Email').textContent).toContain('Địa chỉ email "htx@" không hợp lệ.');
    expect(itemOf('Năm thành lập').textContent).toMatch(/Năm thành lập phải từ 1900 đến \d{4}\./);
    expect(itemOf('Vĩ độ').textContent).toContain('Tọa độ nằm ngoài lãnh thổ Việt Nam');
  });

  it('says clearly when someone else saved first, and saves on top of their version after reloading', async () => {
    let version = 3;
    let patches = 0;
    const { requests } = stubFetch({
      'GET /api/auth/me': () => jsonResponse(ADMIN),
      'GET /api/admin-units/provinces/14': (request) => jsonResponse(sonLaUnits(request)),
      [`GET /api/producers/${PRODUCER_ID}`]: () => jsonResponse(buildProducer({ version })),
      [`PATCH /api/producers/${PRODUCER_ID}`]: () => {
        patches++;
        if (patches === 1) {
          version = 4; // someone else saved meanwhile
          return problemResponse(409, 'producer.stale_version', 'The producer was changed meanwhile.', { details: { currentVersion: 4 } });
        }
        return jsonResponse(buildProducer({ version: 5, name: 'HTX Chè Bích Thảo Sơn La' }));
      },
      'GET /api/products': () => jsonResponse({ items: [], total: 0, page: 1, pageSize: 20 }),
      [`GET /api/producers/${PRODUCER_ID}/documents`]: () => jsonResponse([]),
    });
    renderApp(`/producers/${PRODUCER_ID}/edit`);

    const form = await screen.findByTestId('producer-form', {}, { timeout: 10_000 });
    fireEvent.change(field('Tên chủ thể'), { target: { value: 'HTX Chè Bích Thảo Sơn La' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Lưu' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Thông tin chủ thể vừa được người khác thay đổi. Vui lòng tải lại và thử lại.');
    const firstPatch = requests.find((r) => r.method === 'PATCH');
    expect(firstPatch?.body).toMatchObject({ version: 3, name: 'HTX Chè Bích Thảo Sơn La', communeCode: '03679' });

    fireEvent.click(within(alert).getByRole('button', { name: 'Tải lại thông tin mới nhất' }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    fireEvent.change(field('Tên chủ thể'), { target: { value: 'HTX Chè Bích Thảo Sơn La' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Lưu' }));

    await waitFor(() => expect(requests.filter((r) => r.method === 'PATCH')).toHaveLength(2));
    expect(requests.filter((r) => r.method === 'PATCH')[1]?.body).toMatchObject({ version: 4, name: 'HTX Chè Bích Thảo Sơn La' });
    expect(await screen.findByText('Đã lưu thông tin chủ thể HTX Chè Bích Thảo Sơn La.')).toBeTruthy();
  });

  it('shows a producer’s own member its type, tax code and communes without letting it change them, and saves the rest', async () => {
    const member = buildMe({ roles: [grant('producer_member', { provinceCode: '14', producerId: PRODUCER_ID })] });
    const { requests } = stubFetch({
      'GET /api/auth/me': () => jsonResponse(member),
      'GET /api/admin-units/provinces/14': (request) => jsonResponse(sonLaUnits(request)),
      [`GET /api/producers/${PRODUCER_ID}`]: () => jsonResponse(buildProducer({ version: 2 })),
      [`PATCH /api/producers/${PRODUCER_ID}`]: () => jsonResponse(buildProducer({ version: 3, memberCount: 40 })),
      'GET /api/products': () => jsonResponse({ items: [], total: 0, page: 1, pageSize: 20 }),
      [`GET /api/producers/${PRODUCER_ID}/documents`]: () => jsonResponse([]),
    });
    renderApp(`/producers/${PRODUCER_ID}/edit`);
    const form = await screen.findByTestId('producer-form', {}, { timeout: 10_000 });
    expect(field('Mã số thuế / số đăng ký kinh doanh').disabled).toBe(true);
    expect(field('Xã, phường (từ 01/07/2025)').disabled).toBe(true);
    expect(itemOf('Mã số thuế / số đăng ký kinh doanh').textContent).toContain('do cán bộ xã hoặc tỉnh thay đổi');
    expect(field('Tên chủ thể').disabled).toBe(false);
    fireEvent.click(within(form).getByRole('button', { name: 'Lưu' }));
    await waitFor(() => expect(requests.filter((r) => r.method === 'PATCH')).toHaveLength(1));
    const producer = buildProducer({ version: 2 });
    expect(requests.find((r) => r.method === 'PATCH')?.body).toMatchObject({
      registrationNumber: producer.registrationNumber,
      communeCode: producer.communeCode,
      type: producer.type,
    });
  });
});
