// @vitest-environment happy-dom
import { screen, waitFor } from '@testing-library/react';
import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { buildMe, buildProducer, grant, PRODUCER_ID, sonLaUnits } from '../../../testing/fixtures';
import { jsonResponse, stubFetch } from '../../../testing/fetch-stub';
import { renderApp } from '../../../testing/render-app';

const OFFICER = buildMe({ roles: [grant('province_officer', { provinceCode: '14' })] });
const day = (offset: number) => dayjs().add(offset, 'day').format('YYYY-MM-DD');

describe('documents about to end, flagged on producers', () => {
  it('flags in the list a producer with an expired document and one whose document ends within 60 days, not one at 90', async () => {
    const producers = [
      buildProducer({ id: '0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e', name: 'HTX Hết Hạn', earliestDocumentValidTo: day(-1) }),
      buildProducer({ id: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f', name: 'HTX Sắp Hết', earliestDocumentValidTo: day(59) }),
      buildProducer({ id: '2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a', name: 'HTX Còn Lâu', earliestDocumentValidTo: day(90) }),
    ];
    stubFetch({
      'GET /api/auth/me': () => jsonResponse(OFFICER),
      'GET /api/admin-units/provinces/14': (request) => jsonResponse(sonLaUnits(request)),
      'GET /api/producers': () => jsonResponse({ items: producers, total: 3, page: 1, pageSize: 20 }),
    });
    renderApp('/producers');

    const row = async (name: string) => (await screen.findByText(name, {}, { timeout: 10_000 })).closest('tr') as HTMLElement;
    expect((await row('HTX Hết Hạn')).textContent).toContain('Có giấy tờ hết hạn');
    expect((await row('HTX Sắp Hết')).textContent).toContain('Có giấy tờ sắp hết hạn');
    expect((await row('HTX Còn Lâu')).textContent).not.toContain('giấy tờ');
  });

  it('warns on the producer’s page with the date its first document ends', async () => {
    stubFetch({
      'GET /api/auth/me': () => jsonResponse(OFFICER),
      'GET /api/admin-units/provinces/14': (request) => jsonResponse(sonLaUnits(request)),
      [`GET /api/producers/${PRODUCER_ID}`]: () => jsonResponse(buildProducer({ earliestDocumentValidTo: day(20) })),
      'GET /api/products': () => jsonResponse({ items: [], total: 0, page: 1, pageSize: 20 }),
      [`GET /api/producers/${PRODUCER_ID}/documents`]: () => jsonResponse([]),
    });
    renderApp(`/producers/${PRODUCER_ID}`);

    const alert = await screen.findByTestId('producer-document-expiry', {}, { timeout: 10_000 });
    await waitFor(() => expect(alert.textContent).toContain(`Có giấy tờ sắp hết hiệu lực (${dayjs().add(20, 'day').format('DD/MM/YYYY')}`));
  });
});
