import type { ProductView } from '@ocop/contracts/registry';
import { formatSeasons } from '@ocop/domain/registry';
import { Descriptions, type DescriptionsProps, Flex, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { formatDateTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { formatPriceRange } from '../../../lib/money';
import { PRODUCER_TYPE_KEYS } from '../../../lib/registry';
import { DESKTOP_QUERY, useMediaQuery } from '../../../lib/use-media-query';
import { printedGtin } from './gtin';
import { ProductStatusTag } from './product-tags';

function orDash(value: ReactNode): ReactNode {
  return value === null || value === undefined || value === '' ? <Typography.Text type="secondary">—</Typography.Text> : value;
}

function LongText({ text }: { text: string | null }) {
  if (!text) return orDash(null);
  return <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{text}</Typography.Paragraph>;
}

/** Every field of a product, long texts (description, story) over the full width. */
export function ProductDetails({ product }: { product: ProductView }) {
  const { t, language } = useI18n();
  const isDesktop = useMediaQuery(DESKTOP_QUERY);
  const full = isDesktop ? 2 : 1;

  const items: DescriptionsProps['items'] = [
    {
      key: 'code',
      label: t('product.field.code'),
      children: (
        <Typography.Text copyable style={{ fontFamily: 'monospace' }}>
          {product.code}
        </Typography.Text>
      ),
    },
    { key: 'status', label: t('productForm.status'), children: <ProductStatusTag status={product.status} /> },
    {
      key: 'producer',
      label: t('productForm.producer'),
      span: full,
      children: (
        <Flex vertical gap={2}>
          <Link to={`/producers/${product.producer.id}`}>{product.producer.name}</Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {[t(PRODUCER_TYPE_KEYS[product.producer.type]), product.producer.registrationNumber, product.producer.communeName]
              .filter(Boolean)
              .join(' · ')}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: 'productSet',
      label: t('product.field.productSet'),
      span: full,
      children: (
        <Flex vertical gap={2}>
          <span>
            {product.productSet.code} {product.productSet.name}
          </span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('product.field.group')}: {product.productSet.groupCode}. {product.productSet.groupName}
          </Typography.Text>
        </Flex>
      ),
    },
    ...(product.legacyProductSet
      ? [
          {
            key: 'legacySet',
            label: t('productForm.legacyProductSet'),
            span: full,
            children: `${product.legacyProductSet.code} ${product.legacyProductSet.name}`,
          },
        ]
      : []),
    { key: 'nameEn', label: t('productForm.nameEn'), children: orDash(product.nameEn) },
    { key: 'nameZh', label: t('productForm.nameZh'), children: orDash(product.nameZh) },
    { key: 'description', label: t('productForm.description'), span: full, children: <LongText text={product.description} /> },
    { key: 'story', label: t('productForm.story'), span: full, children: <LongText text={product.story} /> },
    ...(product.descriptionZh
      ? [{ key: 'descriptionZh', label: t('productForm.descriptionZh'), span: full, children: <LongText text={product.descriptionZh} /> }]
      : []),
    ...(product.storyZh
      ? [{ key: 'storyZh', label: t('productForm.storyZh'), span: full, children: <LongText text={product.storyZh} /> }]
      : []),
    {
      key: 'seasons',
      label: t('productForm.section.seasons'),
      children: orDash(
        [formatSeasons(product.seasons, language === 'en' ? 'en' : 'vi'), product.seasonNote].filter(Boolean).join(' · ') || null,
      ),
    },
    { key: 'rawMaterial', label: t('productForm.rawMaterial'), children: orDash(product.rawMaterial) },
    { key: 'rawMaterialOrigin', label: t('productForm.rawMaterialOrigin'), children: orDash(product.rawMaterialOrigin) },
    { key: 'packaging', label: t('productForm.packaging'), children: orDash(product.packaging) },
    { key: 'netQuantity', label: t('productForm.netQuantity'), children: orDash(product.netQuantity) },
    { key: 'shelfLife', label: t('productForm.shelfLife'), children: orDash(product.shelfLife) },
    {
      key: 'price',
      label: t('product.field.price'),
      children: <span data-testid="product-price">{orDash(formatPriceRange(product.priceMin, product.priceMax))}</span>,
    },
    { key: 'storage', label: t('productForm.storageInstructions'), span: full, children: <LongText text={product.storageInstructions} /> },
    {
      key: 'gtins',
      label: t('productForm.gtins'),
      span: full,
      children: orDash(
        product.gtins.length > 0 ? (
          <Flex gap={4} wrap>
            {product.gtins.map((gtin) => (
              <Tag key={gtin} style={{ fontFamily: 'monospace' }}>
                {printedGtin(gtin)}
              </Tag>
            ))}
          </Flex>
        ) : null,
      ),
    },
    { key: 'updatedAt', label: t('common.updatedAt'), children: formatDateTime(product.updatedAt) },
    { key: 'createdAt', label: t('common.createdAt'), children: formatDateTime(product.createdAt) },
  ];

  return (
    <Descriptions bordered size="small" column={{ xs: 1, sm: 1, md: 2 }} items={items} layout={isDesktop ? 'horizontal' : 'vertical'} />
  );
}
