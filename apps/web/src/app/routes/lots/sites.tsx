import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { SiteView } from '@ocop/contracts/traceability';
import { can } from '@ocop/domain/shared';
import { SITE_KINDS } from '@ocop/domain/traceability';
import { Button, Card, Empty, Flex, List, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { PageHeader } from '../../../components/ui/page-header';
import { useProducer } from '../../../features/producers/api/get-producer';
import { useProducers } from '../../../features/producers/api/list-producers';
import { useSites } from '../../../features/traceability/api/site-queries';
import { SiteDialog } from '../../../features/traceability/components/site-dialog';
import { useCurrentUser } from '../../../lib/auth';
import { useI18n } from '../../../lib/i18n';
import { ownProducerIds } from '../../../lib/registry';
import { useCurrentCommunes } from './lot-choices';
import { useTraceabilityTexts } from '../../../features/traceability/traceability-texts';

/** "Địa điểm": a producer's farms, facilities, warehouses and shops, where its lots' steps happen. */
export function SitesPage() {
  const { language } = useI18n();
  const t = useTraceabilityTexts();
  const { user } = useCurrentUser();
  const mine = ownProducerIds(user);
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const [search, setSearch] = useState('');
  const producerId = mine.length === 1 ? mine[0] : chosen;
  const producers = useProducers(
    { q: search || undefined, status: 'active', page: 1, pageSize: 20, sort: 'name' },
    { enabled: mine.length !== 1 },
  );
  const producer = useProducer(producerId);
  const sites = useSites({ producerId, pageSize: 200 }, { enabled: Boolean(producerId) });
  const communes = useCurrentCommunes(producer.data?.provinceCode);
  const [editing, setEditing] = useState<SiteView | 'new' | null>(null);
  const mayWrite = producer.data
    ? can(user.roles, 'lots.write', { provinceCode: producer.data.provinceCode, producerId: producer.data.id })
    : false;

  return (
    <>
      <PageHeader
        title={t('sites.title')}
        description={producer.data?.name ?? t('sites.intro')}
        extra={
          mayWrite && producerId ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="site-new">
              {t('sites.new')}
            </Button>
          ) : null
        }
      />
      {mine.length !== 1 ? (
        <Select<string>
          value={chosen}
          placeholder={t('sites.producerRequired')}
          aria-label={t('sites.producer')}
          showSearch={{ filterOption: false, onSearch: setSearch }}
          options={(producers.data?.items ?? []).map((item) => ({ value: item.id, label: `${item.name} (${item.registrationNumber})` }))}
          loading={producers.isFetching}
          onChange={setChosen}
          style={{ width: '100%', maxWidth: 480, marginBottom: 16 }}
          size="large"
        />
      ) : null}
      {sites.isError ? <ErrorAlert error={sites.error} /> : null}
      {producerId ? (
        <Card size="small">
          <List<SiteView>
            loading={sites.isPending}
            dataSource={sites.data?.items ?? []}
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('sites.empty')} /> }}
            renderItem={(site) => (
              <List.Item data-testid="site-row">
                <Flex justify="space-between" align="flex-start" gap={8} style={{ width: '100%' }}>
                  <Flex vertical gap={2} style={{ minWidth: 0 }}>
                    <Flex gap={8} wrap align="center">
                      <Typography.Text strong>{site.name}</Typography.Text>
                      <Tag>{SITE_KINDS[site.kind][language]}</Tag>
                    </Flex>
                    <Typography.Text type="secondary" style={{ overflowWrap: 'anywhere' }}>
                      {[site.address, communes.name(site.communeCode)].filter(Boolean).join(', ')}
                    </Typography.Text>
                    {site.gln ? <span style={{ fontFamily: 'monospace', fontSize: 12 }}>GLN {site.gln}</span> : null}
                  </Flex>
                  {mayWrite ? (
                    <Button
                      icon={<EditOutlined />}
                      onClick={() => setEditing(site)}
                      aria-label={`${t('site.edit')} ${site.name}`}
                      title={t('site.edit')}
                    />
                  ) : null}
                </Flex>
              </List.Item>
            )}
          />
        </Card>
      ) : null}
      {editing && producerId ? (
        <SiteDialog
          site={editing === 'new' ? undefined : editing}
          producerId={producerId}
          communeOptions={communes.options}
          onClose={() => setEditing(null)}
        />
      ) : null}
    </>
  );
}
