import type { Language } from '@ocop/contracts/common';
import { cleanup, render } from '@testing-library/react';
import { type Location, MemoryRouter, useLocation } from 'react-router';
import { afterEach, vi } from 'vitest';
import { createAppQueryClient, AppProvider } from '../app/provider';
import { AppRoutes } from '../app/router';
import { setCsrfToken } from '../lib/api-client';
import { LANGUAGE_STORAGE_KEY } from '../lib/i18n';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  setCsrfToken(null);
  localStorage.removeItem(LANGUAGE_STORAGE_KEY);
});

/** Reports each address the app goes to, so a test can read where it is. */
function LocationProbe({ onChange }: { onChange: (location: Location) => void }) {
  onChange(useLocation());
  return null;
}

/** The whole app (providers, guards, lazy pages) at one address, with a fresh cache. */
export function renderApp(path: string, options: { language?: Language } = {}) {
  const queryClient = createAppQueryClient();
  queryClient.setDefaultOptions({ queries: { retry: false, staleTime: Number.POSITIVE_INFINITY }, mutations: { retry: false } });
  let current: Location | null = null;
  const view = render(
    <AppProvider queryClient={queryClient} initialLanguage={options.language ?? 'vi'}>
      <MemoryRouter initialEntries={[path]}>
        <LocationProbe onChange={(location) => (current = location)} />
        <AppRoutes />
      </MemoryRouter>
    </AppProvider>,
  );
  const location = () => {
    if (!current) throw new Error('The app has not rendered a location yet.');
    return current;
  };
  return { ...view, location, queryClient };
}
