import {
  AppstoreOutlined,
  AuditOutlined,
  CloudUploadOutlined,
  CloseOutlined,
  DownOutlined,
  EnvironmentOutlined,
  HomeOutlined,
  OrderedListOutlined,
  KeyOutlined,
  LogoutOutlined,
  MenuOutlined,
  ShopOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { App as AntdApp, Button, Drawer, Dropdown, Flex, Layout, Menu, type MenuProps, Typography, theme } from 'antd';
import { type ReactNode, Suspense, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useCurrentUser, useLogOut } from '../../lib/auth';
import { useI18n } from '../../lib/i18n';
import { DESKTOP_QUERY, useMediaQuery } from '../../lib/use-media-query';
import { BrandMark } from '../brand-mark';
import { LanguageSwitch } from '../language-switch';
import { PageLoading } from '../ui/page-loading';
import { type NavigationItem, navigationFor, selectedNavigationPath } from './navigation';

const ICONS: Record<NavigationItem['icon'], ReactNode> = {
  home: <HomeOutlined />,
  units: <EnvironmentOutlined />,
  users: <TeamOutlined />,
  audit: <AuditOutlined />,
  producers: <ShopOutlined />,
  products: <AppstoreOutlined />,
  imports: <CloudUploadOutlined />,
  criteria: <OrderedListOutlined />,
};

export const HEADER_BACKGROUND = '#14532d';

/**
 * The frame of every page after login. While the user must change their password, the menu is
 * hidden: the change-password page is the only place they can go.
 */
export function AppLayout() {
  const { user } = useCurrentUser();
  const { t } = useI18n();
  const location = useLocation();
  const navigate = useNavigate();
  const logOut = useLogOut();
  const isDesktop = useMediaQuery(DESKTOP_QUERY);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [collapsed, setCollapsed] = useState(false);
  const { token } = theme.useToken();

  const locked = user.mustChangePassword;
  const items = locked ? [] : navigationFor(user);
  const selected = selectedNavigationPath(items, location.pathname);

  const menu = (
    <Menu
      mode="inline"
      aria-label={t('nav.menu')}
      selectedKeys={selected ? [selected] : []}
      items={items.map((item) => ({ key: item.path, icon: ICONS[item.icon], label: t(item.label) }))}
      onClick={({ key }) => {
        setDrawerOpen(false);
        void navigate(key);
      }}
      style={{ borderInlineEnd: 'none' }}
    />
  );

  const doLogOut = () => {
    logOut.mutate(undefined, { onSettled: () => void navigate('/login', { replace: true }) });
  };

  const userMenu: MenuProps = {
    items: [
      { key: 'change-password', icon: <KeyOutlined />, label: t('nav.changePassword') },
      { type: 'divider' },
      { key: 'log-out', icon: <LogoutOutlined />, label: t('nav.logOut'), danger: true },
    ],
    onClick: ({ key }) => {
      if (key === 'change-password') void navigate('/change-password');
      if (key === 'log-out') doLogOut();
    },
  };

  return (
    <AntdApp>
      <Layout style={{ minHeight: '100vh' }}>
        <Layout.Header
          style={{
            position: 'sticky',
            top: 0,
            zIndex: 20,
            display: 'flex',
            alignItems: 'center',
            gap: 12,
            paddingInline: isDesktop ? 24 : 12,
            background: HEADER_BACKGROUND,
            color: '#fff',
          }}
        >
          {!isDesktop && !locked ? (
            <Button
              type="text"
              aria-label={t('nav.menu')}
              icon={<MenuOutlined style={{ color: '#fff', fontSize: 18 }} />}
              onClick={() => setDrawerOpen(true)}
            />
          ) : null}
          <div style={{ flex: '1 1 auto', minWidth: 0 }}>
            <BrandMark variant={isDesktop ? 'header' : 'compact'} />
          </div>
          <Flex align="center" gap={isDesktop ? 16 : 8} style={{ flex: 'none' }}>
            <Dropdown menu={userMenu} trigger={['click']} placement="bottomRight">
              <Button
                type="text"
                aria-label={t('nav.userMenu')}
                style={{ color: '#fff', paddingInline: isDesktop ? 8 : 4 }}
                data-testid="user-menu"
              >
                <UserOutlined />
                {isDesktop ? (
                  <Typography.Text ellipsis style={{ color: '#fff', maxWidth: 220 }}>
                    {user.fullName}
                  </Typography.Text>
                ) : null}
                <DownOutlined style={{ fontSize: 10 }} />
              </Button>
            </Dropdown>
            <LanguageSwitch size="small" />
            <Button onClick={doLogOut} loading={logOut.isPending} icon={<LogoutOutlined />} aria-label={t('nav.logOut')} ghost>
              {isDesktop ? t('nav.logOut') : null}
            </Button>
          </Flex>
        </Layout.Header>
        <Layout>
          {isDesktop && !locked ? (
            <Layout.Sider
              width={232}
              collapsible
              collapsed={collapsed}
              onCollapse={setCollapsed}
              theme="light"
              style={{ borderInlineEnd: `1px solid ${token.colorBorderSecondary}` }}
            >
              <nav style={{ paddingTop: 8 }}>{menu}</nav>
            </Layout.Sider>
          ) : null}
          {!isDesktop && !locked ? (
            <Drawer
              placement="left"
              open={drawerOpen}
              onClose={() => setDrawerOpen(false)}
              size={272}
              title={<BrandMark />}
              closeIcon={<CloseOutlined style={{ color: '#fff' }} aria-label={t('common.close')} />}
              styles={{ body: { padding: 0 }, header: { background: HEADER_BACKGROUND, color: '#fff' } }}
            >
              <nav>{menu}</nav>
              <div style={{ padding: '12px 24px', color: token.colorTextSecondary }}>{user.fullName}</div>
            </Drawer>
          ) : null}
          <Layout.Content style={{ padding: isDesktop ? 24 : 12, minWidth: 0 }}>
            <main>
              <Suspense fallback={<PageLoading />}>
                <Outlet />
              </Suspense>
            </main>
          </Layout.Content>
        </Layout>
        <Layout.Footer style={{ textAlign: 'center', padding: '12px 16px', color: token.colorTextSecondary }}>
          {t('app.footer')}
        </Layout.Footer>
      </Layout>
    </AntdApp>
  );
}
