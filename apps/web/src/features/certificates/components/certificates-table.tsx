import type { CertificatePage, CertificateView } from '@ocop/contracts/certification';
import { Table, type TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../../../lib/i18n';
import { useMediaQuery } from '../../../lib/use-media-query';
import { CertificateCard, certificateDetailPath, listColumns, ROOMY_QUERY } from './certificate-columns';

/** Certificates a page at a time; a row opens the certificate; on a phone each row is a card. */
export function CertificatesTable({
  page,
  loading,
  onPageChange,
}: {
  page: CertificatePage | undefined;
  loading: boolean;
  onPageChange: (page: number, pageSize: number) => void;
}) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const wide = useMediaQuery('(min-width: 768px)');
  const roomy = useMediaQuery(ROOMY_QUERY);
  const columns: TableColumnsType<CertificateView> = wide
    ? listColumns(t, roomy)
    : [{ title: t('certificates.col.number'), key: 'card', render: (_, view) => <CertificateCard view={view} /> }];

  return (
    <Table<CertificateView>
      rowKey="id"
      size="middle"
      loading={loading}
      columns={columns}
      dataSource={page?.items ?? []}
      showHeader={wide}
      rowClassName="ocop-clickable-row"
      onRow={(view) =>
        ({ 'data-testid': 'certificate-row', onClick: () => void navigate(certificateDetailPath(view.id)) }) as HTMLAttributes<HTMLElement>
      }
      scroll={wide ? { x: 900 } : undefined}
      locale={{ emptyText: t('certificates.empty') }}
      pagination={{
        current: page?.page ?? 1,
        pageSize: page?.pageSize ?? 20,
        total: page?.total ?? 0,
        showSizeChanger: wide,
        pageSizeOptions: [10, 20, 50, 100],
        showTotal: (total) => t('common.total', { total }),
        onChange: onPageChange,
      }}
    />
  );
}
