import {
  AppstoreOutlined,
  AuditOutlined,
  CalendarOutlined,
  CloudUploadOutlined,
  DownOutlined,
  EnvironmentOutlined,
  FileDoneOutlined,
  FormOutlined,
  HomeOutlined,
  KeyOutlined,
  LogoutOutlined,
  MenuOutlined,
  NodeIndexOutlined,
  OrderedListOutlined,
  SafetyCertificateOutlined,
  ShopOutlined,
  SolutionOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Button, Flex, Layout, Menu, type MenuProps, theme } from 'antd';
import { lazy, type ReactNode, Suspense, useEffect, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useCurrentUser, useLogOut } from '../../lib/auth';
import { useI18n } from '../../lib/i18n';
import { DESKTOP_QUERY, useMediaQuery } from '../../lib/use-media-query';
import { BrandMark } from '../brand-mark';
import { FeedbackProvider } from '../feedback/feedback';
import { LanguageSwitch } from '../language-switch';
import { PageLoading } from '../ui/page-loading';
import { Text } from '../ui/text';
import { HEADER_BACKGROUND, type NavigationItem, navigationFor, navigationGroupOf, selectedNavigationPath } from './navigation';

const ICONS: Record<NavigationItem['icon'], ReactNode> = {
  home: <HomeOutlined />,
  units: <EnvironmentOutlined />,
  users: <TeamOutlined />,
  audit: <AuditOutlined />,
  producers: <ShopOutlined />,
  products: <AppstoreOutlined />,
  imports: <CloudUploadOutlined />,
  criteria: <OrderedListOutlined />,
  councils: <SolutionOutlined />,
  scoring: <FormOutlined />,
  dossiers: <FileDoneOutlined />,
  rounds: <CalendarOutlined />,
  certificates: <SafetyCertificateOutlined />,
  lots: <NodeIndexOutlined />,
  sites: <EnvironmentOutlined />,
  // Icons the first load already carries (a seal, a magnifier): a new one costs ~0.4 KB of the home page's budget.
  stamps: <SafetyCertificateOutlined />,
  scans: <AuditOutlined />,
  apiKeys: <KeyOutlined />,
  salesPoints: <EnvironmentOutlined />,
  // An icon the first load already carries: a new one would cost the home page's budget.
  inquiries: <AuditOutlined />,
  // An icon the menu already carries: a new one costs the home page's budget.
  content: <FormOutlined />,
};

// The phone drawer and the account dropdown are not part of the first paint: their code loads
// just after it (the drawer only on a phone), and the account button works once it is here.
const NavDrawer = lazy(() => import('./nav-drawer').then((m) => ({ default: m.NavDrawer })));
const UserMenu = lazy(() => import('./user-menu').then((m) => ({ default: m.UserMenu })));
// The bell (unread count, antd Badge) arrives after the first paint as well; it links to /notifications.
const NotificationBell = lazy(() =>
  import('../../features/notifications/components/notification-bell').then((m) => ({ default: m.NotificationBell })),
);

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
  // Mounted from the first tap on the menu button on, so its closing animation can play.
  const [drawerUsed, setDrawerUsed] = useState(false);
  const [collapsed, setCollapsed] = useState(false);
  const { token } = theme.useToken();

  const locked = user.mustChangePassword;
  useEffect(() => {
    // Fetched once the page shows, so the first tap on a phone's menu button does not wait.
    if (!isDesktop && !locked) void import('./nav-drawer');
  }, [isDesktop, locked]);

  const items = locked ? [] : navigationFor(user);
  const selected = selectedNavigationPath(items, location.pathname);
  // A group opens on the pages of its entries and stays as the user leaves it open or closed.
  const group = navigationGroupOf(items, selected);
  const [openKeys, setOpenKeys] = useState<string[]>(group ? [group] : []);
  useEffect(() => {
    if (group) setOpenKeys((keys) => (keys.includes(group) ? keys : [...keys, group]));
  }, [group]);

  const menu = (
    <Menu
      mode="inline"
      aria-label={t('nav.menu')}
      selectedKeys={selected ? [selected] : []}
      openKeys={collapsed && isDesktop ? undefined : openKeys}
      onOpenChange={setOpenKeys}
      items={items.map((item) => ({
        key: item.path,
        icon: ICONS[item.icon],
        label: t(item.label),
        children: item.children?.map((child) => ({ key: child.path, label: t(child.label) })),
      }))}
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

  const accountButton = (
    <Button type="text" aria-label={t('nav.userMenu')} style={{ color: '#fff', paddingInline: isDesktop ? 8 : 4 }} data-testid="user-menu">
      <UserOutlined />
      {isDesktop ? (
        <Text ellipsis style={{ color: '#fff', maxWidth: 220 }}>
          {user.fullName}
        </Text>
      ) : null}
      <DownOutlined style={{ fontSize: 10 }} />
    </Button>
  );

  return (
    <FeedbackProvider>
      <Layout className="ocop-app" style={{ minHeight: '100vh' }}>
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
              onClick={() => {
                setDrawerUsed(true);
                setDrawerOpen(true);
              }}
            />
          ) : null}
          <div style={{ flex: '1 1 auto', minWidth: 0 }}>
            <BrandMark variant={isDesktop ? 'header' : 'compact'} />
          </div>
          <Flex align="center" gap={isDesktop ? 16 : 8} style={{ flex: 'none' }}>
            {locked ? null : (
              <Suspense fallback={<span style={{ display: 'inline-block', width: 26 }} />}>
                <NotificationBell />
              </Suspense>
            )}
            <Suspense fallback={accountButton}>
              <UserMenu menu={userMenu}>{accountButton}</UserMenu>
            </Suspense>
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
          {!isDesktop && !locked && drawerUsed ? (
            <Suspense fallback={null}>
              <NavDrawer
                open={drawerOpen}
                onClose={() => setDrawerOpen(false)}
                menu={menu}
                footer={<div style={{ padding: '12px 24px', color: token.colorTextSecondary }}>{user.fullName}</div>}
              />
            </Suspense>
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
    </FeedbackProvider>
  );
}
