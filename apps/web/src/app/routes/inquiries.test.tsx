// @vitest-environment happy-dom
import type { InquiryPage, InquiryView } from '@ocop/contracts/inquiries';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse, stubFetch } from '../../testing/fetch-stub';
import { buildMe, buildProducer, grant, PRODUCER_ID } from '../../testing/fixtures';
import { renderApp } from '../../testing/render-app';

const MEMBER = buildMe({ roles: [grant('producer_member', { provinceCode: '14', producerId: PRODUCER_ID })] });
const HOSTILE = '<script>window.__pwned=1</script>"><img src=x onerror=alert(1)>';

function inquiry(overrides: Partial<InquiryView> = {}): InquiryView {
  return {
    id: '5a0e8c1b-2d3f-4a5b-8c6d-7e8f9a0b1c2d',
    producerId: PRODUCER_ID,
    producerName: 'HTX Chè Tà Xùa',
    productId: null,
    productName: 'Chè Shan tuyết Tà Xùa',
    name: 'Nguyễn Văn An',
    contact: '0987 654 321',
    quantity: '200 hộp',
    message: 'Cho tôi hỏi giá sỉ.',
    status: 'new',
    createdAt: '2026-03-02T02:00:00.000Z',
    statusChangedAt: null,
    ...overrides,
  };
}

/** The inbox on the server side: it lists new ones first and moves statuses as the real routes do. */
function inboxServer() {
  const items = [
    inquiry({ id: '6b1f9d2c-3e4a-4b5c-9d7e-8f9a0b1c2d3e', name: HOSTILE, message: HOSTILE }),
    inquiry({ id: '7c2a0e3d-4f5b-4c6d-8e8f-9a0b1c2d3e4f', name: 'Trần Thị Bình', status: 'answered' }),
  ];
  const page = (): InquiryPage => ({
    items: [...items].sort((a, b) => Number(b.status === 'new') - Number(a.status === 'new')),
    total: items.length,
    unread: items.filter((item) => item.status === 'new').length,
    page: 1,
    pageSize: 20,
  });
  let showPhone = false;
  const stub = stubFetch({
    'GET /api/auth/me': () => jsonResponse(MEMBER),
    [`GET /api/producers/${PRODUCER_ID}`]: () => jsonResponse(buildProducer()),
    'GET /api/inquiries': () => jsonResponse(page()),
    [`GET /api/producer-pages/${PRODUCER_ID}`]: () => jsonResponse({ producerId: PRODUCER_ID, showPhone }),
    [`PUT /api/producer-pages/${PRODUCER_ID}`]: (request) => {
      showPhone = (request.body as { showPhone: boolean }).showPhone;
      return jsonResponse({ producerId: PRODUCER_ID, showPhone });
    },
    ...Object.fromEntries(
      items.flatMap((item) => [
        [`GET /api/inquiries/${item.id}`, () => jsonResponse(item)],
        [
          `POST /api/inquiries/${item.id}/status`,
          (request: { body: unknown }) => {
            item.status = (request.body as { status: InquiryView['status'] }).status;
            return jsonResponse(item);
          },
        ],
      ]),
    ),
  });
  return { ...stub, items };
}

describe('the inquiries inbox (Hỏi mua)', () => {
  it('lists new inquiries first as plain text, marks one read when opened and answered on request', async () => {
    const { requests, items } = inboxServer();
    renderApp('/inquiries');

    await waitFor(() => expect(screen.getByTestId('inquiry-unread').textContent).toBe('1 yêu cầu mới'), { timeout: 15_000 });
    expect(screen.getAllByRole('menuitem', { name: /Hỏi mua/ }).length).toBeGreaterThan(0);
    const opened = screen.getAllByTestId('inquiry-open');
    expect(opened.map((link) => link.textContent)).toEqual([HOSTILE, 'Trần Thị Bình']);
    // What the buyer wrote is text: no element of theirs exists in the page.
    expect(document.querySelector('img[src="x"]')).toBeNull();
    expect(document.querySelectorAll('script')).toHaveLength(0);

    fireEvent.click(opened[0] as HTMLElement);
    await waitFor(() => expect(screen.getByTestId('inquiry-message').textContent).toBe(HOSTILE), { timeout: 15_000 });
    await waitFor(() => expect(requests.some((r) => r.method === 'POST' && (r.body as { status: string }).status === 'read')).toBe(true));
    expect(document.querySelector('img[src="x"]')).toBeNull();
    expect(screen.getByTestId('inquiry-contact').textContent).toBe('0987 654 321');

    fireEvent.click(screen.getByTestId('inquiry-answered'));
    await waitFor(() => expect(items[0]?.status).toBe('answered'));
    await waitFor(() => expect(screen.getByTestId('inquiry-status').textContent).toBe('Đã trả lời'));
  });

  it('lets the producer’s member show its phone number on its public page (hidden by default)', async () => {
    const { requests } = inboxServer();
    renderApp('/inquiries');
    const toggle = await screen.findByTestId('inquiry-show-phone', undefined, { timeout: 15_000 });
    await waitFor(() => expect(toggle.getAttribute('aria-checked')).toBe('false'));
    fireEvent.click(toggle);
    await waitFor(() => expect(toggle.getAttribute('aria-checked')).toBe('true'));
    expect(requests.find((r) => r.method === 'PUT')?.body).toEqual({ showPhone: true });
  });
});
