// @vitest-environment happy-dom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { LANGUAGE_STORAGE_KEY } from '../lib/i18n';
import { buildMe, sonLaAfterReform } from '../testing/fixtures';
import { jsonResponse, stubFetch } from '../testing/fetch-stub';
import { renderApp } from '../testing/render-app';

describe('language switch', () => {
  it('switches the UI to English, remembers the choice and asks the server for English', async () => {
    const { requests } = stubFetch({
      'GET /api/auth/me': () => jsonResponse(buildMe()),
      'GET /api/admin-units/provinces/14': () => jsonResponse(sonLaAfterReform()),
      'GET /api/admin-units/snapshots': () => jsonResponse({ snapshots: ['2025-03-01', '2025-07-01'] }),
      'GET /api/admin-units/provinces': () => jsonResponse([sonLaAfterReform().province]),
    });
    renderApp('/');
    await screen.findByRole('menu', {}, { timeout: 10_000 });

    fireEvent.click(screen.getByText('EN'));

    expect(await screen.findByRole('menuitem', { name: /Users/ })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Log out' })).toBeTruthy();
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
    expect(document.documentElement.lang).toBe('en');

    fireEvent.click(screen.getByRole('menuitem', { name: /Administrative units/ }));
    // The route is loaded lazily: allow for its chunk on a busy machine.
    await waitFor(() => expect(requests.some((r) => r.path === '/api/admin-units/snapshots')).toBe(true), { timeout: 10_000 });
    const later = requests.find((r) => r.path === '/api/admin-units/snapshots');
    expect(later?.headers.get('accept-language')).toBe('en');
  });
});
