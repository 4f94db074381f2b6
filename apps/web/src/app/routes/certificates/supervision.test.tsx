// @vitest-environment happy-dom
import type { SupervisionList } from '@ocop/contracts/certification';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { buildCertificate, CERTIFICATE_2_ID } from '../../../testing/certificate-fixtures';
import { jsonResponse, stubFetch } from '../../../testing/fetch-stub';
import { buildMe, grant } from '../../../testing/fixtures';
import { renderApp } from '../../../testing/render-app';

const OFFICER = buildMe({ roles: [grant('province_officer', { provinceCode: '14' })] });

function listOf(list: SupervisionList) {
  if (list === 'revoked')
    return [
      buildCertificate({
        id: CERTIFICATE_2_ID,
        number: '7/GCN-OCOP-14-2024',
        status: 'valid',
        revocation: {
          ground: 'dd',
          decisionNumber: '45/QĐ-UBND',
          decidedOn: '2026-11-30',
          findingOn: '2026-11-30',
          effectiveOn: '2026-12-15',
          reason: 'Ngừng sản xuất',
        },
      }),
    ];
  return [
    buildCertificate(),
    buildCertificate({
      id: CERTIFICATE_2_ID,
      number: '8/GCN-OCOP-14-2023',
      status: 'in_re_evaluation',
      pendingReEvaluation: { dossierId: CERTIFICATE_2_ID, filedOn: '2026-08-25', lateFiling: false },
    }),
  ];
}

describe('the supervision lists', () => {
  it('opens on the 3-month list, switches tabs, and offers each list’s Excel export', async () => {
    const { requests } = stubFetch({
      'GET /api/auth/me': () => jsonResponse(OFFICER),
      'GET /api/certificates/supervision': (request) => {
        const list = request.search.get('list') as SupervisionList;
        return jsonResponse({ list, today: '2026-09-01', items: listOf(list), truncated: false });
      },
    });
    const view = renderApp('/certificates/supervision');

    const table = await screen.findByTestId('supervision-table-expiring_3m', {}, { timeout: 10_000 });
    await within(table).findByText('12/GCN-OCOP-14-2023');
    expect(
      requests.filter((request) => request.path === '/api/certificates/supervision').map((request) => request.search.get('list')),
    ).toEqual(['expiring_3m']);
    expect(table.textContent).toContain('Chưa');
    expect(table.textContent).toContain('Còn hiệu lực – sắp hết hạn · còn 40 ngày');
    expect(table.textContent).toContain('Đã nộp ngày 25/08/2026');
    expect(screen.getByTestId('supervision-count').textContent).toBe('Tính đến ngày 01/09/2026: 2 giấy chứng nhận.');
    expect(screen.getByTestId('supervision-export').getAttribute('href')).toBe('/api/certificates/supervision.xlsx?list=expiring_3m');

    fireEvent.click(screen.getByRole('tab', { name: 'Đã thu hồi' }));
    const revoked = await screen.findByTestId('supervision-table-revoked');
    await within(revoked).findByText('7/GCN-OCOP-14-2024');
    expect(revoked.textContent).toContain('Điểm đ');
    expect(revoked.textContent).toContain('45/QĐ-UBND');
    expect(revoked.textContent).toContain('15/12/2026');
    expect(revoked.textContent).toContain('chưa có hiệu lực');
    expect(within(revoked).getByTestId('pending-revocation-note').textContent).toBe('Thu hồi từ 15/12/2026');
    expect(screen.getByTestId('supervision-export').getAttribute('href')).toBe('/api/certificates/supervision.xlsx?list=revoked');
    expect(view.location().search).toBe('?list=revoked');

    fireEvent.click(screen.getByRole('tab', { name: 'Sắp hết hạn trong 6 tháng' }));
    await screen.findByTestId('supervision-table-expiring_6m');
    await waitFor(() => expect(requests.at(-1)?.search.get('list')).toBe('expiring_6m'));
    expect(screen.getByTestId('supervision-export').getAttribute('href')).toBe('/api/certificates/supervision.xlsx?list=expiring_6m');
  });
});
