// @vitest-environment happy-dom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { buildCertificate, CERTIFICATE_2_ID, CERTIFICATE_ID, certificatePage } from '../../../testing/certificate-fixtures';
import { buildDossier, DOSSIER_ID } from '../../../testing/dossier-fixtures';
import { jsonResponse, stubFetch } from '../../../testing/fetch-stub';
import { buildMe, buildProduct, grant, PRODUCER_ID, PRODUCT_ID } from '../../../testing/fixtures';
import { renderApp } from '../../../testing/render-app';

const OFFICER = buildMe({ roles: [grant('province_officer', { provinceCode: '14' })] });

describe('certificates on the product and dossier pages', () => {
  it('lists the product’s certificates with their status on its page', async () => {
    const { requests } = stubFetch({
      'GET /api/auth/me': () => jsonResponse(OFFICER),
      [`GET /api/products/${PRODUCT_ID}`]: () => jsonResponse(buildProduct()),
      [`GET /api/products/${PRODUCT_ID}/images`]: () => jsonResponse([]),
      [`GET /api/products/${PRODUCT_ID}/documents`]: () => jsonResponse([]),
      'GET /api/certificates': () =>
        jsonResponse(
          certificatePage([
            buildCertificate({ status: 'valid', daysLeft: 900 }),
            buildCertificate({ id: CERTIFICATE_2_ID, number: '3/GCN-OCOP-14-2020', status: 'superseded', validUntil: null }),
          ]),
        ),
    });
    renderApp(`/products/${PRODUCT_ID}`);

    const card = await screen.findByTestId('product-certificates', {}, { timeout: 10_000 });
    await within(card).findByRole('link', { name: '12/GCN-OCOP-14-2023' });
    expect(within(card).getByRole('link', { name: '12/GCN-OCOP-14-2023' }).getAttribute('href')).toBe(`/certificates/${CERTIFICATE_ID}`);
    expect(
      within(card)
        .getAllByTestId('certificate-status')
        .map((tag) => tag.textContent),
    ).toEqual(['Còn hiệu lực', 'Đã được thay thế']);
    expect(requests.find((request) => request.path === '/api/certificates')?.search.get('productId')).toBe(PRODUCT_ID);
  });

  it('links a recognised dossier to its certificate, and lets the province issue one the decision did not', async () => {
    let issued = false;
    const { requests } = stubFetch({
      'GET /api/auth/me': () => jsonResponse(OFFICER),
      [`GET /api/evaluation/dossiers/${DOSSIER_ID}`]: () => jsonResponse(buildDossier({ state: 'recognised', steps: [] })),
      [`GET /api/producers/${PRODUCER_ID}/documents`]: () => jsonResponse([]),
      'GET /api/certificates': () => jsonResponse(certificatePage(issued ? [buildCertificate({ status: 'valid' })] : [])),
      'POST /api/certificates': () => {
        issued = true;
        return jsonResponse(buildCertificate({ status: 'valid' }), 201);
      },
    });
    renderApp(`/dossiers/${DOSSIER_ID}`);

    const panel = await screen.findByTestId('dossier-certificate', {}, { timeout: 10_000 });
    expect(panel.textContent).toContain('Chưa cấp giấy chứng nhận cho hồ sơ này.');
    expect(requests.find((request) => request.path === '/api/certificates')?.search.get('dossierId')).toBe(DOSSIER_ID);
    fireEvent.click(within(panel).getByTestId('dossier-certificate-issue'));
    await waitFor(() => expect(requests.find((request) => request.method === 'POST')?.body).toEqual({ dossierId: DOSSIER_ID }));
    const link = await within(screen.getByTestId('dossier-certificate')).findByRole('link', {
      name: /Giấy chứng nhận số 12\/GCN-OCOP-14-2023/,
    });
    expect(link.getAttribute('href')).toBe(`/certificates/${CERTIFICATE_ID}`);
  });
});
