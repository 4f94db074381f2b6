import type { ReactNode } from 'react';
import type { ProductListItemView } from '@ocop/contracts/registry';
import { Flex, Table, type TableColumnsType, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { Link, useNavigate } from 'react-router';
import { useI18n } from '../../../lib/i18n';
import { formatPriceRange } from '../../../lib/money';
import { PRODUCER_TYPE_KEYS } from '../../../lib/registry';
import { useMediaQuery } from '../../../lib/use-media-query';
import type { ProductPage } from '../api/list-products';
import { ProductStatusTag } from './product-tags';
import { ProductThumb } from './product-thumb';

function ProductName({ product }: { product: ProductListItemView }) {
  return (
    <Flex vertical gap={2} style={{ minWidth: 0 }}>
      <Link to={`/products/${product.id}`} onClick={(event) => event.stopPropagation()} style={{ fontWeight: 600 }}>
        {product.nameVi}
      </Link>
      <Typography.Text type="secondary" style={{ fontSize: 12, fontFamily: 'monospace' }}>
        {product.code}
      </Typography.Text>
    </Flex>
  );
}

function Producer({ product }: { product: ProductListItemView }) {
  const { t } = useI18n();
  return (
    <Flex vertical gap={2}>
      <span>{product.producer.name}</span>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {[t(PRODUCER_TYPE_KEYS[product.producer.type]), product.producer.communeName].filter(Boolean).join(' · ')}
      </Typography.Text>
    </Flex>
  );
}

function ProductSet({ product }: { product: ProductListItemView }) {
  return (
    <Flex vertical gap={2}>
      <span>
        <Typography.Text type="secondary">{product.productSet.code}</Typography.Text> {product.productSet.name}
      </span>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {product.productSet.groupName}
      </Typography.Text>
    </Flex>
  );
}

/**
 * Products with the thumb of their primary picture; on a phone each row is a small card
 * (picture, name, producer, status). `hideProducer` on a producer's own page.
 */
export function ProductsTable({
  page,
  loading,
  onPageChange,
  hideProducer = false,
  pagination = true,
  empty,
}: {
  page: ProductPage | undefined;
  loading: boolean;
  onPageChange?: (page: number, pageSize: number) => void;
  hideProducer?: boolean;
  pagination?: boolean;
  /** What an empty list says; by default that no product matches the filters. */
  empty?: ReactNode;
}) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const wide = useMediaQuery('(min-width: 768px)');

  const columns: TableColumnsType<ProductListItemView> = wide
    ? [
        {
          title: t('products.col.image'),
          key: 'image',
          width: 80,
          render: (_, product) => <ProductThumb url={product.primaryImageUrl} alt={product.nameVi} />,
        },
        { title: t('products.col.name'), key: 'name', render: (_, product) => <ProductName product={product} /> },
        {
          title: t('products.col.producer'),
          key: 'producer',
          hidden: hideProducer,
          render: (_, product) => <Producer product={product} />,
        },
        { title: t('products.col.productSet'), key: 'set', responsive: ['lg'], render: (_, product) => <ProductSet product={product} /> },
        {
          title: t('products.col.price'),
          key: 'price',
          width: 150,
          align: 'right',
          responsive: ['xl'],
          render: (_, product) => formatPriceRange(product.priceMin, product.priceMax),
        },
        {
          title: t('products.col.status'),
          dataIndex: 'status',
          width: 150,
          render: (_, product) => <ProductStatusTag status={product.status} />,
        },
      ]
    : [
        {
          title: t('products.col.name'),
          key: 'card',
          render: (_, product) => (
            <Flex gap={12} align="flex-start">
              <ProductThumb url={product.primaryImageUrl} alt={product.nameVi} size={64} />
              <Flex vertical gap={4} style={{ minWidth: 0 }}>
                <ProductName product={product} />
                {hideProducer ? null : (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {product.producer.name}
                  </Typography.Text>
                )}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {product.productSet.code} {product.productSet.name}
                </Typography.Text>
                <Flex gap={8} align="center" wrap>
                  <ProductStatusTag status={product.status} />
                  <Typography.Text style={{ fontSize: 12 }}>{formatPriceRange(product.priceMin, product.priceMax)}</Typography.Text>
                </Flex>
              </Flex>
            </Flex>
          ),
        },
      ];

  return (
    <Table<ProductListItemView>
      rowKey="id"
      size="middle"
      loading={loading}
      columns={columns}
      dataSource={page?.items ?? []}
      showHeader={wide}
      rowClassName="ocop-clickable-row"
      onRow={(product) =>
        ({ 'data-testid': 'registry-row', onClick: () => void navigate(`/products/${product.id}`) }) as HTMLAttributes<HTMLElement>
      }
      scroll={wide ? { x: 860 } : undefined}
      locale={{ emptyText: empty ?? t('products.empty') }}
      pagination={
        pagination
          ? {
              current: page?.page ?? 1,
              pageSize: page?.pageSize ?? 20,
              total: page?.total ?? 0,
              showSizeChanger: wide,
              pageSizeOptions: [10, 20, 50, 100],
              showTotal: (total) => t('common.total', { total }),
              onChange: onPageChange,
            }
          : false
      }
    />
  );
}
