import type { Language } from '@ocop/contracts/common';
import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider } from 'antd';
import enUS from 'antd/es/locale/en_US';
import viVN from 'antd/es/locale/vi_VN';
import { type ReactNode, useLayoutEffect, useState } from 'react';
import { isApiError, setUnauthorizedHandler } from '../lib/api-client';
import { createUnauthorizedHandler, isPasswordChangeRequired, ME_QUERY_KEY } from '../lib/auth';
import { I18nProvider, useI18n } from '../lib/i18n';
import { createQueryClient } from '../lib/query-client';

const ANTD_LOCALES = { vi: viVN, en: enUS } as const;

export const THEME = {
  token: {
    colorPrimary: '#15803d',
    colorLink: '#15803d',
    borderRadius: 6,
    fontFamily: "'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', 'Liberation Sans', system-ui, -apple-system, sans-serif",
    // antd derives a greyish tint from this dark green; selected rows and menu items read better light green.
    colorPrimaryBg: '#dcfce7',
    colorPrimaryBgHover: '#bbf7d0',
  },
  components: {
    Menu: { itemSelectedBg: '#dcfce7', itemSelectedColor: '#14532d', itemHoverBg: '#f0fdf4' },
  },
};

// Toasts and confirmations live in the signed-in layout's FeedbackProvider, loaded after its
// first paint: the login page needs none of them.
function LocalizedAntd({ children }: { children: ReactNode }) {
  const { language } = useI18n();
  return (
    <ConfigProvider locale={ANTD_LOCALES[language]} theme={THEME}>
      {children}
    </ConfigProvider>
  );
}

/**
 * Builds the query client and ties the api client to it: a 401 ends the session, and a
 * "change your password first" answer re-reads the session so the guard shows that page.
 */
export function createAppQueryClient(): QueryClient {
  const queryClient: QueryClient = createQueryClient((error) => {
    // Both answers mean our copy of the session is stale: re-reading /api/auth/me brings the
    // mustChangePassword flag (the guard then shows that page) and the current CSRF token.
    if (isPasswordChangeRequired(error) || (isApiError(error) && error.code === 'auth.csrf_invalid')) {
      void queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY });
    }
  });
  return queryClient;
}

export function AppProvider({
  children,
  queryClient: givenClient,
  initialLanguage,
}: {
  children: ReactNode;
  queryClient?: QueryClient;
  initialLanguage?: Language;
}) {
  const [queryClient] = useState(() => givenClient ?? createAppQueryClient());
  // A layout effect runs in the same task as the first render, so it is in place before the
  // first answer (possibly a 401) can come back.
  useLayoutEffect(() => {
    setUnauthorizedHandler(createUnauthorizedHandler(queryClient));
    return () => setUnauthorizedHandler(null);
  }, [queryClient]);

  return (
    <I18nProvider initialLanguage={initialLanguage}>
      <QueryClientProvider client={queryClient}>
        <LocalizedAntd>{children}</LocalizedAntd>
      </QueryClientProvider>
    </I18nProvider>
  );
}
