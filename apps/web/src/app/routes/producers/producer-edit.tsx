import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { PageHeader } from '../../../components/ui/page-header';
import { PageLoading } from '../../../components/ui/page-loading';
import { producerQueryOptions, useProducer } from '../../../features/producers/api/get-producer';
import { ProducerForm } from '../../../features/producers/components/producer-form';
import { useCurrentUser } from '../../../lib/auth';
import { useI18n } from '../../../lib/i18n';
import { canEditProducerAt, canEditProducerIdentityAt } from '../../../lib/registry';
import { useCommuneChoices } from '../../registry-filters';
import { ForbiddenResult } from '../../../components/forbidden-result';
import { useFeedback } from '../../../components/feedback/feedback';

/** Changes a producer; the form sends the version it read. */
export function ProducerEditPage() {
  const { producerId = '' } = useParams();
  const { t } = useI18n();
  const { message } = useFeedback();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { user } = useCurrentUser();
  const producer = useProducer(producerId);
  const communes = useCommuneChoices(producer.data?.provinceCode ?? '');

  if (producer.isPending) return <PageLoading />;
  if (producer.isError) return <ErrorAlert error={producer.error} />;
  const place = { producerId: producer.data.id, provinceCode: producer.data.provinceCode, communeCode: producer.data.communeCode };
  if (!canEditProducerAt(user, place)) return <ForbiddenResult />;

  return (
    <>
      <PageHeader title={t('producerForm.editTitle', { name: producer.data.name })} />
      <ProducerForm
        key={producer.data.id}
        producer={producer.data}
        provinceCode={producer.data.provinceCode}
        currentCommunes={communes.currentCommunes}
        legacyCommunes={communes.legacyCommunes}
        communesLoading={communes.loading}
        canSetStatus={false}
        identityLocked={!canEditProducerIdentityAt(user, place)}
        onCancel={() => void navigate(`/producers/${producerId}`)}
        onReload={() => queryClient.fetchQuery({ ...producerQueryOptions(producerId), staleTime: 0 })}
        onSaved={(saved) => {
          void message.success(t('producerForm.saved', { name: saved.name }));
          void navigate(`/producers/${saved.id}`);
        }}
      />
    </>
  );
}
