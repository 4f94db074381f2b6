import { reachOf } from '@ocop/domain/shared';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../../components/ui/page-header';
import { useServedProvinces } from '../../../features/admin-units/api/list-served-provinces';
import { ProducerForm } from '../../../features/producers/components/producer-form';
import { homeProvinceCode, reachesEveryProvince, useCurrentUser } from '../../../lib/auth';
import { useI18n } from '../../../lib/i18n';
import { canChangeProducerStatusIn } from '../../../lib/registry';
import { useCommuneChoices } from '../../registry-filters';
import { useFeedback } from '../../../components/feedback/feedback';

/** Registers a producer in the user's province (a system admin chooses the province). */
export function ProducerNewPage() {
  const { t } = useI18n();
  const { message } = useFeedback();
  const navigate = useNavigate();
  const { user } = useCurrentUser();
  const systemAdmin = reachesEveryProvince(user, 'producers.create');
  const served = useServedProvinces({ enabled: systemAdmin });
  const [provinceCode, setProvinceCode] = useState(() => homeProvinceCode(user));
  const communes = useCommuneChoices(provinceCode);
  // One who registers producers only in their own commune(s) is offered just those.
  const reach = reachOf(user.roles, 'producers.create');
  const provinceWide = reach === 'all' || reach.provinceCodes.includes(provinceCode);
  const ownCommunes = new Set(
    reach === 'all' ? [] : reach.communes.filter((c) => c.provinceCode === provinceCode).map((c) => c.communeCode),
  );
  const currentCommunes = provinceWide
    ? communes.currentCommunes
    : communes.currentCommunes.filter((option) => ownCommunes.has(option.value));

  return (
    <>
      <PageHeader title={t('producerForm.createTitle')} />
      <ProducerForm
        provinceCode={provinceCode}
        provinceOptions={systemAdmin ? (served.data ?? []).map((province) => ({ value: province.code, label: province.name })) : undefined}
        onProvinceChange={setProvinceCode}
        currentCommunes={currentCommunes}
        legacyCommunes={communes.legacyCommunes}
        communesLoading={communes.loading}
        canSetStatus={canChangeProducerStatusIn(user, provinceCode)}
        onCancel={() => void navigate(-1)}
        onSaved={(producer) => {
          void message.success(t('producerForm.created', { name: producer.name }));
          void navigate(`/producers/${producer.id}`, { replace: true });
        }}
      />
    </>
  );
}
