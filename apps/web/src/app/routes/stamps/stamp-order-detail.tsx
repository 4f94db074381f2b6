import { ArrowLeftOutlined } from '@ant-design/icons';
import type { StampOrderView } from '@ocop/contracts/stamps';
import { can } from '@ocop/domain/shared';
import { Alert, Button, Card, Col, Flex, Row, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { PageHeader } from '../../../components/ui/page-header';
import { PageLoading } from '../../../components/ui/page-loading';
import { FieldList } from '../../../components/ui/panel';
import { useProduct } from '../../../features/products/api/get-product';
import { useStampOrder } from '../../../features/stamps/api/stamp-orders';
import { StampList } from '../../../features/stamps/components/stamp-list';
import { IssuingProgress, notActivatedCount, StampOrderStateTag } from '../../../features/stamps/components/stamp-order-state';
import { StampSheetForm } from '../../../features/stamps/components/stamp-sheet-form';
import { StampStepForm } from '../../../features/stamps/components/stamp-step-form';
import { type StampTranslate, useStampTexts } from '../../../features/stamps/stamp-texts';
import { useCurrentUser } from '../../../lib/auth';
import { formatDateTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';

function StateCounts({ order, t }: { order: StampOrderView; t: StampTranslate }) {
  const { language } = useI18n();
  const number = (n: number) => n.toLocaleString(language === 'vi' ? 'vi-VN' : 'en-GB');
  const counts = [
    { key: 'issued', label: t('stampOrder.counts.issued'), value: notActivatedCount(order), colour: '#475569' },
    { key: 'activated', label: t('stampOrder.counts.activated'), value: order.activatedCount, colour: '#15803d' },
    { key: 'void', label: t('stampOrder.counts.void'), value: order.voidCount, colour: '#b91c1c' },
  ];
  return (
    <Flex gap={12} wrap data-testid="stamp-counts">
      {counts.map((count) => (
        <div key={count.key} data-testid={`stamp-count-${count.key}`} style={{ flex: '1 1 90px', minWidth: 0 }}>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {count.label}
          </Typography.Text>
          <div style={{ fontSize: 24, fontWeight: 600, color: count.colour }}>{number(count.value)}</div>
        </div>
      ))}
    </Flex>
  );
}

function OrderFacts({ order, productName, t }: { order: StampOrderView; productName: string | undefined; t: StampTranslate }) {
  const items = [
    { key: 'product', label: t('stampOrder.product'), children: productName ?? '…' },
    {
      key: 'lot',
      label: t('stampOrder.lot'),
      children: order.lotId ? (
        <Link to={`/lots/${order.lotId}`} style={{ fontFamily: 'monospace' }}>
          {order.lotCode}
        </Link>
      ) : (
        t('stamps.noLot')
      ),
    },
    ...(order.gtin14
      ? [{ key: 'gtin', label: t('stampOrder.gtin'), children: <span style={{ fontFamily: 'monospace' }}>{order.gtin14}</span> }]
      : []),
    { key: 'createdAt', label: t('stampOrder.createdAt'), children: formatDateTime(order.createdAt) },
    ...(order.issuedAt ? [{ key: 'issuedAt', label: t('stampOrder.issuedAt'), children: formatDateTime(order.issuedAt) }] : []),
  ];
  return (
    <Card title={t('stampOrder.facts')} size="small">
      <FieldList items={items} />
    </Card>
  );
}

function OrderPage({ order }: { order: StampOrderView }) {
  const t = useStampTexts();
  const { language } = useI18n();
  const number = (n: number) => n.toLocaleString(language === 'vi' ? 'vi-VN' : 'en-GB');
  const { user } = useCurrentUser();
  const product = useProduct(order.productId);
  const place = { provinceCode: order.provinceCode, producerId: order.producerId };
  const mayStep = can(user.roles, 'stamps.activate', place) && order.state === 'issued';
  const issued = order.state === 'issued';

  return (
    <>
      <PageHeader
        title={t('stampOrder.title', { quantity: number(order.quantity) })}
        description={[product.data?.nameVi, order.lotCode].filter(Boolean).join(' · ')}
        extra={
          <Link to={order.lotId ? `/stamps?lotId=${order.lotId}` : '/stamps'}>
            <Button icon={<ArrowLeftOutlined />}>{order.lotId ? t('stampOrder.lotStamps') : t('stampOrder.back')}</Button>
          </Link>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Flex vertical gap={16}>
            <Card title={t('stampOrder.progress')} size="small" extra={<StampOrderStateTag order={order} t={t} />}>
              <IssuingProgress order={order} t={t} />
              <Typography.Paragraph style={{ margin: '4px 0 12px' }} data-testid="stamp-progress-text">
                {t('stampOrder.progressText', { issued: number(order.issuedCount), quantity: number(order.quantity) })}
              </Typography.Paragraph>
              {order.state === 'issuing' ? <Alert type="info" showIcon title={t('stampOrder.issuingWait')} /> : null}
              {order.state === 'failed' ? <Alert type="error" showIcon title={t('stampOrder.failed')} /> : null}
              {issued ? <StateCounts order={order} t={t} /> : null}
            </Card>
            {mayStep ? (
              <Card title={t('stampStep.activate.title')} size="small">
                <StampStepForm order={order} action="activate" />
              </Card>
            ) : null}
            {issued ? (
              <Card title={t('stampSheet.title')} size="small">
                <StampSheetForm order={order} />
              </Card>
            ) : null}
            {mayStep ? (
              <Card title={t('stampStep.void.title')} size="small">
                <StampStepForm order={order} action="void" />
              </Card>
            ) : null}
          </Flex>
        </Col>
        <Col xs={24} lg={10}>
          <Flex vertical gap={16}>
            <OrderFacts order={order} productName={product.data?.nameVi} t={t} />
            <Card title={t('stampList.title')} size="small">
              <StampList order={order} />
            </Card>
          </Flex>
        </Col>
      </Row>
    </>
  );
}

/** One stamp order: its issuing progress (polled while issuing), counts per state, activation, printing and voiding, and its stamps. */
export function StampOrderDetailPage() {
  const { orderId = '' } = useParams();
  const order = useStampOrder(orderId);
  if (order.isPending) return <PageLoading />;
  if (order.isError) return <ErrorAlert error={order.error} />;
  return <OrderPage order={order.data} />;
}
