import type { ProducerView } from '@ocop/contracts/registry';
import { Descriptions, type DescriptionsProps, Typography } from 'antd';
import type { ReactNode } from 'react';
import { formatDateTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { LEGAL_FORM_KEYS } from '../../../lib/registry';
import { DESKTOP_QUERY, useMediaQuery } from '../../../lib/use-media-query';
import { ProducerStatusTag, ProducerTypeTag } from './producer-tags';
import { legacyPlaceOf } from './producers-table';

function orDash(value: ReactNode): ReactNode {
  return value === null || value === undefined || value === '' ? <Typography.Text type="secondary">—</Typography.Text> : value;
}

/** Every field of a producer; the commune on today's map and, when known, the commune and district before 2025-07-01. */
export function ProducerDetails({ producer, provinceName }: { producer: ProducerView; provinceName?: string }) {
  const { t } = useI18n();
  const isDesktop = useMediaQuery(DESKTOP_QUERY);
  const legacy = legacyPlaceOf(producer);
  const location =
    producer.latitude !== null && producer.longitude !== null ? (
      <Typography.Link
        href={`https://www.openstreetmap.org/?mlat=${producer.latitude}&mlon=${producer.longitude}#map=15/${producer.latitude}/${producer.longitude}`}
        target="_blank"
        rel="noreferrer"
      >
        {producer.latitude}, {producer.longitude}
      </Typography.Link>
    ) : null;

  const items: DescriptionsProps['items'] = [
    { key: 'type', label: t('producerForm.type'), children: <ProducerTypeTag type={producer.type} /> },
    ...(producer.legalForm
      ? [{ key: 'legalForm', label: t('producerForm.legalForm'), children: t(LEGAL_FORM_KEYS[producer.legalForm]) }]
      : []),
    {
      key: 'registrationNumber',
      label: t('producerForm.registrationNumber'),
      children: (
        <Typography.Text copyable style={{ fontFamily: 'monospace' }}>
          {producer.registrationNumber}
        </Typography.Text>
      ),
    },
    {
      key: 'status',
      label: t('producerForm.status'),
      children: (
        <span>
          <ProducerStatusTag status={producer.status} />
          {producer.statusReason ? <Typography.Text type="secondary"> — {producer.statusReason}</Typography.Text> : null}
        </span>
      ),
    },
    { key: 'province', label: t('producerForm.province'), children: provinceName ?? producer.provinceCode },
    {
      key: 'commune',
      label: t('producerForm.commune'),
      children: (
        <span data-testid="producer-commune">
          {producer.communeName ?? producer.communeCode} <Typography.Text type="secondary">({producer.communeCode})</Typography.Text>
        </span>
      ),
    },
    {
      key: 'legacy',
      label: t('producer.field.legacyPlace'),
      children: <span data-testid="producer-legacy-place">{orDash(legacy)}</span>,
    },
    { key: 'address', label: t('producerForm.address'), children: orDash(producer.address), span: isDesktop ? 2 : 1 },
    { key: 'location', label: t('producer.field.location'), children: orDash(location) },
    { key: 'representative', label: t('producerForm.representativeName'), children: orDash(producer.representativeName) },
    {
      key: 'phone',
      label: t('producerForm.phone'),
      children: orDash(producer.phone ? <Typography.Link href={`tel:${producer.phone}`}>{producer.phone}</Typography.Link> : null),
    },
    {
      key: 'email',
      label: t('producerForm.email'),
      children: orDash(producer.email ? <Typography.Link href={`mailto:${producer.email}`}>{producer.email}</Typography.Link> : null),
    },
    { key: 'foundingYear', label: t('producerForm.foundingYear'), children: orDash(producer.foundingYear) },
    { key: 'memberCount', label: t('producerForm.memberCount'), children: orDash(producer.memberCount) },
    { key: 'updatedAt', label: t('common.updatedAt'), children: formatDateTime(producer.updatedAt) },
  ];

  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, sm: 1, md: 2, lg: 2, xl: 3 }}
      items={items}
      layout={isDesktop ? 'horizontal' : 'vertical'}
    />
  );
}
