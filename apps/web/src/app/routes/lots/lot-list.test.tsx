// @vitest-environment happy-dom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse, stubFetch } from '../../../testing/fetch-stub';
import { buildMe, buildProduct, buildProductListItem, grant, PRODUCER_ID, PRODUCT_ID } from '../../../testing/fixtures';
import { renderApp } from '../../../testing/render-app';
import { chooseOption } from '../../../testing/select';
import { buildLot, LOT_ID, lotPage, RAW_LOT_ID } from '../../../testing/traceability-fixtures';

const MEMBER = buildMe({ roles: [grant('producer_member', { provinceCode: '14', producerId: PRODUCER_ID })] });

describe('the lot list', () => {
  it('lists the lots with their product, filters by product and by lot code, and opens a lot', async () => {
    const { requests } = stubFetch({
      'GET /api/auth/me': () => jsonResponse(MEMBER),
      'GET /api/traceability/lots': () =>
        jsonResponse(lotPage([buildLot(), buildLot({ id: RAW_LOT_ID, lotCode: 'LA-2026-03', quantity: 300.5, expiresOn: null })])),
      'GET /api/products': () => jsonResponse({ items: [buildProductListItem()], total: 1, page: 1, pageSize: 200 }),
      [`GET /api/products/${PRODUCT_ID}`]: () => jsonResponse(buildProduct()),
      [`GET /api/traceability/lots/${LOT_ID}`]: () => jsonResponse(buildLot()),
    });
    const view = renderApp('/lots');

    const rows = await screen.findAllByTestId('lot-row', {}, { timeout: 10_000 });
    expect(rows).toHaveLength(2);
    const [first, second] = rows as [HTMLElement, HTMLElement];
    await waitFor(() => expect(first.textContent).toContain('Chè Shan tuyết Bích Thảo'));
    expect(within(first).getByRole('link', { name: 'CHE-2026-07' }).getAttribute('href')).toBe(`/lots/${LOT_ID}`);
    expect(first.textContent).toContain('01/12/2026');
    expect(first.textContent).toContain('120 kg');
    expect(second.textContent).toContain('300,5 kg');
    // The producer's member only reads their own producer's products for the filter.
    expect(requests.find((request) => request.path === '/api/products')?.search.get('producerId')).toBe(PRODUCER_ID);

    await chooseOption(screen.getByLabelText('Sản phẩm'), 'Chè Shan tuyết Bích Thảo');
    await waitFor(() => expect(requests.at(-1)?.search.get('productId')).toBe(PRODUCT_ID));
    expect(view.location().search).toContain(`productId=${PRODUCT_ID}`);
    fireEvent.change(screen.getByTestId('registry-search'), { target: { value: 'CHE' } });
    fireEvent.keyDown(screen.getByTestId('registry-search'), { key: 'Enter', code: 'Enter', keyCode: 13 });
    await waitFor(() =>
      expect(
        requests
          .filter((request) => request.path === '/api/traceability/lots')
          .at(-1)
          ?.search.get('q'),
      ).toBe('CHE'),
    );

    fireEvent.click(first);
    await waitFor(() => expect(view.location().pathname).toBe(`/lots/${LOT_ID}`));
  });
});
