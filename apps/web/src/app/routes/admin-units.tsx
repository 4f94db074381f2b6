import { PageHeader } from '../../components/ui/page-header';
import { AdminUnitBrowser } from '../../features/admin-units/components/admin-unit-browser';
import { homeProvinceCode, useCurrentUser } from '../../lib/auth';
import { useI18n } from '../../lib/i18n';

export function AdminUnitsPage() {
  const { t } = useI18n();
  const { user } = useCurrentUser();
  return (
    <>
      <PageHeader title={t('units.title')} description={t('units.intro')} />
      <AdminUnitBrowser defaultProvinceCode={homeProvinceCode(user)} />
    </>
  );
}
