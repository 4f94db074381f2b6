import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { useFeedback } from '../../../components/feedback/feedback';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { PageHeader } from '../../../components/ui/page-header';
import { PageLoading } from '../../../components/ui/page-loading';
import { useProduct } from '../../../features/products/api/get-product';
import { lotQueryOptions, useLot } from '../../../features/traceability/api/lot-queries';
import { LotForm } from '../../../features/traceability/components/lot-form';
import { lotDetailPath } from '../../../features/traceability/components/lots-table';
import { useCurrentCommunes } from './lot-choices';
import { useTraceabilityTexts } from '../../../features/traceability/traceability-texts';

/** Corrects a lot; the form sends the revision it read. */
export function LotEditPage() {
  const { lotId = '' } = useParams();
  const t = useTraceabilityTexts();
  const { message } = useFeedback();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const lot = useLot(lotId);
  const product = useProduct(lot.data?.productId);
  const communes = useCurrentCommunes(lot.data?.provinceCode);

  if (lot.isPending) return <PageLoading />;
  if (lot.isError) return <ErrorAlert error={lot.error} />;
  const data = lot.data;
  return (
    <>
      <PageHeader title={t('lot.editTitle', { lotCode: data.lotCode })} description={product.data?.nameVi} />
      <LotForm
        key={data.id}
        lot={data}
        productOptions={[{ value: data.productId, label: product.data?.nameVi ?? '…' }]}
        communeOptions={communes.options}
        communesLoading={communes.loading}
        onCancel={() => void navigate(lotDetailPath(lotId))}
        onReload={() => queryClient.fetchQuery({ ...lotQueryOptions(lotId), staleTime: 0 })}
        onSaved={(saved) => {
          void message.success(t('lot.saved', { lotCode: saved.lotCode }));
          void navigate(lotDetailPath(saved.id));
        }}
      />
    </>
  );
}
