// @vitest-environment happy-dom
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse, problemResponse, stubFetch } from '../../../testing/fetch-stub';
import { buildMe, buildProduct, buildProductListItem, grant, PRODUCER_ID, PRODUCT_ID, sonLaUnits } from '../../../testing/fixtures';
import { renderApp } from '../../../testing/render-app';
import { chooseOption } from '../../../testing/select';
import { buildStamp, buildStampOrder, ORDER_ID, STAMP_LAYOUTS, stampOrderPage } from '../../../testing/stamp-fixtures';
import { buildLot, LOT_ID, lotPage } from '../../../testing/traceability-fixtures';

const MEMBER = buildMe({ roles: [grant('producer_member', { provinceCode: '14', producerId: PRODUCER_ID })] });
const COMMUNE_OFFICER = buildMe({ roles: [grant('commune_officer', { provinceCode: '14', communeCode: '03679' })] });
const ORDER = `/api/traceability/stamp-orders/${ORDER_ID}`;
const SLOW = { timeout: 10_000 };

/** What every stamp page reads besides the order: the user, the product, its lots, the layouts, the order's stamps. */
const common = (me = MEMBER) => ({
  'GET /api/auth/me': () => jsonResponse(me),
  'GET /api/products': () => jsonResponse({ items: [buildProductListItem()], total: 1, page: 1, pageSize: 200 }),
  [`GET /api/products/${PRODUCT_ID}`]: () => jsonResponse(buildProduct()),
  'GET /api/traceability/lots': () => jsonResponse(lotPage([buildLot()])),
  [`GET /api/traceability/lots/${LOT_ID}`]: () => jsonResponse(buildLot()),
  'GET /api/traceability/stamp-layouts': () => jsonResponse(STAMP_LAYOUTS),
  [`GET ${ORDER}/stamps`]: () => jsonResponse({ items: [1, 2, 3].map((n) => buildStamp(n)) }),
});

describe('the stamp orders', () => {
  it('lists a lot’s orders (from the lot page) with their state and progress', async () => {
    const { requests } = stubFetch({
      ...common(),
      'GET /api/traceability/stamp-orders': () =>
        jsonResponse(
          stampOrderPage([
            buildStampOrder({ state: 'issuing', issuedCount: 5, quantity: 20 }),
            buildStampOrder({ id: 'c26b7d8e-9fa0-4b1c-8d2e-4f5a6b7c8d9e' }),
          ]),
        ),
    });
    renderApp(`/stamps?lotId=${LOT_ID}&productId=${PRODUCT_ID}`);
    const rows = await screen.findAllByTestId('stamp-order-row', {}, SLOW);
    expect(rows).toHaveLength(2);
    expect(rows[0]?.textContent).toContain('Đang phát hành');
    expect(rows[1]?.textContent).toContain('Đã phát hành');
    expect(await screen.findByText('Lô CHE-2026-07', {}, SLOW)).toBeTruthy();
    const list = requests.find((request) => request.path === '/api/traceability/stamp-orders');
    expect(list?.search.get('lotId')).toBe(LOT_ID);
    expect(list?.search.get('productId')).toBe(PRODUCT_ID);
    // "Đặt tem" carries the lot on.
    expect(screen.getByTestId('stamp-order-new').closest('a')?.getAttribute('href')).toBe(
      `/stamps/new?productId=${PRODUCT_ID}&lotId=${LOT_ID}`,
    );
  });

  it('orders stamps: the server’s refusal of 10,000,001 shows in Vietnamese at the count, then 20 open the order', async () => {
    let attempt = 0;
    const { requests } = stubFetch({
      ...common(),
      'POST /api/traceability/stamp-orders': () => {
        attempt++;
        return attempt === 1
          ? problemResponse(422, 'stamp_order.quantity_invalid', 'An order must be for 1 to 10000000 stamps.', {
              details: { min: 1, max: 10_000_000, quantity: 10_000_001 },
            })
          : jsonResponse(buildStampOrder({ state: 'issuing', issuedCount: 0 }), 202);
      },
      [`GET ${ORDER}`]: () => jsonResponse(buildStampOrder({ state: 'issuing', issuedCount: 0 })),
    });
    const view = renderApp(`/stamps/new?lotId=${LOT_ID}`);
    const form = await screen.findByTestId('stamp-order-form', {}, SLOW);
    // The member's only product is chosen, the lot from the address too.
    await waitFor(() => expect(form.textContent).toContain('Chè Shan tuyết Bích Thảo'), SLOW);
    await waitFor(() => expect(form.textContent).toContain('CHE-2026-07'), SLOW);

    fireEvent.change(within(form).getByLabelText('Số tem'), { target: { value: 'mười' } });
    fireEvent.click(screen.getByTestId('stamp-order-submit'));
    expect(await within(form).findByText('Số tem phải là một số nguyên, ví dụ 1000 hoặc 1.000.')).toBeTruthy();
    expect(requests.some((request) => request.method === 'POST')).toBe(false);

    fireEvent.change(within(form).getByLabelText('Số tem'), { target: { value: '10.000.001' } });
    fireEvent.click(screen.getByTestId('stamp-order-submit'));
    expect(await within(form).findByText('Số tem của một đơn phải từ 1 đến 10000000 (đã nhập 10000001).')).toBeTruthy();
    expect(requests.find((request) => request.method === 'POST')?.body).toEqual({
      productId: PRODUCT_ID,
      lotId: LOT_ID,
      quantity: 10_000_001,
    });

    fireEvent.change(within(form).getByLabelText('Số tem'), { target: { value: '20' } });
    fireEvent.click(screen.getByTestId('stamp-order-submit'));
    await waitFor(() => expect(view.location().pathname).toBe(`/stamps/${ORDER_ID}`));
    expect(
      await screen.findByText('Đang phát hành tem; trang tự cập nhật. Có thể kích hoạt và in khi phát hành xong.', {}, SLOW),
    ).toBeTruthy();
  });
});

describe('an order’s page', () => {
  it('follows the issuing until done, then activates a range from a scanned first stamp to a typed last one', async () => {
    let reads = 0;
    const { requests } = stubFetch({
      ...common(),
      [`GET ${ORDER}`]: () => {
        reads++;
        return jsonResponse(reads === 1 ? buildStampOrder({ state: 'issuing', issuedCount: 8, issuedAt: null }) : buildStampOrder());
      },
      [`GET ${ORDER}/stamps/${buildStamp(1).url.split('/').at(-1)}`]: () => jsonResponse(buildStamp(1)),
      [`POST ${ORDER}/activation`]: () => jsonResponse({ changed: 20, unchanged: 0 }),
    });
    renderApp(`/stamps/${ORDER_ID}`);
    expect(await screen.findByText('Đã phát hành 8/20 tem', {}, SLOW)).toBeTruthy();
    expect(screen.queryByTestId('stamp-activate-form')).toBeNull();

    // Polled: the form opens once the order is issued, with the counts per state.
    const form = await screen.findByTestId('stamp-activate-form', {}, SLOW);
    expect(screen.getByText('Đã phát hành 20/20 tem')).toBeTruthy();
    expect(screen.getByTestId('stamp-count-issued').textContent).toContain('20');

    // A phone scanner types the QR code's URL and Enter: the stamp is looked up, the cursor moves on.
    const from = within(form).getByTestId('stamp-activate-from');
    fireEvent.change(from, { target: { value: buildStamp(1).url } });
    fireEvent.keyDown(from, { key: 'Enter' });
    expect(await within(form).findByText('Tem số 1')).toBeTruthy();
    const to = within(form).getByTestId('stamp-activate-to');
    await waitFor(() => expect(document.activeElement).toBe(to));
    fireEvent.change(to, { target: { value: '20' } });
    fireEvent.blur(to);
    expect(await within(form).findByText('20 tem, từ số 1 đến số 20')).toBeTruthy();

    fireEvent.click(screen.getByTestId('stamp-activate-submit'));
    expect(await screen.findByText('Đã kích hoạt 20 tem.')).toBeTruthy();
    expect(requests.find((request) => request.method === 'POST')?.body).toEqual({ from: 1, to: 20, lotId: LOT_ID });
  });

  it('voids a pasted list only with a reason and a confirmation, and shows the server’s refusal in Vietnamese', async () => {
    let attempt = 0;
    const serials = [buildStamp(3).serial, buildStamp(4).url];
    const { requests } = stubFetch({
      ...common(),
      [`GET ${ORDER}`]: () => jsonResponse(buildStampOrder({ activatedCount: 4 })),
      'POST /api/traceability/stamps/voiding': () => {
        attempt++;
        return attempt === 1
          ? problemResponse(404, 'stamp.not_found', 'Some stamps were not found.', { details: { count: 1, serials: serials[0] } })
          : jsonResponse({ changed: 1, unchanged: 1 });
      },
    });
    renderApp(`/stamps/${ORDER_ID}`);
    const form = await screen.findByTestId('stamp-void-form', {}, SLOW);
    fireEvent.click(within(form).getByText('Theo danh sách'));
    fireEvent.change(await within(form).findByTestId('stamp-void-serials'), { target: { value: serials.join('\n') } });
    expect(await within(form).findByText('2 số sê-ri')).toBeTruthy();
    fireEvent.click(screen.getByTestId('stamp-void-submit'));
    expect(await within(form).findByText('Hãy ghi lý do hủy tem.')).toBeTruthy();

    fireEvent.change(within(form).getByTestId('stamp-void-reason'), { target: { value: 'Cuộn tem bị ướt' } });
    fireEvent.click(screen.getByTestId('stamp-void-submit'));
    fireEvent.click(await screen.findByTestId('stamp-void-confirm', {}, SLOW));
    expect(
      await within(form).findByText(
        `Không tìm thấy 1 tem trong phạm vi của bạn (ví dụ: ${serials[0]}); không tem nào được thay đổi.`,
        {},
        SLOW,
      ),
    ).toBeTruthy();
    expect(requests.find((request) => request.method === 'POST')?.body).toEqual({
      serials: [serials[0], buildStamp(4).url.split('/').at(-1)],
      reason: 'Cuộn tem bị ướt',
    });

    fireEvent.click(screen.getByTestId('stamp-void-submit'));
    fireEvent.click(await screen.findByTestId('stamp-void-confirm', {}, SLOW));
    expect(await screen.findByText('Đã hủy 1 tem. 1 tem đã ở trạng thái này từ trước, giữ nguyên.', {}, SLOW)).toBeTruthy();
  });

  it('prints: a custom layout the server refuses shows its reason; a preset gives the PDF to open', async () => {
    let attempt = 0;
    const { requests } = stubFetch({
      ...common(),
      [`GET ${ORDER}`]: () => jsonResponse(buildStampOrder()),
      [`GET ${ORDER}/sheet.pdf`]: () => {
        attempt++;
        return attempt === 1
          ? problemResponse(422, 'stamp_layout.module_too_small', 'Layout refused.', {
              details: { moduleMm: 0.2, codeMm: 5.8, modules: 29, minimumMm: 0.33 },
            })
          : new Response('%PDF-1.7\n%%EOF\n', { status: 200, headers: { 'content-type': 'application/pdf' } });
      },
    });
    renderApp(`/stamps/${ORDER_ID}`);
    const form = await screen.findByTestId('stamp-sheet-form', {}, SLOW);
    await chooseOption(within(form).getByLabelText('Mẫu nhãn'), 'Tùy chỉnh kích thước');
    // 60 stamps of 8 mm: 10 rows × 6 columns.
    fireEvent.change(await within(form).findByLabelText('Số hàng'), { target: { value: '10' } });
    fireEvent.change(within(form).getByLabelText('Số cột'), { target: { value: '6' } });
    fireEvent.change(within(form).getByLabelText('Rộng nhãn (mm)'), { target: { value: '8' } });
    fireEvent.change(within(form).getByLabelText('Cao nhãn (mm)'), { target: { value: '8' } });
    fireEvent.click(screen.getByTestId('stamp-sheet-submit'));
    const refused = await screen.findByTestId('stamp-sheet-refused', {}, SLOW);
    expect(refused.textContent).toContain('Không tạo được tờ tem');
    expect(refused.textContent).toContain('Mẫu nhãn bị từ chối: mỗi ô của mã QR chỉ rộng 0.2 mm');
    const query = requests.find((request) => request.path.endsWith('/sheet.pdf'))?.search;
    expect(Object.fromEntries(query ?? [])).toEqual({
      layout: 'custom',
      kind: 'sheet',
      rows: '10',
      columns: '6',
      labelWidthMm: '8',
      labelHeightMm: '8',
      pageWidthMm: '210',
      pageHeightMm: '297',
      from: '1',
      to: '20',
    });

    await chooseOption(within(form).getByLabelText('Mẫu nhãn'), 'a4-65: tờ A4, 65 nhãn 38,1 × 21,2 mm');
    await act(async () => {
      fireEvent.click(screen.getByTestId('stamp-sheet-submit'));
    });
    expect((await screen.findByTestId('stamp-sheet-ready', {}, SLOW)).textContent).toBe('Tờ tem 1–20 đã sẵn sàng (1 KB).');
    expect(screen.getByTestId('stamp-sheet-open').getAttribute('href')).toMatch(/^blob:/);
    expect(Object.fromEntries(requests.filter((request) => request.path.endsWith('/sheet.pdf'))[1]?.search ?? [])).toEqual({
      layout: 'a4-65',
      from: '1',
      to: '20',
    });
  });

  it('is not for a commune officer, who may neither order nor activate stamps (the server refuses them too)', async () => {
    const { requests } = stubFetch({ ...common(COMMUNE_OFFICER), [`GET ${ORDER}`]: () => jsonResponse(buildStampOrder()) });
    renderApp(`/stamps/${ORDER_ID}`);
    expect(await screen.findByText('Không có quyền truy cập', {}, SLOW)).toBeTruthy();
    expect(screen.queryByTestId('stamp-activate-form')).toBeNull();
    expect(requests.some((request) => request.path === ORDER)).toBe(false);
  });
  it('reads in English when chosen, the lot page’s link to its stamps too', async () => {
    stubFetch({
      ...common(),
      [`GET ${ORDER}`]: () => jsonResponse(buildStampOrder({ activatedCount: 5, voidCount: 2 })),
      [`GET /api/traceability/lots/${LOT_ID}/journey`]: () =>
        jsonResponse({ lotId: LOT_ID, lotCode: 'CHE-2026-07', classUri: 'x', steps: [] }),
      'GET /api/admin-units/provinces/14': (request) => jsonResponse(sonLaUnits(request)),
    });
    const view = renderApp(`/stamps/${ORDER_ID}`, { language: 'en' });
    expect(await screen.findByText('20/20 stamps issued', {}, SLOW)).toBeTruthy();
    expect(screen.getByTestId('stamp-count-issued').textContent).toBe('Not activated13');
    expect(screen.getByText('Activate stamps')).toBeTruthy();
    view.unmount();
    renderApp(`/lots/${LOT_ID}`, { language: 'en' });
    expect((await screen.findByTestId('lot-stamps', {}, SLOW)).textContent).toBe('Stamps of this lot');
  });
});
