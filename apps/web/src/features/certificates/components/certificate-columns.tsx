import type { CertificateView } from '@ocop/contracts/certification';
import { Flex, type TableColumnsType, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { formatIsoDate } from '../../../lib/format';
import type { Translate } from '../../../lib/i18n';
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

function Product({ view }: { view: CertificateView }) {
  return (
    <Flex vertical gap={2} style={{ minWidth: 0 }}>
      <span>{view.productName}</span>
      {view.productCode ? (
        <Typography.Text type="secondary" style={{ fontSize: 12, fontFamily: 'monospace' }}>
          {view.productCode}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}

/** The columns every certificate table starts with: number, product, producer, stars. */
export function leadingColumns(t: Translate): TableColumnsType<CertificateView> {
  return [
    { title: t('certificates.col.number'), key: 'number', width: 190, render: (_, view) => <NumberLink view={view} /> },
    { title: t('certificates.col.product'), key: 'product', render: (_, view) => <Product view={view} /> },
    { title: t('certificates.col.producer'), key: 'producer', dataIndex: 'producerName', responsive: ['lg'] },
    { title: t('certificates.col.stars'), key: 'stars', width: 96, render: (_, view) => <Stars stars={view.stars} /> },
  ];
}

export function statusColumn(t: Translate): TableColumnsType<CertificateView>[number] {
  return {
    title: t('certificates.col.status'),
    key: 'status',
    width: 220,
    render: (_, view) => <CertificateStatusTag status={view.status} daysLeft={view.daysLeft} />,
  };
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
export function listColumns(t: Translate): TableColumnsType<CertificateView> {
  return [
    ...leadingColumns(t),
    { title: t('certificates.col.issuer'), key: 'issuer', responsive: ['xl'], render: (_, view) => view.issuer.name },
    dateColumn(t('certificates.col.issued'), 'issued', (view) => view.issuedOn),
    dateColumn(t('certificates.col.validUntil'), 'validUntil', validUntilOf),
    statusColumn(t),
  ];
}

/** A certificate as one small card: the phone's row. `extra` adds the list's own facts. */
export function CertificateCard({ view, extra }: { view: CertificateView; extra?: ReactNode }) {
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
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {formatIsoDate(view.issuedOn)} – {formatIsoDate(validUntilOf(view))}
        </Typography.Text>
      </Flex>
      {extra}
    </Flex>
  );
}
