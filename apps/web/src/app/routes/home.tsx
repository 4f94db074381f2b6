import { AuditOutlined, EnvironmentOutlined, TeamOutlined } from '@ant-design/icons';
import { Card, Col, Descriptions, Row, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { RoleGrantList } from '../../components/role-grants';
import { useManyProvinceUnits } from '../../features/admin-units/api/get-province-units';
import { canAdministerUsers, useCurrentUser } from '../../lib/auth';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { DESKTOP_QUERY, useMediaQuery } from '../../lib/use-media-query';
import type { MessageKey } from '../../messages/vi';
import { provinceCodesOf, unitNamesFrom } from '../../lib/roles';

/** Grants name communes of today's map, so their names come from the 2025-07-01 snapshot. */
const CURRENT_SNAPSHOT = '2025-07-01';

function Shortcut({ to, icon, title, text }: { to: string; icon: ReactNode; title: MessageKey; text: MessageKey }) {
  const { t } = useI18n();
  return (
    <Link to={to} style={{ display: 'block', height: '100%' }}>
      <Card hoverable style={{ height: '100%' }}>
        <Card.Meta avatar={<span style={{ fontSize: 24, color: '#15803d' }}>{icon}</span>} title={t(title)} description={t(text)} />
      </Card>
    </Link>
  );
}

export function HomePage() {
  const { t } = useI18n();
  const me = useCurrentUser();
  const { user } = me;
  const units = useManyProvinceUnits(provinceCodesOf(user.roles), CURRENT_SNAPSHOT);
  const names = unitNamesFrom(units.map((result) => result.data));
  const admin = canAdministerUsers(user);
  const isDesktop = useMediaQuery(DESKTOP_QUERY);

  return (
    <>
      <Typography.Title level={isDesktop ? 2 : 3} style={{ marginTop: 0 }}>
        {t('home.greeting', { name: user.fullName })}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('home.intro')}</Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title={t('home.myRoles')} style={{ height: '100%' }}>
            <div data-testid="my-scopes">
              {user.roles.length > 0 ? (
                <RoleGrantList grants={user.roles} names={names} />
              ) : (
                <Typography.Text type="secondary">{t('home.noRoles')}</Typography.Text>
              )}
            </div>
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('home.account')} style={{ height: '100%' }}>
            <Descriptions
              column={1}
              size="small"
              items={[
                ...(user.email ? [{ key: 'email', label: t('users.field.email'), children: user.email }] : []),
                ...(user.phone ? [{ key: 'phone', label: t('users.field.phone'), children: user.phone }] : []),
                {
                  key: 'last-login',
                  label: t('home.lastLogin'),
                  children: user.lastLoginAt ? formatDateTime(user.lastLoginAt) : t('home.never'),
                },
                {
                  key: 'session',
                  label: t('home.sessionUntil'),
                  children: formatDateTime(me.sessionExpiresAt),
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <Typography.Title level={4} style={{ marginTop: 24 }}>
        {t('home.shortcuts')}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} md={8}>
          <Shortcut to="/admin-units" icon={<EnvironmentOutlined />} title="nav.adminUnits" text="home.shortcut.adminUnits" />
        </Col>
        {admin ? (
          <>
            <Col xs={24} md={8}>
              <Shortcut to="/users" icon={<TeamOutlined />} title="nav.users" text="home.shortcut.users" />
            </Col>
            <Col xs={24} md={8}>
              <Shortcut to="/audit" icon={<AuditOutlined />} title="nav.audit" text="home.shortcut.audit" />
            </Col>
          </>
        ) : null}
      </Row>
    </>
  );
}
