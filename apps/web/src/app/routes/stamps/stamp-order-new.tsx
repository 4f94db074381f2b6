import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { PageHeader } from '../../../components/ui/page-header';
import { StampOrderForm } from '../../../features/stamps/components/stamp-order-form';
import { stampOrderPagePath } from '../../../features/stamps/components/stamp-orders-table';
import { useStampTexts } from '../../../features/stamps/stamp-texts';
import { useLotProductChoices } from '../lots/lot-choices';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** "Đặt tem": the order form, with the product and lot of the page it came from (`?productId=&lotId=`). */
export function StampOrderNewPage() {
  const t = useStampTexts();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [search, setSearch] = useState('');
  const products = useLotProductChoices(search);
  const fromUrl = (key: string) => {
    const value = params.get(key);
    return value && UUID.test(value) ? value : undefined;
  };
  // A producer with a single product need not choose it.
  const only = products.items.length === 1 && !products.serverSearch ? products.items[0]?.id : undefined;
  const productId = fromUrl('productId') ?? only;

  // The form keeps its first values: wait for the producer's products to know whether there is only one.
  if (!fromUrl('productId') && !products.serverSearch && products.loading && products.items.length === 0) return null;
  return (
    <>
      <PageHeader title={t('stampOrder.form.title')} description={t('stampOrder.form.intro')} />
      <StampOrderForm
        productId={productId}
        lotId={fromUrl('lotId')}
        productOptions={products.options}
        productsLoading={products.loading}
        onProductSearch={products.serverSearch ? setSearch : undefined}
        onSaved={(order) => void navigate(stampOrderPagePath(order.id))}
        onCancel={() => void navigate(-1)}
      />
    </>
  );
}
