import { DownloadOutlined } from '@ant-design/icons';
import { SUPERVISION_LIST_LABELS, SUPERVISION_LISTS, SUPERVISION_ROW_LIMIT, type SupervisionList } from '@ocop/contracts/certification';
import { Alert, Button, Card, Flex, Tabs } from 'antd';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { PageHeader } from '../../../components/ui/page-header';
import { supervisionExportUrl, useSupervisionList } from '../../../features/certificates/api/certificate-queries';
import { SupervisionTable } from '../../../features/certificates/components/supervision-table';
import { formatIsoDate } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { useMediaQuery } from '../../../lib/use-media-query';
import { useUrlFilters } from '../../../lib/use-url-filters';
import { PHONE_QUERY } from '../../registry-filters';

const LIMIT = SUPERVISION_ROW_LIMIT.toLocaleString('vi-VN');

function SupervisionTab({ list, phone }: { list: SupervisionList; phone: boolean }) {
  const { t, language } = useI18n();
  const query = useSupervisionList(list);
  return (
    <Flex vertical gap={12}>
      {/* The phone's tabs carry short names: the list's full name heads its content. */}
      {phone ? <strong>{SUPERVISION_LIST_LABELS[list][language]}</strong> : null}
      <Flex justify="space-between" align="center" gap={8} wrap>
        <span className="ocop-text-secondary" data-testid="supervision-count">
          {query.data ? t('supervision.asOf', { date: formatIsoDate(query.data.today), count: query.data.items.length }) : '\u00a0'}
        </span>
        <Button icon={<DownloadOutlined />} href={supervisionExportUrl(list)} download data-testid="supervision-export">
          {t('supervision.export')}
        </Button>
      </Flex>
      {query.data?.truncated ? <Alert type="warning" showIcon title={t('supervision.truncated', { limit: LIMIT })} /> : null}
      {query.isError ? <ErrorAlert error={query.error} /> : null}
      <SupervisionTable list={list} items={query.data?.items ?? []} loading={query.isFetching} />
    </Flex>
  );
}

const isList = (value: string | undefined): value is SupervisionList =>
  value !== undefined && (SUPERVISION_LISTS as readonly string[]).includes(value);

/** "Giám sát": the four supervision lists in tabs, each with its Excel export. */
export function SupervisionPage() {
  const { t, language } = useI18n();
  const phone = useMediaQuery(PHONE_QUERY);
  const [params, setParams] = useUrlFilters(['list'] as const);
  const active = isList(params.list) ? params.list : 'expiring_3m';
  return (
    <>
      <PageHeader title={t('supervision.title')} description={t('supervision.intro', { limit: LIMIT })} />
      <Card styles={{ body: { padding: phone ? 12 : 24, paddingTop: 8 } }}>
        <Tabs
          activeKey={active}
          onChange={(key) => setParams({ list: key })}
          destroyOnHidden
          items={SUPERVISION_LISTS.map((list) => ({
            key: list,
            label: phone ? t(`supervision.tab.${list}`) : SUPERVISION_LIST_LABELS[list][language],
            children: <SupervisionTab list={list} phone={phone} />,
          }))}
        />
      </Card>
    </>
  );
}
