import { Card, Flex, Typography } from 'antd';
import { Link } from 'react-router';
import { formatIsoDate } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { useCertificates } from '../api/certificate-queries';
import { certificateDetailPath } from './certificate-columns';
import { CertificateStatusTag, Stars, validUntilOf } from './certificate-status-tag';

/** "Giấy chứng nhận OCOP" on a product's page: its certificates, newest first, each with its status today. */
export function ProductCertificatesCard({ productId }: { productId: string }) {
  const { t } = useI18n();
  const list = useCertificates({ productId, pageSize: 20 });
  const items = list.data?.items ?? [];
  return (
    <Card title={t('productCertificates.title')} loading={list.isPending} data-testid="product-certificates">
      {items.length === 0 ? (
        <Typography.Text type="secondary">{t('productCertificates.empty')}</Typography.Text>
      ) : (
        <Flex vertical gap={12}>
          {items.map((view) => (
            <Flex key={view.id} gap={8} wrap align="center" justify="space-between" data-testid="product-certificate">
              <Flex vertical gap={2} style={{ minWidth: 0 }}>
                <Link to={certificateDetailPath(view.id)} style={{ fontWeight: 600 }}>
                  {view.number}
                </Link>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  <Stars stars={view.stars} /> · {view.issuer.name} · {formatIsoDate(view.issuedOn)} – {formatIsoDate(validUntilOf(view))}
                </Typography.Text>
              </Flex>
              <CertificateStatusTag status={view.status} daysLeft={view.daysLeft} />
            </Flex>
          ))}
        </Flex>
      )}
    </Card>
  );
}
