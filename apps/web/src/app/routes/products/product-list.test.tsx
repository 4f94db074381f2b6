// @vitest-environment happy-dom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  buildMe,
  buildProducer,
  buildProductListItem,
  grant,
  PRODUCER_ID,
  productSetList,
  sonLaUnits,
  TEA_SET_ID,
} from '../../../testing/fixtures';
import { jsonResponse, stubFetch } from '../../../testing/fetch-stub';
import { renderApp } from '../../../testing/render-app';
import { chooseOption, shownOptions } from '../../../testing/select';

const OFFICER = buildMe({ roles: [grant('province_officer', { provinceCode: '14' })] });

function stubProductList() {
  return stubFetch({
    'GET /api/auth/me': () => jsonResponse(OFFICER),
    'GET /api/admin-units/provinces/14': (request) => jsonResponse(sonLaUnits(request)),
    'GET /api/product-sets': () => jsonResponse(productSetList()),
    'GET /api/products': (request) =>
      jsonResponse({ items: [buildProductListItem()], total: 1, page: Number(request.search.get('page') ?? 1), pageSize: 20 }),
  });
}

function lastListQuery(requests: { method: string; path: string; search: URLSearchParams }[]): Record<string, string> {
  const calls = requests.filter((r) => r.method === 'GET' && r.path === '/api/products');
  return Object.fromEntries(calls.at(-1)?.search ?? []);
}

describe('product list', () => {
  it('shows each product with its thumbnail, producer, set, price and status', async () => {
    stubProductList();
    renderApp('/products');

    const [row] = await screen.findAllByTestId('registry-row', {}, { timeout: 10_000 });
    expect(row?.textContent).toContain('Chè Shan tuyết Bích Thảo');
    expect(row?.textContent).toContain('Hợp tác xã Chè Bích Thảo');
    expect(row?.textContent).toContain('Đang bán');
    const image = row?.querySelector('img');
    expect(image?.getAttribute('src')).toBe('/api/files/9b610fe1-a5ef-46d6-b069-f27aa476e685?variant=thumb');
  });

  it('sends the search text as q, unchanged, and the filters by their API names', async () => {
    const { requests } = stubProductList();
    renderApp('/products');
    await screen.findAllByTestId('registry-row', {}, { timeout: 10_000 });

    const search = screen.getByTestId('registry-search') as HTMLInputElement;
    fireEvent.change(search, { target: { value: 'che shan tuyet ' } });
    fireEvent.keyDown(search, { key: 'Enter', code: 'Enter', keyCode: 13 });
    await waitFor(() => expect(lastListQuery(requests).q).toBe('che shan tuyet'));

    // Status, then a product set from the grouped list, then an old commune (searched without diacritics).
    await chooseOption(screen.getByLabelText('Trạng thái', { selector: 'input' }), 'Đang bán');
    await waitFor(() => expect(lastListQuery(requests).status).toBe('on_sale'));

    await chooseOption(screen.getByLabelText('Bộ sản phẩm', { selector: 'input' }), '1.5.1 Chè tươi, chè chế biến', 'che tuoi');
    await waitFor(() => expect(lastListQuery(requests).productSetId).toBe(TEA_SET_ID));

    const place = screen.getByLabelText('Xã, phường (mới hoặc cũ)', { selector: 'input' });
    fireEvent.mouseDown(place);
    fireEvent.change(place, { target: { value: 'to hieu' } });
    await waitFor(() => expect(shownOptions()).toEqual(['Phường Tô Hiệu', 'Phường Tô Hiệu — Thành phố Sơn La']));
    await chooseOption(place, 'Phường Tô Hiệu — Thành phố Sơn La');

    await waitFor(() =>
      expect(lastListQuery(requests)).toEqual({
        q: 'che shan tuyet',
        status: 'on_sale',
        productSetId: TEA_SET_ID,
        communeCode: '03646',
        page: '1',
        pageSize: '20',
      }),
    );

    // The export buttons download the same filtered list.
    const xlsx = screen.getByTestId('export-xlsx').getAttribute('href') ?? '';
    const exportQuery = Object.fromEntries(new URL(xlsx, 'http://localhost').searchParams);
    expect(xlsx.startsWith('/api/products/export?')).toBe(true);
    expect(exportQuery).toEqual({ q: 'che shan tuyet', status: 'on_sale', productSetId: TEA_SET_ID, communeCode: '03646', format: 'xlsx' });
    expect(screen.getByTestId('export-csv').getAttribute('href')).toContain('format=csv');
  });

  it('reads its filters from the address, so a shared link shows the same list', async () => {
    const { requests } = stubProductList();
    renderApp('/products?q=mat%20ong&producerType=household_business&group=1&place=district:116&page=2');
    await screen.findAllByTestId('registry-row', {}, { timeout: 10_000 });

    expect(lastListQuery(requests)).toEqual({
      q: 'mat ong',
      producerType: 'household_business',
      groupCode: '1',
      legacyDistrictCode: '116',
      page: '2',
      pageSize: '20',
    });
    expect((screen.getByTestId('registry-search') as HTMLInputElement).value).toBe('mat ong');
    expect(within(screen.getByTestId('place-filter')).getByText('Thành phố Sơn La')).toBeTruthy();
  });

  it('tells a producer member with no product yet that it has none, with a button to add one', async () => {
    stubFetch({
      'GET /api/auth/me': () => jsonResponse(buildMe({ roles: [grant('producer_member', { producerId: PRODUCER_ID })] })),
      'GET /api/admin-units/provinces/14': (request) => jsonResponse(sonLaUnits(request)),
      'GET /api/product-sets': () => jsonResponse(productSetList()),
      [`GET /api/producers/${PRODUCER_ID}`]: () => jsonResponse(buildProducer()),
      'GET /api/products': () => jsonResponse({ items: [], total: 0, page: 1, pageSize: 20 }),
    });
    renderApp('/products');

    const empty = await screen.findByTestId('no-products-yet', {}, { timeout: 10_000 });
    expect(empty.textContent).toContain('Chủ thể chưa có sản phẩm nào.');
    expect(screen.queryByText('Không có sản phẩm nào khớp với bộ lọc.')).toBeNull();
    expect(within(empty).getByRole('button', { name: /Thêm sản phẩm/ })).toBeTruthy();
  });
});
