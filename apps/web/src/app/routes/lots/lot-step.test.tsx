// @vitest-environment happy-dom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse, problemResponse, type RecordedRequest, stubFetch } from '../../../testing/fetch-stub';
import { buildMe, buildProduct, grant, PRODUCER_ID, PRODUCT_ID, sonLaUnits } from '../../../testing/fixtures';
import { renderApp } from '../../../testing/render-app';
import { chooseOption } from '../../../testing/select';
import {
  buildLot,
  buildSite,
  FACTORY,
  FACTORY_SITE_ID,
  FARM_SITE_ID,
  journeyOf,
  LOT_ID,
  lotPage,
  RAW_LOT_ID,
} from '../../../testing/traceability-fixtures';

const MEMBER = buildMe({ roles: [grant('producer_member', { provinceCode: '14', producerId: PRODUCER_ID })] });
const RAW = buildLot({ id: RAW_LOT_ID, lotCode: 'LA-2026-03', quantity: 300 });

type Routes = Parameters<typeof stubFetch>[0];

/** The member's session, the lot, its product, the producer's two sites and lots, the province's communes. */
function stubStepServer(record: (request: RecordedRequest) => Response, extra: Routes = {}) {
  return stubFetch({
    'GET /api/auth/me': () => jsonResponse(MEMBER),
    [`GET /api/traceability/lots/${LOT_ID}`]: () => jsonResponse(buildLot()),
    [`GET /api/products/${PRODUCT_ID}`]: () => jsonResponse(buildProduct()),
    'GET /api/traceability/sites': () => jsonResponse({ items: [buildSite(), FACTORY], total: 2, page: 1, pageSize: 200 }),
    'GET /api/traceability/lots': () => jsonResponse(lotPage([buildLot(), RAW])),
    'GET /api/admin-units/provinces/14': (request) => jsonResponse(sonLaUnits(request)),
    [`POST /api/traceability/lots/${LOT_ID}/steps`]: record,
    [`GET /api/traceability/lots/${LOT_ID}/journey`]: () => jsonResponse(journeyOf([])),
    ...extra,
  });
}

const recorded = () => jsonResponse({ eventIds: ['urn:uuid:1'], captureId: 'c1' }, 201);
const stepRequest = (requests: RecordedRequest[]) => requests.find((request) => request.method === 'POST');

describe('the phone forms of a lot’s steps', () => {
  it('records a harvest at the producer’s farm, now, for the whole lot, and goes back to the lot', async () => {
    const { requests } = stubStepServer(recorded);
    const view = renderApp(`/lots/${LOT_ID}/steps/harvest`);

    const form = await screen.findByTestId('step-form-harvest', {}, { timeout: 10_000 });
    expect(screen.getByRole('heading', { name: 'Thu hoạch · lô CHE-2026-07' })).toBeTruthy();
    // The farm, not the factory, is the harvest's site; the quantity's hint names the lot's.
    expect(within(form).getByText('Đồi chè Tà Xùa · Vùng trồng, trang trại')).toBeTruthy();
    expect(within(form).getByText('Để trống là cả lô: 120 kg.')).toBeTruthy();
    const before = Date.now();
    fireEvent.click(screen.getByTestId('step-submit'));

    await waitFor(() => expect(view.location().pathname).toBe(`/lots/${LOT_ID}`));
    const body = stepRequest(requests)?.body as Record<string, unknown>;
    expect(body).toMatchObject({ kind: 'harvest', siteId: FARM_SITE_ID });
    expect(body).not.toHaveProperty('quantity');
    const time = Date.parse(String(body.eventTime));
    expect(String(body.eventTime)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
    expect(Math.abs(time - before)).toBeLessThan(60_000);
  });

  it('records a processing of an input lot into this lot at the factory', async () => {
    const { requests } = stubStepServer(recorded);
    const view = renderApp(`/lots/${LOT_ID}/steps/processing`);

    const form = await screen.findByTestId('step-form-processing', {}, { timeout: 10_000 });
    expect(within(form).getByText('Xưởng chế biến Chiềng An · Cơ sở chế biến')).toBeTruthy();
    // The lot itself is no input of its own processing.
    fireEvent.mouseDown(screen.getByLabelText('Lô nguyên liệu 1'));
    await chooseOption(screen.getByLabelText('Lô nguyên liệu 1'), 'LA-2026-03 · Chè Shan tuyết Bích Thảo');
    expect(document.body.textContent).not.toContain('CHE-2026-07 · Chè');
    fireEvent.change(screen.getByLabelText('Lượng dùng của lô 1'), { target: { value: '250,5' } });
    fireEvent.change(within(form).getByLabelText('Thành phẩm (kg)'), { target: { value: '60' } });
    fireEvent.click(screen.getByTestId('step-submit'));

    await waitFor(() => expect(view.location().pathname).toBe(`/lots/${LOT_ID}`));
    expect(stepRequest(requests)?.body).toMatchObject({
      kind: 'processing',
      siteId: FACTORY_SITE_ID,
      inputs: [{ lotId: RAW_LOT_ID, quantity: '250,5' }],
      quantity: '60',
    });
  });

  it('checks a quantity as typed with the server’s rule and sends nothing while it is wrong', async () => {
    const { requests } = stubStepServer(recorded);
    renderApp(`/lots/${LOT_ID}/steps/packing`);

    const form = await screen.findByTestId('step-form-packing', {}, { timeout: 10_000 });
    fireEvent.change(within(form).getByLabelText('Số thùng'), { target: { value: '4' } });
    fireEvent.change(within(form).getByLabelText('Mỗi thùng (kg)'), { target: { value: '0' } });
    fireEvent.click(screen.getByTestId('step-submit'));
    expect(
      await within(form).findByText('Số lượng phải là một số lớn hơn 0, tối đa 3 chữ số thập phân và 12 chữ số phần nguyên.'),
    ).toBeTruthy();
    expect(stepRequest(requests)).toBeUndefined();

    fireEvent.change(within(form).getByLabelText('Mỗi thùng (kg)'), { target: { value: '2,5' } });
    await waitFor(() => expect(screen.getByTestId('packing-total').textContent).toBe('4 thùng, tổng 10 kg (lô có 120 kg).'));
    fireEvent.click(screen.getByTestId('step-submit'));
    await waitFor(() =>
      expect(stepRequest(requests)?.body).toMatchObject({
        kind: 'packing',
        siteId: FACTORY_SITE_ID,
        cartonCount: 4,
        quantityPerCarton: '2,5',
      }),
    );
  });

  it('ships to a named sales point in a commune of the province', async () => {
    const { requests } = stubStepServer(recorded);
    renderApp(`/lots/${LOT_ID}/steps/shipping`);

    const form = await screen.findByTestId('step-form-shipping', {}, { timeout: 10_000 });
    fireEvent.change(within(form).getByLabelText('Tên điểm bán'), { target: { value: 'Cửa hàng OCOP Sơn La' } });
    await chooseOption(within(form).getByLabelText('Xã, phường của điểm bán'), 'Phường Tô Hiệu');
    fireEvent.click(screen.getByTestId('step-submit'));
    await waitFor(() =>
      expect(stepRequest(requests)?.body).toMatchObject({
        kind: 'shipping',
        destination: { name: 'Cửa hàng OCOP Sơn La', communeCode: '03646' },
      }),
    );
  });

  it('shows the server’s refusal at its field, in Vietnamese or in English', async () => {
    const refuse = () =>
      problemResponse(422, 'step.quantity_exceeds_lot', 'too much', {
        details: { field: 'inputs.0.quantity', quantity: '999', lotCode: 'LA-2026-03', lotQuantity: '300' },
      });
    stubStepServer(refuse);
    renderApp(`/lots/${LOT_ID}/steps/processing`, { language: 'en' });

    const form = await screen.findByTestId('step-form-processing', {}, { timeout: 10_000 });
    await chooseOption(screen.getByLabelText('Input lot 1'), 'LA-2026-03 · Chè Shan tuyết Bích Thảo');
    fireEvent.change(screen.getByLabelText('Quantity used of lot 1'), { target: { value: '999' } });
    fireEvent.click(screen.getByTestId('step-submit'));
    expect(await within(form).findByText('The quantity (999) is more than the lot LA-2026-03 has (300).')).toBeTruthy();
  });

  it('shows a refusal without a field above the buttons and stays on the form', async () => {
    stubStepServer(() => problemResponse(403, 'step.lot_forbidden', 'forbidden'));
    const view = renderApp(`/lots/${LOT_ID}/steps/receiving`);

    const form = await screen.findByTestId('step-form-receiving', {}, { timeout: 10_000 });
    fireEvent.change(within(form).getByLabelText('Tên điểm bán'), { target: { value: 'Siêu thị Mộc Châu' } });
    await chooseOption(within(form).getByLabelText('Xã, phường của điểm bán'), 'Phường Chiềng An');
    fireEvent.click(screen.getByTestId('step-submit'));
    const alert = await within(form).findByRole('alert');
    expect(alert.textContent).toBe('Bạn không được ghi công đoạn cho lô này: lô thuộc một chủ thể khác.');
    expect(view.location().pathname).toBe(`/lots/${LOT_ID}/steps/receiving`);
  });
});
