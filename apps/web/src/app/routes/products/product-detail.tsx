import { EditOutlined, StarOutlined } from '@ant-design/icons';
import { can } from '@ocop/domain/shared';
import { Button, Card, Flex, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { PageHeader } from '../../../components/ui/page-header';
import { PageLoading } from '../../../components/ui/page-loading';
import { ProductCertificatesCard } from '../../../features/certificates/components/product-certificates-card';
import { DocumentsCard } from '../../../features/documents/components/documents-card';
import { useProduct } from '../../../features/products/api/get-product';
import { ProductDetails } from '../../../features/products/components/product-details';
import { ProductImageGallery } from '../../../features/products/components/product-image-gallery';
import { ProductStatusTag } from '../../../features/products/components/product-tags';
import { useCurrentUser } from '../../../lib/auth';
import { useI18n } from '../../../lib/i18n';
import { canEditProductsAt } from '../../../lib/registry';

/** A product: its fields, its pictures (ordered, one primary) and its documents. */
export function ProductDetailPage() {
  const { productId = '' } = useParams();
  const { t } = useI18n();
  const { user } = useCurrentUser();
  const product = useProduct(productId);

  if (product.isPending) return <PageLoading />;
  if (product.isError) return <ErrorAlert error={product.error} />;
  const data = product.data;
  const canEdit = canEditProductsAt(user, {
    producerId: data.producer.id,
    provinceCode: data.provinceCode,
    communeCode: data.producer.communeCode,
  });
  // The server decides the scope (404 outside it); the button follows the same capability table.
  const place = { producerId: data.producer.id, provinceCode: data.provinceCode, communeCode: data.producer.communeCode };
  const canSelfAssess = can(user.roles, 'self_assessment.read', place);

  return (
    <>
      <PageHeader
        title={data.nameVi}
        description={
          <Flex gap={6} wrap align="center" component="span">
            <ProductStatusTag status={data.status} />
            <Typography.Text type="secondary" style={{ fontFamily: 'monospace' }}>
              {data.code}
            </Typography.Text>
            {data.isDemo ? <Tag color="purple">{t('common.demo')}</Tag> : null}
            <Link to={`/producers/${data.producer.id}`}>{data.producer.name}</Link>
          </Flex>
        }
        extra={
          canEdit || canSelfAssess ? (
            <>
              {canSelfAssess ? (
                <Link to={`/products/${data.id}/self-assessment`}>
                  <Button icon={<StarOutlined />} data-testid="product-self-assessment">
                    {t('selfAssessment.open')}
                  </Button>
                </Link>
              ) : null}
              {canEdit ? (
                <Link to={`/products/${data.id}/edit`}>
                  <Button icon={<EditOutlined />} data-testid="product-edit">
                    {t('common.edit')}
                  </Button>
                </Link>
              ) : null}
            </>
          ) : null
        }
      />
      <Flex vertical gap={16}>
        <ProductImageGallery productId={data.id} productName={data.nameVi} canEdit={canEdit} />
        <Card title={t('product.detail.general')} data-testid="product-details">
          <ProductDetails product={data} />
        </Card>
        {can(user.roles, 'certificates.read', place) ? <ProductCertificatesCard productId={data.id} /> : null}
        <DocumentsCard owner={{ productId: data.id }} canEdit={canEdit} />
      </Flex>
    </>
  );
}
