import { PlusOutlined } from '@ant-design/icons';
import { can } from '@ocop/domain/shared';
import { Button, Card, Select } from 'antd';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { PageHeader } from '../../../components/ui/page-header';
import { type LotFilter, useLots } from '../../../features/traceability/api/lot-queries';
import { LotsTable } from '../../../features/traceability/components/lots-table';
import { useCurrentUser } from '../../../lib/auth';
import { selectOptionMatches } from '../../../lib/search';
import { useMediaQuery } from '../../../lib/use-media-query';
import { intParam, useUrlFilters } from '../../../lib/use-url-filters';
import { FilterBar, PHONE_QUERY, RegistrySearch } from '../../registry-filters';
import { useLotProductChoices, useProductNames } from './lot-choices';
import { useState } from 'react';
import { useTraceabilityTexts } from '../../../features/traceability/traceability-texts';

const KEYS = ['q', 'productId', 'page', 'pageSize'] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** "Lô sản xuất": the lots the reader may see, by product, searched by the start of the lot code. */
export function LotListPage() {
  const t = useTraceabilityTexts();
  const { user } = useCurrentUser();
  const phone = useMediaQuery(PHONE_QUERY);
  const [params, setParams] = useUrlFilters(KEYS);
  const [productSearch, setProductSearch] = useState('');
  const filter: LotFilter = {
    q: params.q || undefined,
    productId: params.productId && UUID.test(params.productId) ? params.productId : undefined,
    page: intParam(params.page, 1),
    pageSize: intParam(params.pageSize, 20, 200),
  };
  const list = useLots(filter);
  const products = useLotProductChoices(productSearch);
  const productName = useProductNames((list.data?.items ?? []).map((lot) => lot.productId));
  const anyFilter = Boolean(filter.q || filter.productId);

  return (
    <>
      <PageHeader
        title={t('lots.title')}
        description={t('lots.intro')}
        extra={
          can(user.roles, 'lots.write') ? (
            <Link to={filter.productId ? `/lots/new?productId=${filter.productId}` : '/lots/new'}>
              <Button type="primary" icon={<PlusOutlined />} data-testid="lot-new">
                {t('lots.new')}
              </Button>
            </Link>
          ) : null
        }
      />
      <Card styles={{ body: { padding: phone ? 12 : 24 } }}>
        <FilterBar
          search={<RegistrySearch value={params.q} placeholder={t('lots.searchPlaceholder')} onSearch={(q) => setParams({ q })} />}
          activeCount={filter.productId ? 1 : 0}
          extra={
            anyFilter ? (
              <Button type="link" onClick={() => setParams({ q: null, productId: null })}>
                {t('common.clearFilters')}
              </Button>
            ) : null
          }
        >
          <Select<string>
            allowClear
            value={filter.productId}
            placeholder={t('lots.filter.allProducts')}
            aria-label={t('lots.filter.product')}
            showSearch={products.serverSearch ? { filterOption: false, onSearch: setProductSearch } : { filterOption: selectOptionMatches }}
            options={products.options}
            loading={products.loading}
            onChange={(productId) => setParams({ productId: productId ?? null })}
            popupMatchSelectWidth={false}
            style={{ flex: '1 1 260px', minWidth: 0, maxWidth: phone ? undefined : 360 }}
            data-testid="lot-product-filter"
          />
        </FilterBar>
        {list.isError ? (
          <div style={{ marginBottom: 16 }}>
            <ErrorAlert error={list.error} />
          </div>
        ) : null}
        <LotsTable
          page={list.data}
          loading={list.isFetching}
          productName={productName}
          onPageChange={(page, pageSize) => setParams({ page, pageSize })}
        />
      </Card>
    </>
  );
}
