// @vitest-environment happy-dom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { buildCertificate, CERTIFICATE_DOSSIER_ID, CERTIFICATE_ID } from '../../../testing/certificate-fixtures';
import { jsonResponse, problemResponse, stubFetch } from '../../../testing/fetch-stub';
import { buildMe, grant, PRODUCT_ID } from '../../../testing/fixtures';
import { renderApp } from '../../../testing/render-app';
import { chooseOption } from '../../../testing/select';

const OFFICER = buildMe({ roles: [grant('province_officer', { provinceCode: '14' })] });
const COMMUNE = buildMe({ roles: [grant('commune_officer', { provinceCode: '14', communeCode: '03679' })] });
const PATH = `/api/certificates/${CERTIFICATE_ID}`;
const REGIMES = [{ code: '148/2023', name: 'Quyết định 148/QĐ-TTg' }];

/** Types a day into an antd date field as a user would (dd/mm/yyyy, then Enter). */
function typeDay(input: HTMLElement, day: string) {
  fireEvent.mouseDown(input);
  fireEvent.focus(input);
  fireEvent.change(input, { target: { value: day } });
  fireEvent.keyDown(input, { key: 'Enter', code: 'Enter', keyCode: 13 });
  fireEvent.blur(input);
}

describe('a certificate’s page', () => {
  it('starts with the status and why, and links the product, the dossier, the PDF and the public page', async () => {
    stubFetch({
      'GET /api/auth/me': () => jsonResponse(COMMUNE),
      [`GET ${PATH}`]: () => jsonResponse(buildCertificate()),
      'GET /api/evaluation/regimes': () => jsonResponse(REGIMES),
    });
    renderApp(`/certificates/${CERTIFICATE_ID}`);

    const banner = await screen.findByTestId('certificate-banner', {}, { timeout: 10_000 });
    expect(banner.textContent).toContain('Còn hiệu lực – sắp hết hạn');
    expect(banner.textContent).toContain('Hết hạn sau ngày 11/10/2026 (còn 40 ngày)');
    const facts = screen.getByTestId('certificate-facts');
    expect(within(facts).getByRole('link', { name: 'Chè Shan tuyết Bích Thảo' }).getAttribute('href')).toBe(`/products/${PRODUCT_ID}`);
    expect(within(facts).getByRole('link', { name: 'Xem hồ sơ đánh giá' }).getAttribute('href')).toBe(
      `/dossiers/${CERTIFICATE_DOSSIER_ID}`,
    );
    await within(facts).findByText('Quyết định 148/QĐ-TTg');
    expect(screen.getByRole('link', { name: /Tải giấy chứng nhận \(PDF\)/ }).getAttribute('href')).toBe(`${PATH}/certificate.pdf`);
    expect(screen.getByRole('link', { name: /Trang xác minh công khai/ }).getAttribute('href')).toBe(
      'https://ocop.sonla.gov.vn/c/12/GCN-OCOP-14-2023',
    );
    // A commune officer reads certificates but does not revoke them.
    expect(screen.queryByTestId('revoke-open')).toBeNull();
  });

  it('revokes: shows the day it takes effect as the finding is picked, confirms, and posts the form', async () => {
    const { requests } = stubFetch({
      'GET /api/auth/me': () => jsonResponse(OFFICER),
      [`GET ${PATH}`]: () => jsonResponse(buildCertificate()),
      'GET /api/evaluation/regimes': () => jsonResponse(REGIMES),
      [`POST ${PATH}/revocation`]: () =>
        jsonResponse(
          buildCertificate({
            revocation: {
              ground: 'd',
              decisionNumber: '45/QĐ-UBND',
              decidedOn: '2026-08-25',
              findingOn: '2026-08-20',
              effectiveOn: '2026-09-04',
              reason: 'Dùng nhãn OCOP cho sản phẩm khác',
            },
          }),
        ),
    });
    renderApp(`/certificates/${CERTIFICATE_ID}`);

    fireEvent.click(await screen.findByTestId('revoke-open', {}, { timeout: 10_000 }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByTestId('revoke-effective').textContent).toBe('Có hiệu lực sau 15 ngày kể từ ngày phát hiện');
    await chooseOption(within(dialog).getByLabelText('Căn cứ thu hồi (Điều 8)'), 'd) Sử dụng sai nhãn hiệu, biểu trưng OCOP');
    typeDay(within(dialog).getByLabelText('Ngày phát hiện vi phạm'), '20/08/2026');
    await waitFor(() =>
      expect(within(dialog).getByTestId('revoke-effective').textContent).toBe(
        'Có hiệu lực sau 15 ngày kể từ ngày phát hiện: từ ngày 04/09/2026.',
      ),
    );
    typeDay(within(dialog).getByLabelText('Ngày quyết định'), '25/08/2026');
    fireEvent.change(within(dialog).getByLabelText('Số quyết định thu hồi'), { target: { value: ' 45/QĐ-UBND ' } });
    fireEvent.change(within(dialog).getByLabelText('Lý do'), { target: { value: 'Dùng nhãn OCOP cho sản phẩm khác' } });
    fireEvent.click(within(dialog).getByTestId('revoke-submit'));

    const confirm = await screen.findByText(
      'Thu hồi giấy chứng nhận số 12/GCN-OCOP-14-2023?',
      { selector: '.ant-modal-confirm-title' },
      { timeout: 10_000 },
    );
    expect(confirm.closest('.ant-modal-confirm')?.textContent).toContain('Từ ngày 04/09/2026');
    expect(requests.some((request) => request.method === 'POST')).toBe(false);
    const confirmBox = confirm.closest('.ant-modal-confirm') as HTMLElement;
    fireEvent.click(within(confirmBox).getByRole('button', { name: 'Thu hồi giấy chứng nhận' }));

    await waitFor(() => expect(requests.some((request) => request.method === 'POST')).toBe(true));
    expect(requests.find((request) => request.method === 'POST')?.body).toEqual({
      ground: 'd',
      decisionNumber: '45/QĐ-UBND',
      decidedOn: '2026-08-25',
      findingOn: '2026-08-20',
      reason: 'Dùng nhãn OCOP cho sản phẩm khác',
    });
  });

  it('shows the server’s refusal in Vietnamese inside the form', async () => {
    stubFetch({
      'GET /api/auth/me': () => jsonResponse(OFFICER),
      [`GET ${PATH}`]: () => jsonResponse(buildCertificate()),
      'GET /api/evaluation/regimes': () => jsonResponse(REGIMES),
      [`POST ${PATH}/revocation`]: () =>
        problemResponse(409, 'certificate.already_revoked', 'Giấy chứng nhận đã bị thu hồi', { details: { decisionNumber: '9/QĐ-UBND' } }),
    });
    renderApp(`/certificates/${CERTIFICATE_ID}`);

    fireEvent.click(await screen.findByTestId('revoke-open', {}, { timeout: 10_000 }));
    const dialog = await screen.findByRole('dialog');
    await chooseOption(within(dialog).getByLabelText('Căn cứ thu hồi (Điều 8)'), 'b) Sản phẩm không còn đáp ứng tiêu chí (qua kiểm tra)');
    typeDay(within(dialog).getByLabelText('Ngày phát hiện vi phạm'), '20/08/2026');
    typeDay(within(dialog).getByLabelText('Ngày quyết định'), '20/08/2026');
    fireEvent.change(within(dialog).getByLabelText('Số quyết định thu hồi'), { target: { value: '46/QĐ-UBND' } });
    fireEvent.change(within(dialog).getByLabelText('Lý do'), { target: { value: 'Kiểm tra không đạt' } });
    fireEvent.click(within(dialog).getByTestId('revoke-submit'));
    const confirm = await screen.findByText(
      'Thu hồi giấy chứng nhận số 12/GCN-OCOP-14-2023?',
      { selector: '.ant-modal-confirm-title' },
      { timeout: 10_000 },
    );
    fireEvent.click(within(confirm.closest('.ant-modal-confirm') as HTMLElement).getByRole('button', { name: 'Thu hồi giấy chứng nhận' }));

    expect(
      await within(dialog).findByText(
        'Giấy chứng nhận đã bị thu hồi theo quyết định số 9/QĐ-UBND; không thể thu hồi lần nữa.',
        {},
        { timeout: 10_000 },
      ),
    ).toBeTruthy();
  });
});
