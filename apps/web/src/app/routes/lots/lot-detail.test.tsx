// @vitest-environment happy-dom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { jsonResponse, problemResponse, stubFetch } from '../../../testing/fetch-stub';
import { buildMe, buildProduct, grant, PRODUCER_ID, PRODUCT_ID, sonLaUnits } from '../../../testing/fixtures';
import { renderApp } from '../../../testing/render-app';
import { chooseOption } from '../../../testing/select';
import { buildLot, buildStep, LOT_ID, journeyOf, lotPage } from '../../../testing/traceability-fixtures';

const MEMBER = buildMe({ roles: [grant('producer_member', { provinceCode: '14', producerId: PRODUCER_ID })] });
const COMMUNE_OFFICER = buildMe({ roles: [grant('commune_officer', { provinceCode: '14', communeCode: '03679' })] });

const STEPS = [
  buildStep({ eventId: 'e1', lotCode: 'LA-2026-03', productName: 'Lá chè tươi', placeName: 'Đồi chè Tà Xùa' }),
  buildStep({
    eventId: 'e2',
    kind: 'processing',
    labelVi: 'Chế biến',
    labelEn: 'Processing',
    eventTime: '2026-12-03T03:00:00.000Z',
    placeName: 'Xưởng chế biến Chiềng An',
    fromLots: ['LA-2026-03'],
  }),
  // A packing form writes one event per carton, at one time: one line "× 3".
  ...['e3', 'e4', 'e5'].map((eventId) =>
    buildStep({
      eventId,
      kind: 'packing',
      labelVi: 'Đóng gói',
      labelEn: 'Packing',
      eventTime: '2026-12-04T08:15:00.000Z',
      placeName: 'Xưởng chế biến Chiềng An',
    }),
  ),
];

function stubLotServer(me = MEMBER) {
  return stubFetch({
    'GET /api/auth/me': () => jsonResponse(me),
    [`GET /api/traceability/lots/${LOT_ID}`]: () => jsonResponse(buildLot()),
    [`GET /api/traceability/lots/${LOT_ID}/journey`]: () => jsonResponse(journeyOf(STEPS)),
    [`GET /api/products/${PRODUCT_ID}`]: () => jsonResponse(buildProduct()),
    'GET /api/admin-units/provinces/14': (request) => jsonResponse(sonLaUnits(request)),
  });
}

describe('the lot page', () => {
  it('lists the journey in order, with time, place and the lots a processing came from', async () => {
    stubLotServer();
    renderApp(`/lots/${LOT_ID}`);

    const timeline = await screen.findByTestId('journey-timeline', {}, { timeout: 10_000 });
    const steps = within(timeline).getAllByTestId('journey-step');
    expect(steps.map((step) => step.dataset.kind)).toEqual(['harvest', 'processing', 'packing']);
    const [harvest, processing, packing] = steps as [HTMLElement, HTMLElement, HTMLElement];
    expect(harvest.textContent).toContain('Thu hoạch');
    expect(harvest.textContent).toContain(dayjs('2026-12-02T01:30:00.000Z').format('DD/MM/YYYY HH:mm'));
    expect(harvest.textContent).toContain('Đồi chè Tà Xùa');
    // The input lot's own step names its lot; this lot's steps do not.
    expect(harvest.textContent).toContain('Lô LA-2026-03 · Lá chè tươi');
    expect(processing.textContent).toContain('Từ lô: LA-2026-03');
    expect(processing.textContent).not.toContain('Lô CHE-2026-07');
    expect(packing.textContent).toContain('Đóng gói × 3');
    // The lot's own fields beside it.
    expect(screen.getByText('Phường Chiềng An')).toBeTruthy();
    expect(screen.getByText('urn:ocop:vn:lot:SL-CHE-01:CHE-2026-07')).toBeTruthy();
  });

  it('offers the five step forms to the producer’s member, none to a commune officer who only reads', async () => {
    stubLotServer();
    const view = renderApp(`/lots/${LOT_ID}`);
    const buttons = await screen.findByTestId('step-buttons', {}, { timeout: 10_000 });
    expect(
      within(buttons)
        .getAllByRole('button')
        .map((button) => button.textContent),
    ).toEqual(['Thu hoạch', 'Chế biến', 'Đóng gói', 'Xuất hàng', 'Nhận hàng tại điểm bán']);
    fireEvent.click(within(buttons).getByText('Đóng gói'));
    await waitFor(() => expect(view.location().pathname).toBe(`/lots/${LOT_ID}/steps/packing`));
    view.unmount();

    stubLotServer(COMMUNE_OFFICER);
    renderApp(`/lots/${LOT_ID}`);
    await screen.findByTestId('journey-timeline', {}, { timeout: 10_000 });
    expect(screen.queryByTestId('step-buttons')).toBeNull();
    expect(screen.queryByRole('button', { name: /Sửa lô/ })).toBeNull();
  });

  it('says so when no step is recorded yet', async () => {
    stubFetch({
      'GET /api/auth/me': () => jsonResponse(MEMBER),
      [`GET /api/traceability/lots/${LOT_ID}`]: () => jsonResponse(buildLot()),
      [`GET /api/traceability/lots/${LOT_ID}/journey`]: () => jsonResponse(journeyOf([])),
      [`GET /api/products/${PRODUCT_ID}`]: () => jsonResponse(buildProduct()),
      'GET /api/admin-units/provinces/14': (request) => jsonResponse(sonLaUnits(request)),
    });
    renderApp(`/lots/${LOT_ID}`);
    expect(await screen.findByText('Chưa ghi bước nào. Chọn một bước bên trên để ghi.', {}, { timeout: 10_000 })).toBeTruthy();
  });
});

describe('the lot form', () => {
  it('records a lot of the member’s only product and puts a taken code at its field', async () => {
    let attempt = 0;
    const { requests } = stubFetch({
      'GET /api/auth/me': () => jsonResponse(MEMBER),
      'GET /api/products': () => jsonResponse({ items: [buildProduct()], total: 1, page: 1, pageSize: 200 }),
      [`GET /api/products/${PRODUCT_ID}`]: () => jsonResponse(buildProduct()),
      'GET /api/admin-units/provinces/14': (request) => jsonResponse(sonLaUnits(request)),
      'POST /api/traceability/lots': () => {
        attempt++;
        return attempt === 1
          ? problemResponse(409, 'lot.code_taken', 'taken', { details: { field: 'lotCode', lotCode: 'CHE-01' } })
          : jsonResponse(buildLot({ lotCode: 'CHE-02' }), 201);
      },
      [`GET /api/traceability/lots/${LOT_ID}/journey`]: () => jsonResponse(journeyOf([])),
      'GET /api/traceability/lots': () => jsonResponse(lotPage([])),
    });
    const view = renderApp('/lots/new');

    const form = await screen.findByTestId('lot-form', {}, { timeout: 10_000 });
    await waitFor(() => expect(form.textContent).toContain('Chè Shan tuyết Bích Thảo'));
    fireEvent.change(within(form).getByLabelText('Mã lô'), { target: { value: 'CHE 01' } });
    fireEvent.blur(within(form).getByLabelText('Mã lô'));
    expect(await within(form).findByText(/Mã lô không hợp lệ/)).toBeTruthy();
    fireEvent.change(within(form).getByLabelText('Mã lô'), { target: { value: 'CHE-01' } });
    fireEvent.change(within(form).getByLabelText('Số lượng'), { target: { value: '120,5' } });
    await chooseOption(within(form).getByLabelText('Xã, phường của vùng trồng'), 'Phường Chiềng An');
    fireEvent.click(within(form).getByRole('radio', { name: 'Không ghi hạn' }));
    fireEvent.click(screen.getByTestId('lot-save'));

    expect(await within(form).findByText('Sản phẩm này đã có lô mã "CHE-01"; mỗi lô của một sản phẩm cần một mã riêng.')).toBeTruthy();
    const body = requests.find((request) => request.method === 'POST')?.body;
    expect(body).toMatchObject({
      productId: PRODUCT_ID,
      lotCode: 'CHE-01',
      quantity: '120,5',
      unit: 'kg',
      expiresOn: null,
      bestBefore: null,
      growingAreaCommuneCode: '03679',
    });
    expect((body as { producedOn: string }).producedOn).toMatch(/^\d{4}-\d\d-\d\d$/);

    fireEvent.change(within(form).getByLabelText('Mã lô'), { target: { value: 'CHE-02' } });
    fireEvent.click(screen.getByTestId('lot-save'));
    await waitFor(() => expect(view.location().pathname).toBe(`/lots/${LOT_ID}`));
  });
});
