// @vitest-environment happy-dom
import type { ApiKeyList, ApiKeyView, CreatedApiKeyView } from '@ocop/contracts/api-keys';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { jsonResponse, problemResponse, stubFetch } from '../../testing/fetch-stub';
import { buildMe, buildProducer, grant, PRODUCER_ID } from '../../testing/fixtures';
import { renderApp } from '../../testing/render-app';

const MEMBER = buildMe({ roles: [grant('producer_member', { provinceCode: '14', producerId: PRODUCER_ID })] });
const BASE = '/api/traceability/api-keys';
const TOKEN = `ocop_0123456789abcdef_${'s'.repeat(43)}`;

function key(overrides: Partial<ApiKeyView> = {}): ApiKeyView {
  return {
    id: '5a0e8c1b-2d3f-4a5b-8c6d-7e8f9a0b1c2d',
    producerId: PRODUCER_ID,
    name: 'Cân xưởng chè',
    prefix: 'ocop_aaaabbbbccccdddd',
    scopes: ['epcis:capture'],
    status: 'active',
    createdAt: '2026-03-01T02:00:00.000Z',
    expiresOn: null,
    revokedAt: null,
    lastUsedAt: '2026-03-02T01:00:00.000Z',
    ...overrides,
  };
}

function page(items: ApiKeyView[], liveCount = items.filter((k) => k.status === 'active').length): ApiKeyList {
  return { items, liveCount, liveMax: 20 };
}

/** Sets the window's width, as a phone or a desk would have it; useMediaQuery reads it through matchMedia. */
function viewport(width: number) {
  (window as unknown as { happyDOM: { setViewport: (v: { width: number; height: number }) => void } }).happyDOM.setViewport({
    width,
    height: 800,
  });
}

describe('the API keys page', () => {
  it('lets a producer member issue a key, shows its token once with a copy button, and forgets it once closed', async () => {
    viewport(1280);
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    let created = false;
    const erp = key({
      id: '6b1f9d2c-3e4a-4b5c-9d7e-8f9a0b1c2d3e',
      name: 'Phần mềm ERP',
      prefix: TOKEN.slice(0, 21),
      scopes: ['epcis:capture', 'epcis:read'],
      lastUsedAt: null,
    });
    const { requests } = stubFetch({
      'GET /api/auth/me': () => jsonResponse(MEMBER),
      [`GET /api/producers/${PRODUCER_ID}`]: () => jsonResponse(buildProducer()),
      [`GET ${BASE}`]: () =>
        jsonResponse(
          page(
            created
              ? [erp, key()]
              : [
                  key(),
                  key({
                    id: '7c2a0e3d-4f5b-4c6d-8e8f-9a0b1c2d3e4f',
                    name: 'Máy cũ',
                    status: 'revoked',
                    revokedAt: '2026-03-01T05:00:00.000Z',
                  }),
                ],
          ),
        ),
      [`POST ${BASE}`]: () => {
        created = true;
        return jsonResponse({ ...erp, token: TOKEN } satisfies CreatedApiKeyView, 201);
      },
    });
    renderApp('/api-keys');

    await waitFor(() => expect(screen.getByTestId('api-key-count').textContent).toBe('Đang dùng 1/20 khóa'), { timeout: 15_000 });
    expect(requests.find((r) => r.path === BASE)?.search.get('producerId')).toBe(PRODUCER_ID);
    const rows = await screen.findAllByTestId('api-key-row');
    expect(rows).toHaveLength(2);
    expect(within(rows[1] as HTMLElement).getByText('Đã thu hồi')).toBeTruthy();
    expect(within(rows[1] as HTMLElement).queryByTestId('api-key-revoke')).toBeNull();
    expect(document.body.textContent).not.toContain(TOKEN);

    fireEvent.click(screen.getByTestId('api-key-create'));
    fireEvent.change(await screen.findByTestId('api-key-name'), { target: { value: '  Phần mềm ERP ' } });
    fireEvent.click(screen.getByTestId('api-key-scope-epcis:read'));
    fireEvent.click(screen.getByTestId('api-key-submit'));

    const token = await screen.findByTestId('api-key-token');
    expect((token as HTMLTextAreaElement).value).toBe(TOKEN);
    expect(screen.getByText('Hãy sao chép và cất khóa này ở nơi an toàn ngay bây giờ. Khóa sẽ không được hiển thị lại.')).toBeTruthy();
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({
      producerId: PRODUCER_ID,
      name: 'Phần mềm ERP',
      scopes: ['epcis:capture', 'epcis:read'],
      expiresOn: null,
    });
    fireEvent.click(screen.getByTestId('api-key-copy'));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith(TOKEN));

    fireEvent.click(screen.getByTestId('api-key-token-done'));
    await waitFor(() => expect(screen.queryByTestId('api-key-token')).toBeNull());
    await waitFor(() => expect(screen.getAllByTestId('api-key-row')).toHaveLength(2));
    expect(screen.getByText('Phần mềm ERP')).toBeTruthy();
    expect(document.body.textContent).not.toContain(TOKEN.slice(22));
  });

  it('revokes a key after a confirmation, and shows the server’s refusal of a 21st key in the user’s words', async () => {
    viewport(1280);
    let revoked = false;
    const { requests } = stubFetch({
      'GET /api/auth/me': () => jsonResponse(MEMBER),
      [`GET /api/producers/${PRODUCER_ID}`]: () => jsonResponse(buildProducer()),
      [`GET ${BASE}`]: () => jsonResponse(page([key(revoked ? { status: 'revoked', revokedAt: '2026-03-02T03:00:00.000Z' } : {})])),
      [`POST ${BASE}/${key().id}/revocation`]: () => {
        revoked = true;
        return jsonResponse(key({ status: 'revoked', revokedAt: '2026-03-02T03:00:00.000Z' }));
      },
      [`POST ${BASE}`]: () => problemResponse(409, 'api_key.too_many', 'too many', { details: { max: 20 } }),
    });
    renderApp('/api-keys');

    fireEvent.click(await screen.findByTestId('api-key-revoke', {}, { timeout: 10_000 }));
    expect((await screen.findAllByText('Thu hồi khóa "Cân xưởng chè"?')).length).toBeGreaterThan(0);
    expect(requests.some((r) => r.path.endsWith('/revocation'))).toBe(false);
    fireEvent.click(await screen.findByTestId('api-key-revoke-confirm'));
    await waitFor(() => expect(requests.some((r) => r.method === 'POST' && r.path.endsWith('/revocation'))).toBe(true));
    await waitFor(() => expect(screen.queryByTestId('api-key-revoke')).toBeNull());

    fireEvent.click(screen.getByTestId('api-key-create'));
    fireEvent.change(await screen.findByTestId('api-key-name'), { target: { value: 'Thiết bị 21' } });
    fireEvent.click(screen.getByTestId('api-key-submit'));
    expect(await screen.findByText(/Cơ sở này đã có 20 khóa API đang dùng/)).toBeTruthy();
  });

  it('shows each key as a card on a phone, and asks a province administrator to choose a producer first', async () => {
    viewport(375);
    stubFetch({
      'GET /api/auth/me': () => jsonResponse(buildMe({ roles: [grant('province_admin', { provinceCode: '14' })] })),
      'GET /api/producers': () => jsonResponse({ items: [buildProducer()], total: 1, page: 1, pageSize: 20 }),
      [`GET ${BASE}`]: () => jsonResponse(page([key({ expiresOn: '2026-12-31' })])),
    });
    const { location } = renderApp('/api-keys');
    expect(await screen.findByTestId('api-key-choose', {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.queryByTestId('api-key-create')).toBeNull();

    const producer = await screen.findByTestId('producer-select');
    const input = producer.querySelector('input') as HTMLInputElement;
    fireEvent.mouseDown(input);
    const option = await waitFor(() => {
      const found = document.querySelector('.ant-select-item-option');
      if (!found) throw new Error('no option yet');
      return found;
    });
    fireEvent.click(option);
    await waitFor(() => expect(location().search).toBe(`?producerId=${PRODUCER_ID}`));

    const row = await screen.findByTestId('api-key-row');
    // The card puts the facts one under another, with their labels, instead of table columns.
    expect(row.textContent).toContain('Hết hạn: 31/12/2026');
    expect(row.textContent).toContain('Mã nhận diện: ocop_aaaabbbbccccdddd');
    expect(document.querySelector('.ant-table-thead')).toBeNull();
  });
});
