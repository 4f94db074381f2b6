import type { ProducerView } from '@ocop/contracts/registry';
import { Flex, Table, type TableColumnsType, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { Link, useNavigate } from 'react-router';
import { DocumentExpiryTag } from '../../../components/ui/document-expiry-tag';
import { useI18n } from '../../../lib/i18n';
import { useMediaQuery } from '../../../lib/use-media-query';
import type { ProducerPage } from '../api/list-producers';
import { ProducerStatusTag, ProducerTypeTag } from './producer-tags';

/** "Thị trấn Hát Lót, Huyện Mai Sơn": where a producer was before the 2025 reorganisation. */
export function legacyPlaceOf(
  producer: Pick<ProducerView, 'legacyCommuneName' | 'legacyDistrictName' | 'legacyCommuneCode'>,
): string | null {
  const parts = [producer.legacyCommuneName ?? producer.legacyCommuneCode, producer.legacyDistrictName].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : null;
}

function ProducerName({ producer }: { producer: ProducerView }) {
  return (
    <Flex vertical gap={2}>
      <Link to={`/producers/${producer.id}`} onClick={(event) => event.stopPropagation()} style={{ fontWeight: 600 }}>
        {producer.name}
      </Link>
      <Typography.Text type="secondary" style={{ fontSize: 12, fontFamily: 'monospace' }}>
        {producer.registrationNumber}
      </Typography.Text>
    </Flex>
  );
}

function Place({ producer }: { producer: ProducerView }) {
  const { t } = useI18n();
  const legacy = legacyPlaceOf(producer);
  return (
    <Flex vertical gap={2}>
      <span>{producer.communeName ?? producer.communeCode}</span>
      {legacy ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('producers.legacyPlace', { place: legacy })}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}

/** Producers with their type, commune on both maps and status; one stacked column on a phone. */
export function ProducersTable({
  page,
  loading,
  onPageChange,
}: {
  page: ProducerPage | undefined;
  loading: boolean;
  onPageChange: (page: number, pageSize: number) => void;
}) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const wide = useMediaQuery('(min-width: 768px)');

  const columns: TableColumnsType<ProducerView> = wide
    ? [
        { title: t('producers.col.name'), key: 'name', render: (_, producer) => <ProducerName producer={producer} /> },
        {
          title: t('producers.col.type'),
          dataIndex: 'type',
          width: 150,
          render: (_, producer) => <ProducerTypeTag type={producer.type} />,
        },
        { title: t('producers.col.commune'), key: 'commune', width: 240, render: (_, producer) => <Place producer={producer} /> },
        {
          title: t('producers.col.contact'),
          key: 'contact',
          responsive: ['xl'],
          render: (_, producer) => (
            <Flex vertical gap={2}>
              <span>{producer.representativeName}</span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {producer.phone}
              </Typography.Text>
            </Flex>
          ),
        },
        { title: t('producers.col.products'), dataIndex: 'productCount', width: 100, align: 'right' },
        {
          title: t('producers.col.status'),
          dataIndex: 'status',
          width: 170,
          render: (_, producer) => (
            <Flex vertical gap={4} align="flex-start">
              <ProducerStatusTag status={producer.status} />
              <DocumentExpiryTag validTo={producer.earliestDocumentValidTo} subject="producer" />
            </Flex>
          ),
        },
      ]
    : [
        {
          title: t('producers.col.name'),
          key: 'card',
          render: (_, producer) => (
            <Flex vertical gap={6}>
              <ProducerName producer={producer} />
              <Flex gap={4} wrap>
                <ProducerTypeTag type={producer.type} />
                <ProducerStatusTag status={producer.status} />
                <DocumentExpiryTag validTo={producer.earliestDocumentValidTo} subject="producer" />
              </Flex>
              <Place producer={producer} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('producers.productCount', { count: producer.productCount })}
              </Typography.Text>
            </Flex>
          ),
        },
      ];

  return (
    <Table<ProducerView>
      rowKey="id"
      size="middle"
      loading={loading}
      columns={columns}
      dataSource={page?.items ?? []}
      showHeader={wide}
      rowClassName="ocop-clickable-row"
      onRow={(producer) =>
        ({ 'data-testid': 'registry-row', onClick: () => void navigate(`/producers/${producer.id}`) }) as HTMLAttributes<HTMLElement>
      }
      scroll={wide ? { x: 900 } : undefined}
      locale={{ emptyText: t('producers.empty') }}
      pagination={{
        current: page?.page ?? 1,
        pageSize: page?.pageSize ?? 20,
        total: page?.total ?? 0,
        showSizeChanger: wide,
        size: wide ? 'medium' : 'small',
        pageSizeOptions: [10, 20, 50, 100],
        showTotal: (total) => t('common.total', { total }),
        onChange: onPageChange,
      }}
    />
  );
}
