import { ArrowLeftOutlined } from '@ant-design/icons';
import type { LotView } from '@ocop/contracts/traceability';
import { STEP_KIND_CODES, type StepKind } from '@ocop/domain/traceability';
import { Button, Card } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import { useFeedback } from '../../../components/feedback/feedback';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { PageHeader } from '../../../components/ui/page-header';
import { PageLoading } from '../../../components/ui/page-loading';
import { useProduct } from '../../../features/products/api/get-product';
import { useLot, useLots } from '../../../features/traceability/api/lot-queries';
import { useSites } from '../../../features/traceability/api/site-queries';
import { lotDetailPath } from '../../../features/traceability/components/lots-table';
import { STEP_LABEL_KEYS } from '../../../features/traceability/components/step-buttons';
import { StepForm } from '../../../features/traceability/components/step-form';
import { useMediaQuery } from '../../../lib/use-media-query';
import { PHONE_QUERY } from '../../registry-filters';
import { NotFoundPage } from '../not-found';
import { useCurrentCommunes, useProductNames } from './lot-choices';
import { useTraceabilityTexts } from '../../../features/traceability/traceability-texts';

const isStepKind = (value: string | undefined): value is StepKind => (STEP_KIND_CODES as readonly string[]).includes(value ?? '');

function StepPage({ lot, kind }: { lot: LotView; kind: StepKind }) {
  const t = useTraceabilityTexts();
  const { message } = useFeedback();
  const navigate = useNavigate();
  const phone = useMediaQuery(PHONE_QUERY);
  const product = useProduct(lot.productId);
  const sites = useSites({ producerId: lot.producerId, pageSize: 200 });
  // Processing: the producer's other lots, the latest first, may go into this one.
  const lots = useLots({ producerId: lot.producerId, pageSize: 200 }, { enabled: kind === 'processing' });
  const others = (lots.data?.items ?? []).filter((other) => other.id !== lot.id && other.producerId === lot.producerId);
  const productName = useProductNames(others.map((other) => other.productId));
  const communes = useCurrentCommunes(lot.provinceCode);
  const label = t(STEP_LABEL_KEYS[kind]);
  const back = lotDetailPath(lot.id);

  if (sites.isPending) return <PageLoading />;
  return (
    <>
      <PageHeader
        title={t('step.title', { step: label, lotCode: lot.lotCode })}
        description={product.data?.nameVi}
        extra={
          <Link to={back}>
            <Button icon={<ArrowLeftOutlined />}>{t('common.back')}</Button>
          </Link>
        }
      />
      {sites.isError ? <ErrorAlert error={sites.error} /> : null}
      <Card styles={{ body: { padding: phone ? 12 : 24 } }}>
        <StepForm
          kind={kind}
          lot={lot}
          sites={sites.data?.items ?? []}
          inputLotOptions={others.map((other) => ({
            value: other.id,
            label: other.lotCode,
            productName: productName(other.productId),
            unit: other.unit,
          }))}
          communeOptions={communes.options}
          onCancel={() => void navigate(back)}
          onRecorded={() => {
            void message.success(t('step.recorded', { step: label }));
            void navigate(back);
          }}
        />
      </Card>
    </>
  );
}

/** The phone form of one step of a lot (`/lots/:lotId/steps/harvest` …); back to the lot once recorded. */
export function LotStepPage() {
  const { lotId = '', kind } = useParams();
  const lot = useLot(lotId);
  if (!isStepKind(kind)) return <NotFoundPage />;
  if (lot.isPending) return <PageLoading />;
  if (lot.isError) return <ErrorAlert error={lot.error} />;
  return <StepPage lot={lot.data} kind={kind} />;
}
