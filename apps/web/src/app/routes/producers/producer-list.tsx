import { PlusOutlined } from '@ant-design/icons';
import { PRODUCER_STATUSES, PRODUCER_TYPES, type ProducerStatus, type ProducerType } from '@ocop/domain/registry';
import { Button, Card } from 'antd';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { FromImportNotice } from '../../../components/ui/from-import-notice';
import { ExportButtons } from '../../../components/ui/export-buttons';
import { PageHeader } from '../../../components/ui/page-header';
import { type ProducerListFilter, producerExportUrl, useProducers } from '../../../features/producers/api/list-producers';
import { ProducersTable } from '../../../features/producers/components/producers-table';
import { homeProvinceCode, useCurrentUser } from '../../../lib/auth';
import { placeFilterOf } from '../../../lib/communes';
import { useI18n } from '../../../lib/i18n';
import { canCreateProducers, isOnlyProducerMember, PRODUCER_STATUS_KEYS, PRODUCER_TYPE_KEYS } from '../../../lib/registry';
import { intParam, useUrlFilters } from '../../../lib/use-url-filters';
import { DESKTOP_QUERY, useMediaQuery } from '../../../lib/use-media-query';
import { EnumFilter, FilterBar, PHONE_QUERY, PlaceFilter, RegistrySearch } from '../../registry-filters';

const FILTER_KEYS = ['q', 'place', 'type', 'status', 'importId', 'page', 'pageSize'] as const;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function isOneOf<V extends string>(values: readonly V[], value: string | undefined): value is V {
  return value !== undefined && (values as readonly string[]).includes(value);
}

/** Producers the user may see, with filters kept in the address. */
export function ProducerListPage() {
  const { t } = useI18n();
  const { user } = useCurrentUser();
  const isDesktop = useMediaQuery(DESKTOP_QUERY);
  const phone = useMediaQuery(PHONE_QUERY);
  const [params, setParams] = useUrlFilters(FILTER_KEYS);
  const filters: Omit<ProducerListFilter, 'page' | 'pageSize'> = {
    q: params.q || undefined,
    ...placeFilterOf(params.place),
    type: isOneOf(PRODUCER_TYPES, params.type) ? params.type : undefined,
    status: isOneOf(PRODUCER_STATUSES, params.status) ? params.status : undefined,
    importId: params.importId && UUID.test(params.importId) ? params.importId : undefined,
  };
  const page = intParam(params.page, 1);
  const pageSize = intParam(params.pageSize, 20, 200);
  const producers = useProducers({ ...filters, page, pageSize });
  const own = isOnlyProducerMember(user);
  const anyFilter = Boolean(params.q || params.place || params.type || params.status);

  return (
    <>
      <PageHeader
        title={own ? t('producers.mine') : t('producers.title')}
        description={own ? undefined : t('producers.intro')}
        extra={
          <>
            <ExportButtons compact={!isDesktop} urlFor={(format) => producerExportUrl(filters, format)} />
            {canCreateProducers(user) ? (
              <Link to="/producers/new">
                <Button type="primary" icon={<PlusOutlined />} data-testid="producer-add">
                  {t('producers.add')}
                </Button>
              </Link>
            ) : null}
          </>
        }
      />
      <Card styles={{ body: { padding: phone ? 12 : 24 } }}>
        <FilterBar
          search={<RegistrySearch value={params.q} placeholder={t('producers.searchPlaceholder')} onSearch={(q) => setParams({ q })} />}
          activeCount={[params.place, filters.type, filters.status].filter(Boolean).length}
          extra={
            anyFilter ? (
              <Button type="link" onClick={() => setParams({ q: null, place: null, type: null, status: null })}>
                {t('common.clearFilters')}
              </Button>
            ) : null
          }
        >
          <PlaceFilter provinceCode={homeProvinceCode(user)} value={params.place} onChange={(place) => setParams({ place })} />
          <EnumFilter<ProducerType>
            value={filters.type}
            label={t('registry.filter.producerType')}
            options={PRODUCER_TYPES.map((value) => ({ value, label: t(PRODUCER_TYPE_KEYS[value]) }))}
            onChange={(type) => setParams({ type })}
            testId="producer-type-filter"
          />
          <EnumFilter<ProducerStatus>
            value={filters.status}
            label={t('registry.filter.status')}
            options={PRODUCER_STATUSES.map((value) => ({ value, label: t(PRODUCER_STATUS_KEYS[value]) }))}
            onChange={(status) => setParams({ status })}
            testId="status-filter"
          />
        </FilterBar>
        {filters.importId ? (
          <FromImportNotice
            title={t('producers.fromImport')}
            clearLabel={t('producers.fromImportClear')}
            onClear={() => setParams({ importId: null })}
          />
        ) : null}
        {producers.isError ? (
          <div style={{ marginBottom: 16 }}>
            <ErrorAlert error={producers.error} />
          </div>
        ) : null}
        <ProducersTable
          page={producers.data}
          loading={producers.isFetching}
          onPageChange={(next, size) => setParams({ page: next, pageSize: size })}
        />
      </Card>
    </>
  );
}
