// @vitest-environment happy-dom
import type { ContentItemView, ContentPageView } from '@ocop/contracts/content';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { jsonResponse, problemResponse, stubFetch } from '../../../testing/fetch-stub';
import { buildMe, grant } from '../../../testing/fixtures';
import { renderApp } from '../../../testing/render-app';

const OFFICER = buildMe({ roles: [grant('province_officer', { provinceCode: '14' })] });
const ITEM_ID = '2b8c4d6e-1f3a-4b5c-9d7e-0a1b2c3d4e5f';
const BASE = '/api/content/items';

function item(overrides: Partial<ContentItemView> = {}): ContentItemView {
  return {
    id: ITEM_ID,
    kind: 'news',
    provinceCode: '14',
    slug: 'son-la-85-san-pham',
    title: 'Sơn La có 85 sản phẩm OCOP',
    summary: null,
    bodyHtml: '<p>Chương trình <strong>OCOP Sơn La</strong></p>',
    status: 'draft',
    publishedAt: null,
    coverFileId: null,
    legalKind: null,
    documentNumber: null,
    issuingBody: null,
    signedOn: null,
    effectiveOn: null,
    version: 3,
    updatedAt: '2026-03-02T02:00:00.000Z',
    files: [],
    publicUrl: '/tin-tuc/son-la-85-san-pham',
    ...overrides,
  };
}

describe('the article editor screen', () => {
  it('shows the stored body in the rich-text editor, saves it at its version and publishes it', async () => {
    let current = item();
    const { requests } = stubFetch({
      'GET /api/auth/me': () => jsonResponse(OFFICER),
      [`GET ${BASE}/${ITEM_ID}`]: () => jsonResponse(current),
      [`PUT ${BASE}/${ITEM_ID}`]: (request) => {
        current = { ...current, ...(request.body as Partial<ContentItemView>), version: current.version + 1 };
        return jsonResponse(current);
      },
      [`POST ${BASE}/${ITEM_ID}/publish`]: () => {
        current = { ...current, status: 'published', publishedAt: '2026-03-02T03:00:00.000Z', version: current.version + 1 };
        return jsonResponse(current);
      },
    });
    renderApp(`/content/${ITEM_ID}`);

    const editor = await screen.findByTestId('content-editor', {}, { timeout: 15_000 });
    await waitFor(() => expect(editor.innerHTML).toContain('<strong>OCOP Sơn La</strong>'));
    expect(screen.getByTestId('editor-bold')).toBeTruthy();
    expect(screen.getByTestId('content-status').textContent).toBe('Bản nháp');

    fireEvent.change(screen.getByTestId('content-title'), { target: { value: 'Sơn La: 85 sản phẩm OCOP' } });
    fireEvent.click(screen.getByTestId('content-save'));
    await waitFor(() => expect(requests.some((request) => request.method === 'PUT')).toBe(true));
    const saved = requests.find((request) => request.method === 'PUT')?.body as Record<string, unknown>;
    expect(saved).toMatchObject({ title: 'Sơn La: 85 sản phẩm OCOP', version: 3, legalKind: null, coverFileId: null });
    expect(saved.bodyHtml).toContain('<strong>OCOP Sơn La</strong>');

    fireEvent.click(await screen.findByTestId('content-publish'));
    await waitFor(() => expect(screen.getByTestId('content-status').textContent).toBe('Đã đăng'));
    expect(requests.find((request) => request.path.endsWith('/publish'))?.body).toEqual({ version: 4 });
    expect(screen.getByTestId('content-public-link').getAttribute('href')).toBe('/tin-tuc/son-la-85-san-pham');
  });

  it('shows the server’s refusal of a stale save in Vietnamese', async () => {
    stubFetch({
      'GET /api/auth/me': () => jsonResponse(OFFICER),
      [`GET ${BASE}/${ITEM_ID}`]: () => jsonResponse(item()),
      [`PUT ${BASE}/${ITEM_ID}`]: () =>
        problemResponse(409, 'content.stale_version', 'The item was changed meanwhile.', { details: { currentVersion: 4 } }),
    });
    renderApp(`/content/${ITEM_ID}`);
    await screen.findByTestId('content-editor', {}, { timeout: 15_000 });
    fireEvent.click(screen.getByTestId('content-save'));
    expect(await screen.findByText(/vừa được người khác thay đổi/, {}, { timeout: 5_000 })).toBeTruthy();
  });

  it('lists the items with their status and links to the editor', async () => {
    const { bodyHtml: _body, files: _files, ...summary } = item({ status: 'published' });
    const page: ContentPageView = { items: [summary], total: 1, page: 1, pageSize: 20 };
    stubFetch({ 'GET /api/auth/me': () => jsonResponse(OFFICER), [`GET ${BASE}`]: () => jsonResponse(page) });
    renderApp('/content');
    const row = await screen.findByTestId('content-row', {}, { timeout: 15_000 });
    expect(row.getAttribute('href')).toBe(`/content/${ITEM_ID}`);
    expect(screen.getByText('Đã đăng')).toBeTruthy();
  });
});
