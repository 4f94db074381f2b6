import type { Language } from '@ocop/contracts/common';
import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntdApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import viVN from 'antd/locale/vi_VN';
import { type ReactNode, useEffect, useState } from 'react';
import { setUnauthorizedHandler } from '../lib/api-client';
import { createUnauthorizedHandler, isPasswordChangeRequired, ME_QUERY_KEY } from '../lib/auth';
import { I18nProvider, useI18n } from '../lib/i18n';
import { createQueryClient } from '../lib/query-client';

const ANTD_LOCALES = { vi: viVN, en: enUS } as const;

export const THEME = {
  token: {
    colorPrimary: '#15803d',
    colorLink: '#15803d',
    borderRadius: 6,
    fontFamily:
      "'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'Noto Sans', 'Liberation Sans', system-ui, -apple-system, sans-serif",
  },
};

function LocalizedAntd({ children }: { children: ReactNode }) {
  const { language } = useI18n();
  return (
    <ConfigProvider locale={ANTD_LOCALES[language]} theme={THEME}>
      <AntdApp>{children}</AntdApp>
    </ConfigProvider>
  );
}

/**
 * Builds the query client and ties the api client to it: a 401 ends the session, and a
 * "change your password first" answer re-reads the session so the guard shows that page.
 */
export function createAppQueryClient(): QueryClient {
  const queryClient: QueryClient = createQueryClient((error) => {
    if (isPasswordChangeRequired(error)) void queryClient.invalidateQueries({ queryKey: ME_QUERY_KEY });
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
  const [queryClient] = useState(() => {
    const client = givenClient ?? createAppQueryClient();
    // Set before the first request, not in an effect: the first call may already answer 401.
    setUnauthorizedHandler(createUnauthorizedHandler(client));
    return client;
  });
  useEffect(() => () => setUnauthorizedHandler(null), []);

  return (
    <I18nProvider initialLanguage={initialLanguage}>
      <QueryClientProvider client={queryClient}>
        <LocalizedAntd>{children}</LocalizedAntd>
      </QueryClientProvider>
    </I18nProvider>
  );
}
