import { ArrowLeftOutlined, EditOutlined, QrcodeOutlined } from '@ant-design/icons';
import type { LotView } from '@ocop/contracts/traceability';
import { can } from '@ocop/domain/shared';
import { Button, Card, Col, Row } from 'antd';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { FieldList } from '../../../components/ui/panel';
import { PageHeader } from '../../../components/ui/page-header';
import { PageLoading } from '../../../components/ui/page-loading';
import { useProduct } from '../../../features/products/api/get-product';
import { useLotJourney } from '../../../features/traceability/api/lot-journey';
import { useLot } from '../../../features/traceability/api/lot-queries';
import { JourneyTimeline } from '../../../features/traceability/components/journey-timeline';
import { useFormatQuantity } from '../../../features/traceability/components/lots-table';
import { StepButtons } from '../../../features/traceability/components/step-buttons';
import { useCurrentUser } from '../../../lib/auth';
import { formatDateTime, formatIsoDate } from '../../../lib/format';
import { useCurrentCommunes } from './lot-choices';
import { useTraceabilityTexts } from '../../../features/traceability/traceability-texts';

function LotFacts({ lot, productName }: { lot: LotView; productName: string | undefined }) {
  const t = useTraceabilityTexts();
  const quantity = useFormatQuantity();
  const communes = useCurrentCommunes(lot.growingAreaCommuneCode ? lot.provinceCode : null);
  const items = [
    { key: 'product', label: t('lot.product'), children: productName ?? '…' },
    { key: 'lotCode', label: t('lot.lotCode'), children: <span style={{ fontFamily: 'monospace' }}>{lot.lotCode}</span> },
    { key: 'producedOn', label: t('lot.producedOn'), children: formatIsoDate(lot.producedOn) },
    ...(lot.expiresOn ? [{ key: 'expiresOn', label: t('lot.expiresOn'), children: formatIsoDate(lot.expiresOn) }] : []),
    ...(lot.bestBefore ? [{ key: 'bestBefore', label: t('lot.bestBefore'), children: formatIsoDate(lot.bestBefore) }] : []),
    { key: 'quantity', label: t('lot.quantity'), children: quantity(lot.quantity, lot.unit) },
    ...(lot.growingAreaCode ? [{ key: 'area', label: t('lot.growingAreaCode'), children: lot.growingAreaCode }] : []),
    ...(lot.growingAreaCommuneCode
      ? [
          {
            key: 'commune',
            label: t('lot.growingAreaCommune'),
            children: communes.name(lot.growingAreaCommuneCode) ?? lot.growingAreaCommuneCode,
          },
        ]
      : []),
    ...(lot.notes ? [{ key: 'notes', label: t('lot.notes'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{lot.notes}</span> }] : []),
    {
      key: 'classUri',
      label: t('lot.classUri'),
      children: <span style={{ fontFamily: 'monospace', fontSize: 12, overflowWrap: 'anywhere' }}>{lot.classUri}</span>,
    },
    { key: 'updatedAt', label: t('lot.updatedAt'), children: formatDateTime(lot.updatedAt) },
  ];
  return (
    <Card title={t('lot.facts')} size="small">
      <FieldList items={items} />
    </Card>
  );
}

function LotPage({ lot }: { lot: LotView }) {
  const t = useTraceabilityTexts();
  const { user } = useCurrentUser();
  const product = useProduct(lot.productId);
  const journey = useLotJourney(lot.id);
  const place = { provinceCode: lot.provinceCode, producerId: lot.producerId };
  const mayRecord = can(user.roles, 'epcis.capture', place);
  const mayEdit = can(user.roles, 'lots.write', place);
  const mayStamp = can(user.roles, 'stamps.order', place);

  return (
    <>
      <PageHeader
        title={t('lot.title', { lotCode: lot.lotCode })}
        description={product.data?.nameVi}
        extra={
          <>
            <Link to="/lots">
              <Button icon={<ArrowLeftOutlined />}>{t('lot.back')}</Button>
            </Link>
            {mayStamp ? (
              <Link to={`/stamps?lotId=${lot.id}&productId=${lot.productId}`}>
                <Button icon={<QrcodeOutlined />} data-testid="lot-stamps">
                  {t('lot.stamps')}
                </Button>
              </Link>
            ) : null}
            {mayEdit ? (
              <Link to={`/lots/${lot.id}/edit`}>
                <Button icon={<EditOutlined />}>{t('lot.edit')}</Button>
              </Link>
            ) : null}
          </>
        }
      />
      <Row gutter={[16, 16]}>
        {mayRecord ? (
          <Col xs={24}>
            <Card title={t('journey.record')} size="small">
              <StepButtons lotId={lot.id} />
            </Card>
          </Col>
        ) : null}
        <Col xs={24} lg={14}>
          <Card title={t('journey.title')} size="small">
            {journey.isPending ? (
              <PageLoading />
            ) : journey.isError ? (
              <ErrorAlert error={journey.error} />
            ) : (
              <JourneyTimeline steps={journey.data.steps} lotCode={lot.lotCode} />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <LotFacts lot={lot} productName={product.data?.nameVi} />
        </Col>
      </Row>
    </>
  );
}

/** One lot: the buttons that record its steps, its journey so far, and its fields. */
export function LotDetailPage() {
  const { lotId = '' } = useParams();
  const lot = useLot(lotId);
  if (lot.isPending) return <PageLoading />;
  if (lot.isError) return <ErrorAlert error={lot.error} />;
  return <LotPage lot={lot.data} />;
}
