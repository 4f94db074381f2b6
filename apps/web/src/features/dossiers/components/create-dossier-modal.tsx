import type { CreateDossierBody, RoundView } from '@ocop/contracts/dossiers';
import { Alert, DatePicker, Form, Modal, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useFeedback } from '../../../components/feedback/feedback';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { DATE_FORMAT, formatIsoDate } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { useCreateDossier } from '../api/dossier-writes';
import { kindKey } from './dossier-labels';

type Values = { productId: string; roundId: string; kind: CreateDossierBody['kind']; certificateExpiresOn?: Dayjs | null };

/** A province round that still takes dossiers on `today` (yyyy-mm-dd, the server's rule). */
export function isFilingOpen(round: RoundView, today: string): boolean {
  return (
    round.level === 'province' && round.status === 'open' && (round.filingBy ?? round.proposalsBy) >= today && round.proposalsBy >= today
  );
}

/** The producer opens a dossier: which product, which open round, and what kind of evaluation. */
export function CreateDossierModal({
  open,
  onClose,
  products,
  rounds,
  today,
}: {
  open: boolean;
  onClose: () => void;
  products: readonly { value: string; label: string }[];
  rounds: readonly RoundView[];
  today: string;
}) {
  const { t } = useI18n();
  const { message } = useFeedback();
  const navigate = useNavigate();
  const create = useCreateDossier();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<unknown>(null);
  const kind = Form.useWatch('kind', form);
  const openRounds = rounds.filter((round) => isFilingOpen(round, today));

  const submit = (values: Values) => {
    setError(null);
    create.mutate(
      {
        productId: values.productId,
        roundId: values.roundId,
        kind: values.kind,
        ...(values.kind === 're_evaluation' && values.certificateExpiresOn
          ? { certificateExpiresOn: values.certificateExpiresOn.format('YYYY-MM-DD') }
          : {}),
      },
      {
        onSuccess: (view) => {
          message.success(t('dossier.created'));
          onClose();
          void navigate(`/dossiers/${view.id}`);
        },
        onError: setError,
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('dossier.create.title')}
      okText={t('dossier.create.submit')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: create.isPending, disabled: openRounds.length === 0, 'data-testid': 'create-dossier-ok' }}
      destroyOnHidden
    >
      {openRounds.length === 0 ? <Alert type="info" showIcon title={t('dossier.create.noOpenRound')} style={{ marginBottom: 12 }} /> : null}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{
          kind: 'first',
          productId: products.length === 1 ? products[0]?.value : undefined,
          roundId: openRounds.length === 1 ? openRounds[0]?.id : undefined,
        }}
        onValuesChange={() => setError(null)}
      >
        <Form.Item
          name="productId"
          label={t('dossier.create.product')}
          rules={[{ required: true, message: t('dossier.create.productRequired') }]}
        >
          <Select options={[...products]} showSearch={{ optionFilterProp: 'label' }} data-testid="create-product" />
        </Form.Item>
        <Form.Item
          name="roundId"
          label={t('dossier.create.round')}
          rules={[{ required: true, message: t('dossier.create.roundRequired') }]}
        >
          <Select
            data-testid="create-round"
            options={openRounds.map((round) => ({
              value: round.id,
              label: t('dossier.create.roundDates', { name: round.name, date: formatIsoDate(round.filingBy ?? round.proposalsBy) }),
            }))}
          />
        </Form.Item>
        <Form.Item name="kind" label={t('dossier.create.kind')}>
          <Radio.Group
            optionType="button"
            options={(['first', 'upgrade', 're_evaluation'] as const).map((value) => ({ value, label: t(kindKey(value)) }))}
          />
        </Form.Item>
        {kind === 're_evaluation' ? (
          <Form.Item name="certificateExpiresOn" label={t('dossier.create.expiresOn')} extra={t('dossier.create.expiresOnHint')}>
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
          </Form.Item>
        ) : null}
      </Form>
      {error ? <ErrorAlert error={error} /> : null}
    </Modal>
  );
}
