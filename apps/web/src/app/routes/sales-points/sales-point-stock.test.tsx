// @vitest-environment happy-dom
import type { SalesPointPage, SalesPointStockView, SalesPointView } from '@ocop/contracts/sales-points';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse, problemResponse, stubFetch } from '../../../testing/fetch-stub';
import { buildMe, grant } from '../../../testing/fixtures';
import { renderApp } from '../../../testing/render-app';

const POINT_ID = '5a0e8c1b-2d3f-4a5b-8c6d-7e8f9a0b1c2d';
const OPERATOR = buildMe({ roles: [grant('sales_point_operator', { provinceCode: '14', salesPointId: POINT_ID })] });
const TEA = {
  productId: '11111111-1111-4111-8111-111111111111',
  name: 'Chè Shan tuyết Tà Xùa',
  producerName: 'HTX Chè Tà Xùa',
  stars: 4,
  slug: 'che',
};
const WINE = {
  productId: '22222222-2222-4222-8222-222222222222',
  name: 'Rượu táo mèo <b>Bắc Yên</b>',
  producerName: 'HTX Bắc Yên',
  stars: 3,
  slug: 'ruou',
};

const point: SalesPointView = {
  id: POINT_ID,
  provinceCode: '14',
  name: 'Trung tâm giới thiệu sản phẩm OCOP',
  kind: 'showcase',
  status: 'active',
  communeCode: '03646',
  legacyDistrictCode: '116',
  address: 'Đường Tô Hiệu',
  hours: '7:30–21:00',
  location: { lat: 21.3268, lon: 103.9148 },
  websiteUrl: null,
  phone: null,
  operatorName: null,
  stockCount: 1,
  revision: 1,
  createdAt: '2026-03-01T02:00:00.000Z',
  updatedAt: '2026-03-01T02:00:00.000Z',
};

describe('a sales point operator', () => {
  it('sees only its point, adds a found product to the shelf, takes one off, and saves the whole list', async () => {
    let saved: SalesPointStockView = { salesPointId: POINT_ID, items: [TEA], updatedAt: '2026-03-01T02:00:00.000Z' };
    const { requests } = stubFetch({
      'GET /api/auth/me': () => jsonResponse(OPERATOR),
      'GET /api/sales-points': () => jsonResponse({ items: [point], total: 1, page: 1, pageSize: 200 } satisfies SalesPointPage),
      [`GET /api/sales-points/${POINT_ID}`]: () => jsonResponse(point),
      [`GET /api/sales-points/${POINT_ID}/stock`]: () => jsonResponse(saved),
      [`GET /api/sales-points/${POINT_ID}/stock-candidates`]: () => jsonResponse({ items: [TEA, WINE] }),
      [`PUT /api/sales-points/${POINT_ID}/stock`]: (request) => {
        const ids = (request.body as { productIds: string[] }).productIds;
        saved = {
          salesPointId: POINT_ID,
          items: [TEA, WINE].filter((p) => ids.includes(p.productId)),
          updatedAt: '2026-03-02T02:00:00.000Z',
        };
        return jsonResponse(saved);
      },
    });
    renderApp('/sales-points');
    const rows = await screen.findAllByTestId('sales-point-row', {}, { timeout: 15_000 });
    expect(rows).toHaveLength(1);
    // An operator keeps the shelf; registering points is the province's.
    expect(screen.queryByTestId('sales-point-new')).toBeNull();
    fireEvent.click(within(rows[0] as HTMLElement).getByTestId('sales-point-stock-link'));

    await waitFor(() => expect(screen.getAllByTestId('stock-row')).toHaveLength(1), { timeout: 15_000 });
    const candidates = await screen.findAllByTestId('stock-candidate');
    // What is on the shelf is not offered again; a producer's markup shows as text.
    expect(candidates).toHaveLength(1);
    expect(within(candidates[0] as HTMLElement).getByText('Rượu táo mèo <b>Bắc Yên</b>')).toBeTruthy();
    fireEvent.click(within(candidates[0] as HTMLElement).getByRole('button'));
    fireEvent.click(screen.getByRole('button', { name: `Bỏ khỏi kệ ${TEA.name}` }));
    fireEvent.click(screen.getByTestId('stock-save'));
    await waitFor(() => expect(requests.find((r) => r.method === 'PUT')?.body).toEqual({ productIds: [WINE.productId] }));
    await waitFor(() => expect(screen.getAllByTestId('stock-row')).toHaveLength(1));
    expect(screen.getByText('Rượu táo mèo <b>Bắc Yên</b>')).toBeTruthy();
  });

  it('shows the server’s refusal in Vietnamese when a product is no longer certified', async () => {
    stubFetch({
      'GET /api/auth/me': () => jsonResponse(OPERATOR),
      [`GET /api/sales-points/${POINT_ID}`]: () => jsonResponse(point),
      [`GET /api/sales-points/${POINT_ID}/stock`]: () => jsonResponse({ salesPointId: POINT_ID, items: [TEA], updatedAt: null }),
      [`GET /api/sales-points/${POINT_ID}/stock-candidates`]: () => jsonResponse({ items: [] }),
      [`PUT /api/sales-points/${POINT_ID}/stock`]: () =>
        problemResponse(422, 'sales_point.product_not_certified', 'Not certified', { details: { productIds: TEA.productId } }),
    });
    renderApp(`/sales-points/${POINT_ID}/stock`);
    const remove = await screen.findByRole('button', { name: `Bỏ khỏi kệ ${TEA.name}` }, { timeout: 15_000 });
    fireEvent.click(remove);
    fireEvent.click(screen.getByTestId('stock-save'));
    await screen.findByText(/không nằm trong danh mục sản phẩm OCOP/, {}, { timeout: 5_000 });
  });
});
