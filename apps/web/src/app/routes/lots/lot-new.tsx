import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useFeedback } from '../../../components/feedback/feedback';
import { PageHeader } from '../../../components/ui/page-header';
import { useProduct } from '../../../features/products/api/get-product';
import { LotForm } from '../../../features/traceability/components/lot-form';
import { lotDetailPath } from '../../../features/traceability/components/lots-table';
import { useCurrentCommunes, useLotProductChoices } from './lot-choices';
import { useTraceabilityTexts } from '../../../features/traceability/traceability-texts';

/** Records a lot; `?productId=` names its product, as does a producer's only product. */
export function LotNewPage() {
  const t = useTraceabilityTexts();
  const { message } = useFeedback();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [productSearch, setProductSearch] = useState('');
  const products = useLotProductChoices(productSearch);
  const only = !products.serverSearch && products.items.length === 1 ? products.items[0]?.id : undefined;
  const initialProductId = params.get('productId') ?? only;
  const [productId, setProductId] = useState<string | undefined>(undefined);
  const chosen = useProduct(productId ?? initialProductId);
  const communes = useCurrentCommunes(chosen.data?.provinceCode);
  const options =
    chosen.data && !products.options.some((option) => option.value === chosen.data.id)
      ? [{ value: chosen.data.id, label: chosen.data.nameVi }, ...products.options]
      : products.options;

  // The form keeps its first values: wait for the producer's products to know whether there is only one.
  if (!params.get('productId') && !products.serverSearch && products.loading && products.items.length === 0) return null;
  return (
    <>
      <PageHeader title={t('lot.createTitle')} description={chosen.data?.producer.name} />
      <LotForm
        productId={initialProductId}
        productOptions={options}
        productsLoading={products.loading}
        onProductSearch={products.serverSearch ? setProductSearch : undefined}
        onProductChange={setProductId}
        communeOptions={communes.options}
        communesLoading={communes.loading}
        onCancel={() => void navigate(-1)}
        onSaved={(lot) => {
          void message.success(t('lot.created', { lotCode: lot.lotCode }));
          void navigate(lotDetailPath(lot.id), { replace: true });
        }}
      />
    </>
  );
}
