import { PlusOutlined } from '@ant-design/icons';
import { PRODUCER_TYPES, PRODUCT_STATUSES, type ProducerType, type ProductStatus } from '@ocop/domain/registry';
import { Button, Card, Select } from 'antd';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { FromImportNotice } from '../../../components/ui/from-import-notice';
import { ExportButtons } from '../../../components/ui/export-buttons';
import { PageHeader } from '../../../components/ui/page-header';
import { classificationDecision, useProductSets } from '../../../features/products/api/list-product-sets';
import { type ProductListFilter, productExportUrl, useProducts } from '../../../features/products/api/list-products';
import { productGroupOptions, productSetOptions } from '../../../features/products/components/product-set-options';
import { NoProductsYet } from '../../../features/products/components/no-products-yet';
import { ProductsTable } from '../../../features/products/components/products-table';
import { homeProvinceCode, useCurrentUser } from '../../../lib/auth';
import { placeFilterOf } from '../../../lib/communes';
import { useI18n } from '../../../lib/i18n';
import { canCreateProducts, isOnlyProducerMember, ownProducerIds, PRODUCER_TYPE_KEYS, PRODUCT_STATUS_KEYS } from '../../../lib/registry';
import { selectOptionMatches } from '../../../lib/search';
import { DESKTOP_QUERY, useMediaQuery } from '../../../lib/use-media-query';
import { intParam, useUrlFilters } from '../../../lib/use-url-filters';
import { EnumFilter, FilterBar, PHONE_QUERY, PlaceFilter, RegistrySearch } from '../../registry-filters';

const FILTER_KEYS = ['q', 'place', 'producerType', 'group', 'set', 'status', 'producerId', 'importId', 'page', 'pageSize'] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isOneOf<V extends string>(values: readonly V[], value: string | undefined): value is V {
  return value !== undefined && (values as readonly string[]).includes(value);
}

/** Products the user may see: search without diacritics, filters by place, producer type, group, set and status. */
export function ProductListPage() {
  const { t } = useI18n();
  const { user } = useCurrentUser();
  const isDesktop = useMediaQuery(DESKTOP_QUERY);
  const phone = useMediaQuery(PHONE_QUERY);
  const [params, setParams] = useUrlFilters(FILTER_KEYS);
  const sets = useProductSets();
  const filters: Omit<ProductListFilter, 'page' | 'pageSize'> = {
    q: params.q || undefined,
    ...placeFilterOf(params.place),
    producerType: isOneOf(PRODUCER_TYPES, params.producerType) ? params.producerType : undefined,
    groupCode: params.group && /^\d{1,10}$/.test(params.group) ? params.group : undefined,
    productSetId: params.set && UUID.test(params.set) ? params.set : undefined,
    status: isOneOf(PRODUCT_STATUSES, params.status) ? params.status : undefined,
    producerId: params.producerId && UUID.test(params.producerId) ? params.producerId : undefined,
    // Set by the import history's "products it created" link; it has no box of its own.
    importId: params.importId && UUID.test(params.importId) ? params.importId : undefined,
  };
  const page = intParam(params.page, 1);
  const pageSize = intParam(params.pageSize, 20, 200);
  const products = useProducts({ ...filters, page, pageSize });
  const own = isOnlyProducerMember(user);
  const mine = ownProducerIds(user);
  const newProductPath = mine.length === 1 ? `/products/new?producerId=${mine[0]}` : '/products/new';
  const anyFilter = Object.values(filters).some(Boolean);

  return (
    <>
      <PageHeader
        title={own ? t('products.mine') : t('products.title')}
        description={own ? undefined : t('products.intro', { decision: classificationDecision(sets.data?.version) ?? '…' })}
        extra={
          <>
            <ExportButtons compact={!isDesktop} urlFor={(format) => productExportUrl(filters, format)} />
            {canCreateProducts(user) ? (
              <Link to={newProductPath}>
                <Button type="primary" icon={<PlusOutlined />} data-testid="product-add">
                  {t('products.add')}
                </Button>
              </Link>
            ) : null}
          </>
        }
      />
      <Card styles={{ body: { padding: phone ? 12 : 24 } }}>
        <FilterBar
          search={<RegistrySearch value={params.q} placeholder={t('products.searchPlaceholder')} onSearch={(q) => setParams({ q })} />}
          activeCount={
            [params.place, filters.producerType, filters.groupCode, filters.productSetId, filters.status, filters.producerId].filter(
              Boolean,
            ).length
          }
          extra={
            anyFilter ? (
              <Button
                type="link"
                onClick={() =>
                  setParams({
                    q: null,
                    place: null,
                    producerType: null,
                    group: null,
                    set: null,
                    status: null,
                    producerId: null,
                    importId: null,
                  })
                }
              >
                {t('common.clearFilters')}
              </Button>
            ) : null
          }
        >
          {own ? null : (
            <PlaceFilter provinceCode={homeProvinceCode(user)} value={params.place} onChange={(place) => setParams({ place })} />
          )}
          {own ? null : (
            <EnumFilter<ProducerType>
              value={filters.producerType}
              label={t('registry.filter.producerType')}
              options={PRODUCER_TYPES.map((value) => ({ value, label: t(PRODUCER_TYPE_KEYS[value]) }))}
              onChange={(producerType) => setParams({ producerType })}
              testId="producer-type-filter"
            />
          )}
          <EnumFilter<string>
            value={filters.groupCode}
            label={t('registry.filter.group')}
            options={productGroupOptions(sets.data)}
            onChange={(group) => setParams({ group, set: null })}
            testId="group-filter"
            width={220}
          />
          <Select<string>
            allowClear
            showSearch={{ filterOption: selectOptionMatches }}
            value={filters.productSetId}
            onChange={(set) => setParams({ set: set ?? null })}
            options={productSetOptions(sets.data, filters.groupCode)}
            loading={sets.isPending}
            placeholder={t('registry.filter.productSet')}
            aria-label={t('registry.filter.productSet')}
            popupMatchSelectWidth={false}
            style={{ flex: '1 1 240px', minWidth: 200 }}
            data-testid="product-set-filter"
          />
          <EnumFilter<ProductStatus>
            value={filters.status}
            label={t('registry.filter.status')}
            options={PRODUCT_STATUSES.map((value) => ({ value, label: t(PRODUCT_STATUS_KEYS[value]) }))}
            onChange={(status) => setParams({ status })}
            testId="status-filter"
            width={170}
          />
        </FilterBar>
        {filters.importId ? (
          <FromImportNotice
            title={t('products.fromImport')}
            clearLabel={t('products.fromImportClear')}
            onClear={() => setParams({ importId: null })}
          />
        ) : null}
        {products.isError ? (
          <div style={{ marginBottom: 16 }}>
            <ErrorAlert error={products.error} />
          </div>
        ) : null}
        <ProductsTable
          page={products.data}
          loading={products.isFetching}
          hideProducer={own && mine.length === 1}
          empty={own && !anyFilter ? <NoProductsYet createPath={canCreateProducts(user) ? newProductPath : null} /> : undefined}
          onPageChange={(next, size) => setParams({ page: next, pageSize: size })}
        />
      </Card>
    </>
  );
}
