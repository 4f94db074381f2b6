import { EditOutlined, PlusOutlined, SwapOutlined } from '@ant-design/icons';
import { documentExpiry } from '@ocop/domain/registry';
import { Alert, Button, Card, Flex, Tag } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { DocumentExpiryTag, todayIso } from '../../../components/ui/document-expiry-tag';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { PageHeader } from '../../../components/ui/page-header';
import { PageLoading } from '../../../components/ui/page-loading';
import { DocumentsCard } from '../../../features/documents/components/documents-card';
import { useProducer } from '../../../features/producers/api/get-producer';
import { ChangeStatusModal } from '../../../features/producers/components/change-status-modal';
import { ProducerDetails } from '../../../features/producers/components/producer-details';
import { ProducerStatusTag, ProducerTypeTag } from '../../../features/producers/components/producer-tags';
import { useProducts } from '../../../features/products/api/list-products';
import { NoProductsYet } from '../../../features/products/components/no-products-yet';
import { ProductsTable } from '../../../features/products/components/products-table';
import { useCurrentUser } from '../../../lib/auth';
import { formatIsoDate } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { canChangeProducerStatusIn, canEditProducerAt } from '../../../lib/registry';
import { useCommuneChoices } from '../../registry-filters';
import { useFeedback } from '../../../components/feedback/feedback';

const PRODUCTS_PAGE_SIZE = 20;

/** A producer with its products and documents; the actions its viewer may take. */
export function ProducerDetailPage() {
  const { producerId = '' } = useParams();
  const { t } = useI18n();
  const { message } = useFeedback();
  const { user } = useCurrentUser();
  const producer = useProducer(producerId);
  const [productsPage, setProductsPage] = useState(1);
  const products = useProducts(
    { producerId, page: productsPage, pageSize: PRODUCTS_PAGE_SIZE, sort: 'name' },
    { enabled: Boolean(producerId) },
  );
  const [changingStatus, setChangingStatus] = useState(false);
  const { provinceName } = useCommuneChoices(producer.data?.provinceCode ?? '');
  const productNames = useMemo(() => new Map((products.data?.items ?? []).map((product) => [product.id, product.nameVi])), [products.data]);

  if (producer.isPending) return <PageLoading />;
  if (producer.isError) return <ErrorAlert error={producer.error} />;
  const data = producer.data;
  const canEdit = canEditProducerAt(user, { producerId: data.id, provinceCode: data.provinceCode, communeCode: data.communeCode });
  const canChangeStatus = canChangeProducerStatusIn(user, data.provinceCode) && data.status !== 'dissolved';
  const expiry = documentExpiry(data.earliestDocumentValidTo, todayIso());

  return (
    <>
      <PageHeader
        title={data.name}
        description={
          <Flex gap={6} wrap component="span">
            <ProducerTypeTag type={data.type} />
            <ProducerStatusTag status={data.status} />
            {data.isDemo ? <Tag color="purple">{t('common.demo')}</Tag> : null}
            <DocumentExpiryTag validTo={data.earliestDocumentValidTo} subject="producer" />
          </Flex>
        }
        extra={
          <>
            {canEdit ? (
              <Link to={`/producers/${data.id}/edit`}>
                <Button icon={<EditOutlined />} data-testid="producer-edit">
                  {t('common.edit')}
                </Button>
              </Link>
            ) : null}
            {canChangeStatus ? (
              <Button icon={<SwapOutlined />} onClick={() => setChangingStatus(true)}>
                {t('producerStatus.title')}
              </Button>
            ) : null}
          </>
        }
      />
      <Flex vertical gap={16}>
        {expiry && data.earliestDocumentValidTo ? (
          <Alert
            type={expiry === 'expired' ? 'error' : 'warning'}
            showIcon
            data-testid="producer-document-expiry"
            title={t(expiry === 'expired' ? 'documents.alertExpired' : 'documents.alertExpiring', {
              date: formatIsoDate(data.earliestDocumentValidTo),
            })}
          />
        ) : null}
        <Card title={t('producer.detail.general')} data-testid="producer-details">
          <ProducerDetails producer={data} provinceName={provinceName} />
        </Card>
        <Card
          title={t('producer.detail.products', { count: products.data?.total ?? data.productCount })}
          extra={
            canEdit && data.status !== 'dissolved' ? (
              <Link to={`/products/new?producerId=${data.id}`}>
                <Button type="primary" icon={<PlusOutlined />} data-testid="product-add">
                  {t('products.add')}
                </Button>
              </Link>
            ) : null
          }
          styles={{ body: { padding: 0 } }}
        >
          {products.isError ? <ErrorAlert error={products.error} /> : null}
          <ProductsTable
            page={products.data}
            loading={products.isFetching}
            hideProducer
            empty={<NoProductsYet createPath={canEdit && data.status !== 'dissolved' ? `/products/new?producerId=${data.id}` : null} />}
            pagination={(products.data?.total ?? 0) > PRODUCTS_PAGE_SIZE}
            onPageChange={(page) => setProductsPage(page)}
          />
        </Card>
        <DocumentsCard owner={{ producerId: data.id }} canEdit={canEdit} productNames={productNames} />
      </Flex>
      <ChangeStatusModal
        producer={data}
        open={changingStatus}
        onClose={() => setChangingStatus(false)}
        onDone={(changed) => {
          setChangingStatus(false);
          void message.success(t('producerStatus.changed', { name: changed.name }));
        }}
      />
    </>
  );
}
