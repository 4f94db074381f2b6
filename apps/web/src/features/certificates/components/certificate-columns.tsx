import type { CertificateView } from '@ocop/contracts/certification';
import { Flex, type TableColumnsType, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { formatIsoDate } from '../../../lib/format';
import { type Translate, useI18n } from '../../../lib/i18n';
import { CertificateStatusTag, Stars, validUntilOf } from './certificate-status-tag';

export const certificateDetailPath = (certificateId: string) => `/certificates/${certificateId}`;

function NumberLink({ view }: { view: CertificateView }) {
  return (
    <Link
      to={certificateDetailPath(view.id)}
      onClick={(event) => event.stopPropagation()}
      style={{ fontWeight: 600, whiteSpace: 'nowrap' }}
    >
      {view.number}
    </Link>
  );
}

/** The product with its code; with `producer`, the producer under it (when the table has no room for a producer column). */
function Product({ view, producer }: { view: CertificateView; producer: boolean }) {
  return (
    <Flex vertical gap={2} style={{ minWidth: 0 }}>
      <span style={{ fontWeight: 500 }}>{view.productName}</span>
      {producer ? <span style={{ fontSize: 13 }}>{view.producerName}</span> : null}
      {view.productCode ? (
        <Typography.Text type="secondary" style={{ fontSize: 12, fontFamily: 'monospace', whiteSpace: 'nowrap' }}>
          {view.productCode}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}

/**
 * The columns every certificate table starts with: number, product, producer, stars. Below
 * `roomy` width the producer goes under the product, so neither column is squeezed to a word a line.
 */
export function leadingColumns(t: Translate, roomy: boolean): TableColumnsType<CertificateView> {
  return [
    { title: t('certificates.col.number'), key: 'number', width: 170, render: (_, view) => <NumberLink view={view} /> },
    {
      title: roomy ? t('certificates.col.product') : t('certificates.col.productProducer'),
      key: 'product',
      render: (_, view) => <Product view={view} producer={!roomy} />,
    },
    { title: t('certificates.col.producer'), key: 'producer', dataIndex: 'producerName', hidden: !roomy },
    { title: t('certificates.col.stars'), key: 'stars', width: 92, render: (_, view) => <Stars stars={view.stars} /> },
  ];
}

export function statusColumn(t: Translate): TableColumnsType<CertificateView>[number] {
  return {
    title: t('certificates.col.status'),
    key: 'status',
    width: 190,
    render: (_, view) => (
      <Flex vertical gap={2} align="flex-start">
        <CertificateStatusTag status={view.status} daysLeft={view.daysLeft} />
        <PendingRevocation view={view} t={t} />
      </Flex>
    ),
  };
}

/** A revocation decided but not in effect yet: the mark comes off on that day. */
function PendingRevocation({ view, t }: { view: CertificateView; t: Translate }) {
  if (!view.revocation || view.status === 'revoked') return null;
  return (
    <span style={{ fontSize: 12, color: '#b91c1c' }} data-testid="pending-revocation-note">
      {t('certificates.revokedFrom', { date: formatIsoDate(view.revocation.effectiveOn) })}
    </span>
  );
}

export function dateColumn(
  title: string,
  key: string,
  day: (view: CertificateView) => string | null,
  width = 116,
): TableColumnsType<CertificateView>[number] {
  return {
    title,
    key,
    width,
    render: (_, view) => {
      const value = day(view);
      return value ? formatIsoDate(value) : '—';
    },
  };
}

/** The whole list's columns at a desk. */
export function listColumns(t: Translate, roomy: boolean): TableColumnsType<CertificateView> {
  return [
    ...leadingColumns(t, roomy),
    { title: t('certificates.col.issuer'), key: 'issuer', width: roomy ? undefined : 150, render: (_, view) => view.issuer.name },
    dateColumn(t('certificates.col.issued'), 'issued', (view) => view.issuedOn),
    dateColumn(t('certificates.col.validUntil'), 'validUntil', validUntilOf),
    statusColumn(t),
  ];
}

/** Wide enough for separate product and producer columns. */
export const ROOMY_QUERY = '(min-width: 1600px)';

/** A certificate as one small card: the phone's row. `extra` adds the list's own facts. */
export function CertificateCard({ view, extra }: { view: CertificateView; extra?: ReactNode }) {
  const { t } = useI18n();
  return (
    <Flex vertical gap={4} style={{ minWidth: 0 }} data-testid="certificate-card">
      <Flex justify="space-between" gap={8} align="baseline">
        <NumberLink view={view} />
        <Stars stars={view.stars} />
      </Flex>
      <span>{view.productName}</span>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {view.producerName}
      </Typography.Text>
      <Flex gap={8} align="center" wrap>
        <CertificateStatusTag status={view.status} daysLeft={view.daysLeft} />
        <PendingRevocation view={view} t={t} />
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {formatIsoDate(view.issuedOn)} – {formatIsoDate(validUntilOf(view))}
        </Typography.Text>
      </Flex>
      {extra}
    </Flex>
  );
}
