// @vitest-environment happy-dom
import type { FakeReportView, ScanAnalyticsView } from '@ocop/contracts/stamp-scans';
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse, problemResponse, stubFetch } from '../../../testing/fetch-stub';
import { buildMe, buildProductListItem, grant, PRODUCER_ID, PRODUCT_ID } from '../../../testing/fixtures';
import { renderApp } from '../../../testing/render-app';
import { LOT_ID } from '../../../testing/traceability-fixtures';

const OFFICER = buildMe({ roles: [grant('province_officer', { provinceCode: '14' })] });
const COMMUNE_OFFICER = buildMe({ roles: [grant('commune_officer', { provinceCode: '14', communeCode: '03679' })] });
const MEMBER = buildMe({ roles: [grant('producer_member', { provinceCode: '14', producerId: PRODUCER_ID })] });
const SLOW = { timeout: 10_000 };

function analytics(): ScanAnalyticsView {
  const byDay = Array.from({ length: 30 }, (_, i) => ({
    day: new Date(Date.UTC(2026, 10, 8 + i)).toISOString().slice(0, 10),
    scans: i === 29 ? 1_200 : i,
  }));
  return {
    from: '2026-11-08',
    to: '2026-12-07',
    totals: { scans: 1_635, stamps: 240, suspicious: 1, reports: 2 },
    byDay,
    byProduct: [
      { productId: PRODUCT_ID, productName: 'Chè Shan tuyết Bích Thảo', scans: 1_500 },
      { productId: '6b5c4d3e-2f1a-4b0c-9d8e-7f6a5b4c3d2e', productName: 'Mận sấy dẻo', scans: 135 },
    ],
    byLot: [{ lotId: LOT_ID, lotCode: 'CHE-2026-07', productName: 'Chè Shan tuyết Bích Thảo', scans: 1_400 }],
    byCommune: [{ communeCode: '03679', communeName: 'Phường Chiềng An', scans: 1_635 }],
    byAgent: [
      { agentClass: 'zalo', scans: 1_000 },
      { agentClass: 'ios', scans: 635 },
    ],
    suspicious: [
      {
        serial: 'DE3B2-KNCCC-M4PEK-T4RKD-D',
        productName: 'Chè Shan tuyết Bích Thảo',
        lotCode: 'CHE-2026-07',
        scans: 1_000,
        reason: 'too_many_scans',
        markedAt: '2026-12-07T03:00:00.000Z',
      },
    ],
  };
}

const report = (overrides: Partial<FakeReportView>): FakeReportView => ({
  id: 'e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5b',
  serial: 'DE3B2-KNCCC-M4PEK-T4RKD-D',
  productName: 'Chè Shan tuyết Bích Thảo',
  lotCode: 'CHE-2026-07',
  reportedAt: '2026-12-07T04:00:00.000Z',
  message: 'Tem dán lệch, giấy mỏng',
  contact: null,
  place: 'VN-14',
  agentClass: 'zalo',
  ...overrides,
});

const routes = (me = OFFICER) => ({
  'GET /api/auth/me': () => jsonResponse(me),
  'GET /api/products': () => jsonResponse({ items: [buildProductListItem()], total: 1, page: 1, pageSize: 50 }),
  'GET /api/traceability/scan-analytics': () => jsonResponse(analytics()),
  'GET /api/traceability/fake-reports': () =>
    jsonResponse({
      items: [
        report({}),
        report({ id: 'f2a3b4c5-d6e7-4f8a-9b0c-1d2e3f4a5b6c', message: '<script>alert(1)</script> hàng giả', contact: '0912 345 678' }),
      ],
      total: 2,
      page: 1,
      pageSize: 10,
    }),
});

describe('the scan analytics screen', () => {
  it('draws the scans per day, the rankings, the suspicious serials and the fake reports', async () => {
    stubFetch(routes());
    renderApp('/stamps/scans');
    const page = await screen.findByTestId('scan-analytics', {}, SLOW);
    expect(within(page).getByText('Từ 08/11/2026 đến 07/12/2026')).toBeTruthy();
    expect(screen.getByTestId('scan-total-scans').textContent).toContain('1.635');
    expect(screen.getByTestId('scan-total-reports').textContent).toContain('2');

    const chart = screen.getByRole('img', {
      name: 'Biểu đồ lượt quét theo ngày từ 08/11/2026 đến 07/12/2026: tổng 1.635 lượt, nhiều nhất 1.200 lượt.',
    });
    expect(chart.querySelectorAll('[data-testid="day-bar"]')).toHaveLength(30);
    expect(chart.querySelectorAll('title')[30]?.textContent).toBe('07/12/2026: 1.200 lượt quét');

    const byProduct = screen.getByRole('list', { name: 'Theo sản phẩm' });
    expect(
      within(byProduct)
        .getAllByTestId('bar-row')
        .map((row) => row.textContent),
    ).toEqual(['Chè Shan tuyết Bích Thảo1.500', 'Mận sấy dẻo135']);
    expect(within(screen.getByRole('list', { name: 'Theo ứng dụng quét' })).getByText('iPhone (iOS)')).toBeTruthy();
    expect(within(screen.getByRole('list', { name: 'Theo lô' })).getByText('CHE-2026-07')).toBeTruthy();
    expect(within(screen.getByRole('list', { name: 'Theo xã, phường của chủ thể' })).getByText('Phường Chiềng An')).toBeTruthy();

    const suspicious = screen.getByTestId('suspicious-row');
    expect(suspicious.textContent).toContain('DE3B2-KNCCC-M4PEK-T4RKD-D');
    expect(suspicious.textContent).toContain('Quét quá nhiều lần trong 24 giờ');

    const reports = await screen.findAllByTestId('fake-report', {}, SLOW);
    expect(reports).toHaveLength(2);
    expect(reports[0]?.textContent).toContain('Không để lại liên hệ · Nơi gửi: VN-14 · Zalo');
    // What a buyer wrote is text, never markup.
    expect(reports[1]?.textContent).toContain('<script>alert(1)</script> hàng giả');
    expect(reports[1]?.querySelector('script')).toBeNull();
    expect(reports[1]?.textContent).toContain('Liên hệ: 0912 345 678');
  });

  it('passes the period and product in the address on, and shows the server’s refusal of a period in Vietnamese', async () => {
    const { requests } = stubFetch({
      ...routes(),
      'GET /api/traceability/scan-analytics': () =>
        problemResponse(422, 'scan_analytics.period_invalid', 'The period is not valid.', {
          details: { from: '2025-01-01', to: '2026-12-07', maxDays: 366 },
        }),
    });
    renderApp(`/stamps/scans?from=2025-01-01&to=2026-12-07&productId=${PRODUCT_ID}`);
    expect(
      await screen.findByText(
        'Khoảng thời gian không hợp lệ: ngày bắt đầu (2025-01-01) phải không sau ngày kết thúc (2026-12-07) và dài tối đa 366 ngày.',
        {},
        SLOW,
      ),
    ).toBeTruthy();
    const asked = requests.find((request) => request.path === '/api/traceability/scan-analytics')?.search;
    expect(Object.fromEntries(asked ?? [])).toEqual({ from: '2025-01-01', to: '2026-12-07', productId: PRODUCT_ID });
  });

  it('opens for a commune officer and a producer’s member, whom the server narrows to their own stamps', async () => {
    for (const me of [COMMUNE_OFFICER, MEMBER]) {
      stubFetch(routes(me));
      const view = renderApp('/stamps/scans');
      await screen.findByTestId('scan-analytics', {}, SLOW);
      expect(screen.queryByText('Không có quyền truy cập')).toBeNull();
      view.unmount();
    }
  });
});
