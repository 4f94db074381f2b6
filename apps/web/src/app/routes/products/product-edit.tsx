import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { PageHeader } from '../../../components/ui/page-header';
import { PageLoading } from '../../../components/ui/page-loading';
import { productQueryOptions, useProduct } from '../../../features/products/api/get-product';
import { LEGACY_CLASSIFICATION, useProductSets } from '../../../features/products/api/list-product-sets';
import { ProductForm } from '../../../features/products/components/product-form';
import { useCurrentUser } from '../../../lib/auth';
import { useI18n } from '../../../lib/i18n';
import { canEditProductsAt } from '../../../lib/registry';
import { ForbiddenResult } from '../../../components/forbidden-result';
import { useFeedback } from '../../../components/feedback/feedback';

/** Changes a product; the form sends the version it read. */
export function ProductEditPage() {
  const { productId = '' } = useParams();
  const { t } = useI18n();
  const { message } = useFeedback();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { user } = useCurrentUser();
  const product = useProduct(productId);
  const sets = useProductSets();
  const legacySets = useProductSets(LEGACY_CLASSIFICATION);

  if (product.isPending) return <PageLoading />;
  if (product.isError) return <ErrorAlert error={product.error} />;
  const data = product.data;
  const place = { producerId: data.producer.id, provinceCode: data.provinceCode, communeCode: data.producer.communeCode };
  if (!canEditProductsAt(user, place)) return <ForbiddenResult />;

  return (
    <>
      <PageHeader title={t('productForm.editTitle', { name: data.nameVi })} description={data.producer.name} />
      <ProductForm
        key={data.id}
        product={data}
        producerOptions={[{ value: data.producer.id, label: `${data.producer.name} (${data.producer.registrationNumber})` }]}
        productSets={sets.data}
        legacyProductSets={legacySets.data}
        productSetsLoading={sets.isPending}
        canEnterCode={false}
        onCancel={() => void navigate(`/products/${productId}`)}
        onReload={() => queryClient.fetchQuery({ ...productQueryOptions(productId), staleTime: 0 })}
        onSaved={(saved) => {
          void message.success(t('productForm.saved', { name: saved.nameVi }));
          void navigate(`/products/${saved.id}`);
        }}
      />
    </>
  );
}
