import { type Capability, can } from '@ocop/domain/shared';
import { useApiKeyTexts } from '../../features/api-keys/api-key-texts';
import { Form, Select } from 'antd';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/ui/page-header';
import { ApiKeysPanel } from '../../features/api-keys/components/api-keys-panel';
import { useProducerNames } from '../../features/producers/api/use-producer-names';
import { ProducerSelect } from '../../features/users/components/producer-select';
import { homeProvinceCode, useCurrentUser } from '../../lib/auth';

const MANAGE: Capability = 'api_keys.manage';

/**
 * "Khóa API": a producer member sees its own producer's keys at once (a member of several picks
 * one); a province administrator first picks a producer of the province. The choice is in the
 * address (`?producerId=`), so a reload or a shared link keeps it.
 */
export function ApiKeysPage() {
  const t = useApiKeyTexts();
  const { user } = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const ownProducers = [
    ...new Set(
      user.roles
        .filter((grant) => grant.role === 'producer_member' && grant.producerId)
        .map((grant) => grant.producerId as string)
        .filter((producerId) => can(user.roles, MANAGE, { producerId })),
    ),
  ];
  const picksAnyProducer = user.roles.some((grant) => grant.role !== 'producer_member' && can([grant], MANAGE));
  const nameOf = useProducerNames(ownProducers);
  const chosen = params.get('producerId') ?? (!picksAnyProducer && ownProducers.length === 1 ? ownProducers[0] : undefined);
  const choose = (producerId: string) => setParams({ producerId }, { replace: true });

  const picker = picksAnyProducer ? (
    <ProducerSelect provinceCode={homeProvinceCode(user)} value={chosen} onChange={choose} />
  ) : ownProducers.length > 1 ? (
    <Select<string>
      value={chosen}
      onChange={choose}
      options={ownProducers.map((id) => ({ value: id, label: nameOf(id) ?? id.slice(0, 8) }))}
      data-testid="api-key-producer"
    />
  ) : null;

  return (
    <>
      <PageHeader title={t('apiKeys.title')} description={t('apiKeys.intro')} />
      {picker ? (
        <Form layout="vertical" style={{ maxWidth: 480 }}>
          <Form.Item label={t('apiKeys.producer')}>{picker}</Form.Item>
        </Form>
      ) : null}
      {chosen ? <ApiKeysPanel key={chosen} producerId={chosen} /> : <p data-testid="api-key-choose">{t('apiKeys.chooseProducer')}</p>}
    </>
  );
}
