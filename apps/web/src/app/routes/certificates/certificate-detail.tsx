import { ArrowLeftOutlined, FilePdfOutlined, SafetyCertificateOutlined, StopOutlined } from '@ant-design/icons';
import type { CertificateView } from '@ocop/contracts/certification';
import { can } from '@ocop/domain/shared';
import { Button, Col, Flex, Row } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { PageHeader } from '../../../components/ui/page-header';
import { PageLoading } from '../../../components/ui/page-loading';
import { certificatePdfUrl, useCertificate } from '../../../features/certificates/api/certificate-queries';
import {
  CertificateFacts,
  ReEvaluationPanel,
  RevocationPanel,
  StatusBanner,
} from '../../../features/certificates/components/certificate-details';
import { RevokeDialog } from '../../../features/certificates/components/revoke-dialog';
import { useRegimes } from '../../../features/criteria/api/criteria-queries';
import { useCurrentUser } from '../../../lib/auth';
import { useI18n } from '../../../lib/i18n';

function CertificatePage({ view }: { view: CertificateView }) {
  const { t } = useI18n();
  const { user } = useCurrentUser();
  const regimes = useRegimes();
  const [revoking, setRevoking] = useState(false);
  // The server checks the province again; the button follows the same capability table.
  const mayRevoke = can(user.roles, 'certificates.manage', { provinceCode: view.provinceCode }) && view.revocation === null;
  const regimeName = regimes.data?.find((regime) => regime.code === view.regimeCode)?.name ?? view.regimeCode;

  return (
    <>
      <PageHeader
        title={t('certificate.title', { number: view.number })}
        description={view.productName}
        extra={
          <Link to="/certificates">
            <Button icon={<ArrowLeftOutlined />}>{t('certificate.back')}</Button>
          </Link>
        }
      />
      <StatusBanner view={view} />
      <Row gutter={[16, 16]}>
        <Col xs={{ span: 24, order: 2 }} lg={{ span: 16, order: 1 }}>
          <Flex vertical gap={16}>
            <CertificateFacts view={view} regimeName={regimeName} />
            {view.revocation ? <RevocationPanel revocation={view.revocation} /> : null}
            {view.pendingReEvaluation ? <ReEvaluationPanel pending={view.pendingReEvaluation} /> : null}
          </Flex>
        </Col>
        <Col xs={{ span: 24, order: 1 }} lg={{ span: 8, order: 2 }}>
          <Flex vertical gap={8} data-testid="certificate-actions">
            <Button icon={<FilePdfOutlined />} href={certificatePdfUrl(view.id)} target="_blank" rel="noreferrer" block>
              {t('certificate.pdf')}
            </Button>
            <Button icon={<SafetyCertificateOutlined />} href={view.verificationUrl} target="_blank" rel="noreferrer" block>
              {t('certificate.verification')}
            </Button>
            {mayRevoke ? (
              <Button danger icon={<StopOutlined />} onClick={() => setRevoking(true)} block data-testid="revoke-open">
                {t('certificate.revoke')}
              </Button>
            ) : null}
          </Flex>
        </Col>
      </Row>
      {mayRevoke ? <RevokeDialog view={view} open={revoking} onClose={() => setRevoking(false)} /> : null}
    </>
  );
}

/** One certificate: its status first, then what it certifies, its revocation and its re-evaluation. */
export function CertificateDetailPage() {
  const { certificateId = '' } = useParams();
  const query = useCertificate(certificateId);
  if (query.isPending) return <PageLoading />;
  if (query.isError) return <ErrorAlert error={query.error} />;
  return <CertificatePage view={query.data} />;
}
