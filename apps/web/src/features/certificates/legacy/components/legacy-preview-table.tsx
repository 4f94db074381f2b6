import { CERTIFICATE_STATUS_LABELS, type LegacyCertificatePreview } from '@ocop/contracts/certification';
import { Table, type TableColumnsType, Tag, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { formatIsoDate } from '../../../../lib/format';
import { useI18n } from '../../../../lib/i18n';
import { useLegacyTexts } from '../legacy-texts';

const STATUS_COLOR: Record<LegacyCertificatePreview['status'], string> = {
  valid: 'green',
  expiring: 'gold',
  in_re_evaluation: 'green',
  extended: 'gold',
  expired: 'red',
  revoked: 'red',
  superseded: 'default',
};

/** The certificates a clean file would create, with the issuer as it will be shown and the status derived today. */
export function LegacyPreviewTable({ preview }: { preview: readonly LegacyCertificatePreview[] }) {
  const text = useLegacyTexts();
  const { language } = useI18n();
  const columns: TableColumnsType<LegacyCertificatePreview> = [
    { title: text('col.row'), dataIndex: 'row', width: 70 },
    { title: text('col.number'), dataIndex: 'number', width: 180 },
    {
      title: text('col.product'),
      key: 'product',
      render: (_, row) => (
        <>
          <div>{row.productName}</div>
          <Typography.Text type="secondary">{row.producerName}</Typography.Text>
          {row.productLinked && row.productCode ? (
            <div>
              <Typography.Text type="secondary">{text('linked', { code: row.productCode })}</Typography.Text>
            </div>
          ) : null}
        </>
      ),
    },
    { title: text('col.stars'), dataIndex: 'stars', width: 80, render: (stars: number) => '★'.repeat(stars) },
    {
      title: text('col.issuer'),
      key: 'issuer',
      render: (_, row) => (
        <>
          <div>{row.issuer.name}</div>
          {row.issuer.level === 'province' && row.legacyDistrictName ? (
            <Typography.Text type="secondary">{text('oldDistrict', { name: row.legacyDistrictName })}</Typography.Text>
          ) : null}
        </>
      ),
    },
    { title: text('col.regime'), dataIndex: 'regimeCode', width: 100 },
    {
      title: text('col.dates'),
      key: 'dates',
      width: 200,
      render: (_, row) => `${formatIsoDate(row.issuedOn)} – ${formatIsoDate(row.expiresOn)}`,
    },
    {
      title: text('col.status'),
      dataIndex: 'status',
      width: 170,
      render: (status: LegacyCertificatePreview['status']) => (
        <Tag color={STATUS_COLOR[status]}>{CERTIFICATE_STATUS_LABELS[status][language]}</Tag>
      ),
    },
  ];
  return (
    <div data-testid="legacy-preview">
      <Table<LegacyCertificatePreview>
        rowKey="row"
        size="small"
        scroll={{ x: 960 }}
        columns={columns}
        dataSource={[...preview]}
        pagination={preview.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        onRow={() => ({ 'data-testid': 'legacy-preview-row' }) as HTMLAttributes<HTMLElement>}
      />
    </div>
  );
}
