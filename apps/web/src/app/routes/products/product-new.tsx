import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/ui/page-header';
import { useProducer } from '../../../features/producers/api/get-producer';
import { useProducers } from '../../../features/producers/api/list-producers';
import { LEGACY_CLASSIFICATION, useProductSets } from '../../../features/products/api/list-product-sets';
import { ProductForm } from '../../../features/products/components/product-form';
import { useCurrentUser } from '../../../lib/auth';
import { useI18n } from '../../../lib/i18n';
import { canEnterIssuedProductCode, ownProducerIds } from '../../../lib/registry';
import { useFeedback } from '../../../components/feedback/feedback';

/** Adds a product; `?producerId=` names its producer, else the user picks one (searching by name or tax code). */
export function ProductNewPage() {
  const { t } = useI18n();
  const { message } = useFeedback();
  const navigate = useNavigate();
  const { user } = useCurrentUser();
  const [params] = useSearchParams();
  const mine = ownProducerIds(user);
  const fixedProducerId = params.get('producerId') ?? (mine.length === 1 ? mine[0] : undefined);
  const [producerSearch, setProducerSearch] = useState('');
  const fixedProducer = useProducer(fixedProducerId);
  const producers = useProducers(
    { q: producerSearch || undefined, status: 'active', page: 1, pageSize: 20, sort: 'name' },
    { enabled: !fixedProducerId },
  );
  const sets = useProductSets();
  const legacySets = useProductSets(LEGACY_CLASSIFICATION);

  const producerOptions = fixedProducerId
    ? fixedProducer.data
      ? [{ value: fixedProducer.data.id, label: `${fixedProducer.data.name} (${fixedProducer.data.registrationNumber})` }]
      : []
    : (producers.data?.items ?? []).map((producer) => ({ value: producer.id, label: `${producer.name} (${producer.registrationNumber})` }));

  return (
    <>
      <PageHeader title={t('productForm.createTitle')} description={fixedProducer.data?.name} />
      <ProductForm
        producerId={fixedProducerId}
        producerOptions={producerOptions}
        producersLoading={fixedProducerId ? fixedProducer.isPending : producers.isFetching}
        onProducerSearch={fixedProducerId ? undefined : setProducerSearch}
        productSets={sets.data}
        legacyProductSets={legacySets.data}
        productSetsLoading={sets.isPending}
        canEnterCode={canEnterIssuedProductCode(user)}
        onCancel={() => void navigate(-1)}
        onSaved={(product) => {
          void message.success(t('productForm.created', { name: product.nameVi }));
          void navigate(`/products/${product.id}`, { replace: true });
        }}
      />
    </>
  );
}
