import { PageHeader } from '../../components/ui/page-header';
import { ImportHistory } from '../../features/imports/components/import-history';
import { ImportPanel } from '../../features/imports/components/import-panel';
import { homeProvinceCode, reachesEveryProvince, useCurrentUser } from '../../lib/auth';
import { useI18n } from '../../lib/i18n';

/** Spreadsheet import of producers and products (provincial staff). */
export function ImportsPage() {
  const { t } = useI18n();
  const { user } = useCurrentUser();
  // Provincial staff import into their own province; one whose imports reach every province names it.
  const provinceCode = reachesEveryProvince(user, 'imports.run') ? homeProvinceCode(user) : undefined;
  return (
    <>
      <PageHeader title={t('imports.title')} description={t('imports.intro')} />
      <ImportPanel provinceCode={provinceCode} />
      <ImportHistory provinceCode={provinceCode} />
    </>
  );
}
