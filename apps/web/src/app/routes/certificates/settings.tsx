import { Col, Row } from 'antd';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { PageHeader } from '../../../components/ui/page-header';
import { PageLoading } from '../../../components/ui/page-loading';
import { useProvinceUnits } from '../../../features/admin-units/api/get-province-units';
import { useCertificationSettings } from '../../../features/certificates/api/certificate-queries';
import { PlaceholderHelp, SettingsForm } from '../../../features/certificates/components/settings-form';
import { homeProvinceCode, useCurrentUser } from '../../../lib/auth';
import { CURRENT_MAP } from '../../../lib/communes';
import { useI18n } from '../../../lib/i18n';

/** "Cấu hình số": the province's certificate numbering pattern and expiring window. */
export function CertificateSettingsPage() {
  const { t } = useI18n();
  const { user } = useCurrentUser();
  const provinceCode = homeProvinceCode(user);
  const settings = useCertificationSettings(provinceCode);
  const units = useProvinceUnits(provinceCode, CURRENT_MAP);
  return (
    <>
      <PageHeader title={t('certSettings.title')} description={t('certSettings.intro')} />
      {settings.isPending ? <PageLoading /> : null}
      {settings.isError ? <ErrorAlert error={settings.error} /> : null}
      {settings.data ? (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={14}>
            <SettingsForm
              provinceCode={provinceCode}
              provinceName={units.data?.province.name ?? provinceCode}
              settings={settings.data}
              reload={settings.refetch}
            />
          </Col>
          <Col xs={24} lg={10}>
            <PlaceholderHelp />
          </Col>
        </Row>
      ) : null}
    </>
  );
}
