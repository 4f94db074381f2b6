import { PlusOutlined } from '@ant-design/icons';
import { can } from '@ocop/domain/shared';
import { Button, Card, Select, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { PageHeader } from '../../../components/ui/page-header';
import { type StampOrderFilter, useStampOrders } from '../../../features/stamps/api/stamp-orders';
import { StampOrdersTable } from '../../../features/stamps/components/stamp-orders-table';
import { useStampTexts } from '../../../features/stamps/stamp-texts';
import { useLot } from '../../../features/traceability/api/lot-queries';
import { useCurrentUser } from '../../../lib/auth';
import { selectOptionMatches } from '../../../lib/search';
import { useMediaQuery } from '../../../lib/use-media-query';
import { intParam, useUrlFilters } from '../../../lib/use-url-filters';
import { FilterBar, PHONE_QUERY } from '../../registry-filters';
import { useLotProductChoices, useProductNames } from '../lots/lot-choices';

const KEYS = ['productId', 'lotId', 'page', 'pageSize'] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function LotFilterTag({ lotId, onClose }: { lotId: string; onClose: () => void }) {
  const t = useStampTexts();
  const lot = useLot(lotId);
  return (
    <Tag closable onClose={onClose} data-testid="stamp-lot-filter" style={{ alignSelf: 'center' }}>
      {lot.data ? t('stamps.filter.lot', { lotCode: lot.data.lotCode }) : t('stamps.filter.lotUnnamed')}
    </Tag>
  );
}

/** "Tem truy xuất": the stamp orders in reach with their state and issuing progress, by product or lot (`?lotId=` from the lot page). */
export function StampOrdersPage() {
  const t = useStampTexts();
  const { user } = useCurrentUser();
  const phone = useMediaQuery(PHONE_QUERY);
  const [params, setParams] = useUrlFilters(KEYS);
  const [productSearch, setProductSearch] = useState('');
  const filter: StampOrderFilter = {
    productId: params.productId && UUID.test(params.productId) ? params.productId : undefined,
    lotId: params.lotId && UUID.test(params.lotId) ? params.lotId : undefined,
    page: intParam(params.page, 1),
    pageSize: intParam(params.pageSize, 20, 100),
  };
  const list = useStampOrders(filter);
  const products = useLotProductChoices(productSearch);
  const productName = useProductNames((list.data?.items ?? []).map((order) => order.productId));
  const newPath = `/stamps/new${filter.productId || filter.lotId ? `?${new URLSearchParams({ ...(filter.productId ? { productId: filter.productId } : {}), ...(filter.lotId ? { lotId: filter.lotId } : {}) })}` : ''}`;

  return (
    <>
      <PageHeader
        title={t('stamps.title')}
        description={t('stamps.intro')}
        extra={
          can(user.roles, 'stamps.order') ? (
            <Link to={newPath}>
              <Button type="primary" icon={<PlusOutlined />} data-testid="stamp-order-new">
                {t('stamps.new')}
              </Button>
            </Link>
          ) : null
        }
      />
      <Card styles={{ body: { padding: phone ? 12 : 24 } }}>
        <FilterBar
          search={filter.lotId ? <LotFilterTag lotId={filter.lotId} onClose={() => setParams({ lotId: null, page: null })} /> : null}
          activeCount={filter.productId ? 1 : 0}
          extra={
            filter.productId || filter.lotId ? (
              <Button type="link" onClick={() => setParams({ productId: null, lotId: null, page: null })}>
                {t('common.clearFilters')}
              </Button>
            ) : null
          }
        >
          <Select<string>
            allowClear
            value={filter.productId}
            placeholder={t('stamps.filter.allProducts')}
            aria-label={t('stamps.filter.product')}
            showSearch={products.serverSearch ? { filterOption: false, onSearch: setProductSearch } : { filterOption: selectOptionMatches }}
            options={products.options}
            loading={products.loading}
            onChange={(productId) => setParams({ productId: productId ?? null, lotId: null, page: null })}
            popupMatchSelectWidth={false}
            style={{ flex: '1 1 260px', minWidth: 0, maxWidth: phone ? undefined : 360 }}
          />
        </FilterBar>
        {list.isError ? (
          <div style={{ marginBottom: 16 }}>
            <ErrorAlert error={list.error} />
          </div>
        ) : null}
        <StampOrdersTable
          page={list.data}
          loading={list.isPending}
          productName={productName}
          onPageChange={(page, pageSize) => setParams({ page, pageSize })}
        />
      </Card>
    </>
  );
}
