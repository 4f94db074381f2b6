import { AlertOutlined } from '@ant-design/icons';
import { CERTIFICATE_STATUS_LABELS } from '@ocop/contracts/certification';
import { CERTIFICATE_STATUSES, type CertificateStatus } from '@ocop/domain/certification';
import { Button, Card } from 'antd';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { PageHeader } from '../../../components/ui/page-header';
import { type CertificateFilter, useCertificates } from '../../../features/certificates/api/certificate-queries';
import { CertificatesTable } from '../../../features/certificates/components/certificates-table';
import { useI18n } from '../../../lib/i18n';
import { intParam, useUrlFilters } from '../../../lib/use-url-filters';
import { EnumFilter, FilterBar, PHONE_QUERY, RegistrySearch } from '../../registry-filters';
import { useMediaQuery } from '../../../lib/use-media-query';

const KEYS = ['q', 'status', 'stars', 'page', 'pageSize'] as const;
const STARS = ['3', '4', '5'] as const;

const isStatus = (value: string | undefined): value is CertificateStatus =>
  value !== undefined && (CERTIFICATE_STATUSES as readonly string[]).includes(value);

/** "Giấy chứng nhận": every certificate the reader may read, searched and filtered, pages from the server. */
export function CertificateListPage() {
  const { t, language } = useI18n();
  const phone = useMediaQuery(PHONE_QUERY);
  const [params, setParams] = useUrlFilters(KEYS);
  const filter: CertificateFilter = {
    q: params.q || undefined,
    status: isStatus(params.status) ? params.status : undefined,
    stars: STARS.find((stars) => stars === params.stars) ? Number(params.stars) : undefined,
    page: intParam(params.page, 1),
    pageSize: intParam(params.pageSize, 20, 200),
  };
  const list = useCertificates(filter);
  const anyFilter = Boolean(filter.q || filter.status || filter.stars);

  return (
    <>
      <PageHeader
        title={t('certificates.title')}
        description={t('certificates.intro')}
        extra={
          <Link to="/certificates/supervision">
            <Button icon={<AlertOutlined />}>{t('certificates.toSupervision')}</Button>
          </Link>
        }
      />
      <Card styles={{ body: { padding: phone ? 12 : 24 } }}>
        <FilterBar
          search={<RegistrySearch value={params.q} placeholder={t('certificates.searchPlaceholder')} onSearch={(q) => setParams({ q })} />}
          activeCount={[filter.status, filter.stars].filter(Boolean).length}
          extra={
            anyFilter ? (
              <Button type="link" onClick={() => setParams({ q: null, status: null, stars: null })}>
                {t('common.clearFilters')}
              </Button>
            ) : null
          }
        >
          <EnumFilter<CertificateStatus>
            value={filter.status}
            label={t('certificates.filter.status')}
            options={CERTIFICATE_STATUSES.map((value) => ({ value, label: CERTIFICATE_STATUS_LABELS[value][language] }))}
            onChange={(status) => setParams({ status })}
            testId="certificate-status-filter"
            width={260}
          />
          <EnumFilter<string>
            value={filter.stars ? String(filter.stars) : undefined}
            label={t('certificates.filter.stars')}
            options={STARS.map((value) => ({ value, label: t('certificates.starsOption', { stars: value }) }))}
            onChange={(stars) => setParams({ stars })}
            testId="certificate-stars-filter"
            width={140}
          />
        </FilterBar>
        {list.isError ? (
          <div style={{ marginBottom: 16 }}>
            <ErrorAlert error={list.error} />
          </div>
        ) : null}
        <CertificatesTable page={list.data} loading={list.isFetching} onPageChange={(page, pageSize) => setParams({ page, pageSize })} />
      </Card>
    </>
  );
}
