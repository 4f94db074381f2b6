import type { Language } from '@ocop/contracts/common';
import { cleanup, render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, vi } from 'vitest';
import { createAppQueryClient, AppProvider } from '../app/provider';
import { routes } from '../app/router';
import { setCsrfToken } from '../lib/api-client';
import { LANGUAGE_STORAGE_KEY } from '../lib/i18n';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  setCsrfToken(null);
  localStorage.removeItem(LANGUAGE_STORAGE_KEY);
});

/** The whole app (providers, guards, lazy pages) at one address, with a fresh cache. */
export function renderApp(path: string, options: { language?: Language } = {}) {
  const queryClient = createAppQueryClient();
  queryClient.setDefaultOptions({ queries: { retry: false, staleTime: Number.POSITIVE_INFINITY }, mutations: { retry: false } });
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const view = render(
    <AppProvider queryClient={queryClient} initialLanguage={options.language ?? 'vi'}>
      <RouterProvider router={router} />
    </AppProvider>,
  );
  return { ...view, router, queryClient };
}
