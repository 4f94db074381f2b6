import { Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../lib/i18n';
import { DESKTOP_QUERY, useMediaQuery } from '../../lib/use-media-query';
import { BrandMark } from '../brand-mark';
import { LanguageSwitch } from '../language-switch';

/** The frame of the login page: the programme's name and purpose beside a card with the form. */
export function AuthLayout({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const isDesktop = useMediaQuery(DESKTOP_QUERY);
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
        <Typography.Title level={isDesktop ? 3 : 4} style={{ color: '#fff', margin: 0 }}>
          {t('app.fullName')}
        </Typography.Title>
        <Typography.Paragraph style={{ color: 'rgba(255,255,255,0.88)', fontSize: 16, maxWidth: 560, margin: 0 }}>
          {t('app.description')}
        </Typography.Paragraph>
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
        <Card style={{ width: '100%', maxWidth: 420 }}>{children}</Card>
      </Flex>
    </Flex>
  );
}
