import { Flex, theme } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../lib/i18n';
import { DESKTOP_QUERY, useMediaQuery } from '../../lib/use-media-query';
import { BrandMark } from '../brand-mark';
import { LanguageSwitch } from '../language-switch';

/** The frame of the login page: the programme's name and purpose beside a card with the form. */
export function AuthLayout({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const isDesktop = useMediaQuery(DESKTOP_QUERY);
  const { token } = theme.useToken();
  return (
    <Flex vertical={!isDesktop} style={{ minHeight: '100vh', background: '#f3f6f4' }}>
      <section
        style={{
          flex: isDesktop ? '1 1 55%' : 'none',
          background: 'linear-gradient(145deg, #14532d 0%, #166534 55%, #a16207 140%)',
          color: '#fff',
          padding: isDesktop ? '64px 56px' : '52px 20px 24px',
          display: 'flex',
          flexDirection: 'column',
          justifyContent: 'center',
          gap: isDesktop ? 20 : 12,
          position: 'relative',
        }}
      >
        {isDesktop ? null : (
          <div style={{ position: 'absolute', top: 12, right: 12 }}>
            <LanguageSwitch size="small" />
          </div>
        )}
        <BrandMark variant="hero" />
        <h2 style={{ color: '#fff', margin: 0, fontSize: isDesktop ? 24 : 20, lineHeight: 1.35, fontWeight: 600 }}>{t('app.fullName')}</h2>
        <p style={{ color: 'rgba(255,255,255,0.88)', fontSize: 16, maxWidth: 560, margin: 0 }}>{t('app.description')}</p>
      </section>
      <Flex
        vertical
        align="center"
        justify={isDesktop ? 'center' : 'flex-start'}
        style={{ flex: isDesktop ? '1 1 45%' : '1 1 auto', padding: isDesktop ? 48 : 16, position: 'relative' }}
      >
        {isDesktop ? (
          <div style={{ position: 'absolute', top: 16, right: 16 }}>
            <LanguageSwitch size="small" />
          </div>
        ) : null}
        {/* A plain box in antd's card look: the Card component would bring Tabs into the first load. */}
        <div
          style={{
            width: '100%',
            maxWidth: 420,
            boxSizing: 'border-box',
            padding: 24,
            background: token.colorBgContainer,
            border: `1px solid ${token.colorBorderSecondary}`,
            borderRadius: token.borderRadiusLG,
          }}
        >
          {children}
        </div>
      </Flex>
    </Flex>
  );
}
