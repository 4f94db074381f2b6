import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Button, Flex } from 'antd';
import { Link } from 'react-router';
import { useFeedback } from '../../../components/feedback/feedback';
import { Panel } from '../../../components/ui/panel';
import { useI18n } from '../../../lib/i18n';
import { useCertificates } from '../api/certificate-queries';
import { useIssueCertificate } from '../api/certificate-writes';
import { certificateDetailPath } from './certificate-columns';
import { CertificateStatusTag } from './certificate-status-tag';

/**
 * On a recognised dossier's page: the certificate its decision issued. A dossier recognised before
 * certificates were issued on decisions has none; those who manage certificates may issue it here.
 */
export function DossierCertificatePanel({ dossierId, mayIssue }: { dossierId: string; mayIssue: boolean }) {
  const { t, describeError } = useI18n();
  const { message } = useFeedback();
  const list = useCertificates({ dossierId, pageSize: 1 });
  const issue = useIssueCertificate();
  const view = list.data?.items[0];
  if (list.isPending || list.isError) return null;
  return (
    <Panel title={t('dossierCertificate.title')} testId="dossier-certificate">
      {view ? (
        <Flex vertical gap={6} align="flex-start">
          <Link to={certificateDetailPath(view.id)}>
            <SafetyCertificateOutlined /> {t('dossierCertificate.link', { number: view.number })}
          </Link>
          <CertificateStatusTag status={view.status} daysLeft={view.daysLeft} />
        </Flex>
      ) : (
        <Flex vertical gap={8} align="flex-start">
          <span className="ocop-text-secondary">{t('dossierCertificate.none')}</span>
          {mayIssue ? (
            <Button
              loading={issue.isPending}
              onClick={() =>
                issue.mutate(
                  { dossierId },
                  {
                    onSuccess: (issued) => message.success(t('dossierCertificate.issued', { number: issued.number })),
                    onError: (error) => message.error(describeError(error)),
                  },
                )
              }
              data-testid="dossier-certificate-issue"
            >
              {t('dossierCertificate.issue')}
            </Button>
          ) : null}
        </Flex>
      )}
    </Panel>
  );
}
