import type { ProductListItemView } from '@ocop/contracts/registry';
import {
  AppstoreOutlined,
  AuditOutlined,
  CloudUploadOutlined,
  EnvironmentOutlined,
  PlusOutlined,
  ShopOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Button, Col, Flex, Row } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { RoleGrantList } from '../../components/role-grants';
import { PageLoading } from '../../components/ui/page-loading';
import { FieldList, Panel, PanelMeta } from '../../components/ui/panel';
import { Paragraph, Text, Title } from '../../components/ui/text';
import { useManyProvinceUnits } from '../../features/admin-units/api/get-province-units';
import { useProducer } from '../../features/producers/api/get-producer';
import { ProducerStatusTag, ProducerTypeTag } from '../../features/producers/components/producer-tags';
import { useProducts } from '../../features/products/api/list-products';
import { ProductStatusTag } from '../../features/products/components/product-tags';
import { ProductThumb } from '../../features/products/components/product-thumb';
import { canAdministerUsers, useCurrentUser } from '../../lib/auth';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { DESKTOP_QUERY, useMediaQuery } from '../../lib/use-media-query';
import type { MessageKey } from '../../messages/vi';
import { canCreateProducers, canCreateProducts, canImport, canReadRegistry, ownProducerIds } from '../../lib/registry';
import { provinceCodesOf, unitNamesFrom } from '../../lib/roles';

/** Grants name communes of today's map, so their names come from the 2025-07-01 snapshot. */
const CURRENT_SNAPSHOT = '2025-07-01';

function Shortcut({ to, icon, title, text }: { to: string; icon: ReactNode; title: MessageKey; text: MessageKey }) {
  const { t } = useI18n();
  return (
    <Link to={to} style={{ display: 'block', height: '100%' }}>
      <Panel hoverable style={{ height: '100%' }}>
        <PanelMeta avatar={<span style={{ fontSize: 24, color: '#15803d' }}>{icon}</span>} title={t(title)} description={t(text)} />
      </Panel>
    </Link>
  );
}

/**
 * The latest products as plain rows: antd's List would bring its pagination and the select
 * of page sizes (~38 KB gzip) to the home page for five lines.
 */
function ProductLines({ products }: { products: ProductListItemView[] | undefined }) {
  const { t } = useI18n();
  if (!products) return <PageLoading />;
  if (products.length === 0) return <div className="ocop-list-empty">{t('producer.detail.noProducts')}</div>;
  return (
    <ul className="ocop-list">
      {products.map((product) => (
        <li key={product.id} className="ocop-list-item">
          <Link to={`/products/${product.id}`} style={{ display: 'flex', gap: 12, alignItems: 'center', width: '100%', minWidth: 0 }}>
            <ProductThumb url={product.primaryImageUrl} alt={product.nameVi} size={44} />
            <Text ellipsis style={{ flex: '1 1 auto' }}>
              {product.nameVi}
            </Text>
            <ProductStatusTag status={product.status} />
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** A producer member's own producer and its latest products, on top of their home page. */
function MyProducerCard({ producerId }: { producerId: string }) {
  const { t } = useI18n();
  const producer = useProducer(producerId);
  const products = useProducts({ producerId, page: 1, pageSize: 5, sort: '-updatedAt' });
  if (!producer.data) {
    return <Panel title={t('home.myProducer')}>{producer.isPending ? <PageLoading /> : null}</Panel>;
  }
  const data = producer.data;
  return (
    <Panel
      title={t('home.myProducer')}
      testId="my-producer"
      extra={
        <Link to={`/producers/${data.id}`}>
          <Button type="link" style={{ paddingInline: 0 }}>
            {t('home.myProducerOpen')}
          </Button>
        </Link>
      }
    >
      <Flex vertical gap={12}>
        <div>
          <Title level={4} style={{ margin: 0 }}>
            <Link to={`/producers/${data.id}`}>{data.name}</Link>
          </Title>
          <Flex gap={6} wrap style={{ marginTop: 6 }}>
            <ProducerTypeTag type={data.type} />
            <ProducerStatusTag status={data.status} />
            <Text secondary>{data.communeName}</Text>
          </Flex>
        </div>
        <div>
          <div className="ocop-list-header">
            <Text strong>{t('home.myProducts', { count: products.data?.total ?? data.productCount })}</Text>
          </div>
          <ProductLines products={products.data?.items} />
        </div>
        <Flex gap={8} wrap>
          <Link to={`/products?producerId=${data.id}`}>
            <Button icon={<AppstoreOutlined />}>{t('home.allMyProducts')}</Button>
          </Link>
          {data.status !== 'dissolved' ? (
            <Link to={`/products/new?producerId=${data.id}`}>
              <Button type="primary" icon={<PlusOutlined />}>
                {t('products.add')}
              </Button>
            </Link>
          ) : null}
        </Flex>
      </Flex>
    </Panel>
  );
}

export function HomePage() {
  const { t } = useI18n();
  const me = useCurrentUser();
  const { user } = me;
  const units = useManyProvinceUnits(provinceCodesOf(user.roles), CURRENT_SNAPSHOT);
  const ownProducers = ownProducerIds(user);
  // Only a producer member's first producer is named; the card below loads it anyway.
  const ownProducer = useProducer(ownProducers[0]);
  const unitNames = unitNamesFrom(units.map((result) => result.data));
  const names = {
    ...unitNames,
    producer: (id: string) => (ownProducer.data?.id === id ? ownProducer.data.name : undefined),
  };
  const admin = canAdministerUsers(user);
  const isDesktop = useMediaQuery(DESKTOP_QUERY);
  const readsRegistry = canReadRegistry(user);

  return (
    <>
      <Title level={isDesktop ? 2 : 3}>{t('home.greeting', { name: user.fullName })}</Title>
      <Paragraph secondary>{t('home.intro')}</Paragraph>
      {ownProducers.length > 0 ? (
        <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
          {ownProducers.map((producerId) => (
            <Col key={producerId} xs={24} xl={ownProducers.length > 1 ? 12 : 24}>
              <MyProducerCard producerId={producerId} />
            </Col>
          ))}
        </Row>
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Panel title={t('home.myRoles')} style={{ height: '100%' }}>
            <div data-testid="my-scopes">
              {user.roles.length > 0 ? <RoleGrantList grants={user.roles} names={names} /> : <Text secondary>{t('home.noRoles')}</Text>}
            </div>
          </Panel>
        </Col>
        <Col xs={24} lg={10}>
          <Panel title={t('home.account')} style={{ height: '100%' }}>
            <FieldList
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
          </Panel>
        </Col>
      </Row>
      <Title level={4} style={{ marginTop: 24 }}>
        {t('home.shortcuts')}
      </Title>
      <Row gutter={[16, 16]}>
        {readsRegistry && ownProducers.length === 0 ? (
          <>
            <Col xs={24} md={8}>
              <Shortcut
                to="/producers"
                icon={<ShopOutlined />}
                title="nav.producers"
                text={canCreateProducers(user) ? 'home.shortcut.producers' : 'home.shortcut.producersRead'}
              />
            </Col>
            <Col xs={24} md={8}>
              <Shortcut
                to="/products"
                icon={<AppstoreOutlined />}
                title="nav.products"
                text={canCreateProducts(user) ? 'home.shortcut.products' : 'home.shortcut.productsRead'}
              />
            </Col>
          </>
        ) : null}
        {canImport(user) ? (
          <Col xs={24} md={8}>
            <Shortcut to="/imports" icon={<CloudUploadOutlined />} title="nav.imports" text="home.shortcut.imports" />
          </Col>
        ) : null}
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
