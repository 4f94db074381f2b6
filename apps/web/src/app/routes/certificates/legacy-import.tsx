import { PageHeader } from '../../../components/ui/page-header';
import { LegacyImportPanel } from '../../../features/certificates/legacy/components/legacy-import-panel';
import { useLegacyTexts } from '../../../features/certificates/legacy/legacy-texts';
import { homeProvinceCode, reachesEveryProvince, useCurrentUser } from '../../../lib/auth';

/** Certificates issued before the system (former district committees and the province), imported from the legacy template. */
export function LegacyImportPage() {
  const text = useLegacyTexts();
  const { user } = useCurrentUser();
  // Provincial staff import into their own province; one whose reach is every province names it.
  const provinceCode = reachesEveryProvince(user, 'certificates.manage') ? homeProvinceCode(user) : undefined;
  return (
    <>
      <PageHeader title={text('title')} description={text('intro')} />
      <LegacyImportPanel provinceCode={provinceCode} />
    </>
  );
}
