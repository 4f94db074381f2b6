// @vitest-environment happy-dom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { buildCertificate, CERTIFICATE_2_ID, CERTIFICATE_ID, certificatePage } from '../../../testing/certificate-fixtures';
import { jsonResponse, stubFetch } from '../../../testing/fetch-stub';
import { buildMe, grant } from '../../../testing/fixtures';
import { renderApp } from '../../../testing/render-app';
import { chooseOption } from '../../../testing/select';

const OFFICER = buildMe({ roles: [grant('province_officer', { provinceCode: '14' })] });

describe('the certificate list', () => {
  it('lists certificates with stars, dates and coloured status, and asks the server for each search and filter', async () => {
    const revoked = buildCertificate({
      id: CERTIFICATE_2_ID,
      number: '7/GCN-OCOP-14-2024',
      productName: 'Mật ong bạc hà',
      stars: 3,
      status: 'revoked',
      validUntil: null,
      daysLeft: null,
    });
    const { requests } = stubFetch({
      'GET /api/auth/me': () => jsonResponse(OFFICER),
      'GET /api/certificates': () => jsonResponse(certificatePage([buildCertificate(), revoked])),
    });
    const view = renderApp('/certificates');

    const rows = await screen.findAllByTestId('certificate-row', {}, { timeout: 10_000 });
    expect(rows).toHaveLength(2);
    const [first, second] = rows as [HTMLElement, HTMLElement];
    expect(within(first).getByRole('link', { name: '12/GCN-OCOP-14-2023' }).getAttribute('href')).toBe(`/certificates/${CERTIFICATE_ID}`);
    expect(within(first).getByRole('img', { name: '4 sao' }).textContent).toBe('★★★★');
    expect(first.textContent).toContain('12/10/2023');
    expect(first.textContent).toContain('11/10/2026');
    expect(within(first).getByTestId('certificate-status').textContent).toBe('Còn hiệu lực – sắp hết hạn · còn 40 ngày');
    expect(within(second).getByTestId('certificate-status').className).toContain('ant-tag-red');
    expect(within(second).getByTestId('certificate-status').textContent).toBe('Đã thu hồi');

    fireEvent.change(screen.getByTestId('registry-search'), { target: { value: '1234/QĐ' } });
    fireEvent.keyDown(screen.getByTestId('registry-search'), { key: 'Enter', code: 'Enter', keyCode: 13 });
    await waitFor(() => expect(requests.at(-1)?.search.get('q')).toBe('1234/QĐ'));
    await chooseOption(screen.getByLabelText('Trạng thái'), 'Đã thu hồi');
    await waitFor(() => expect(requests.at(-1)?.search.get('status')).toBe('revoked'));
    await chooseOption(screen.getByLabelText('Số sao'), '4 sao');
    await waitFor(() => expect(requests.at(-1)?.search.get('stars')).toBe('4'));
    expect(requests.at(-1)?.search.get('q')).toBe('1234/QĐ');
    expect(view.location().search).toContain('status=revoked');

    fireEvent.click(first);
    await waitFor(() => expect(view.location().pathname).toBe(`/certificates/${CERTIFICATE_ID}`));
  });
});
