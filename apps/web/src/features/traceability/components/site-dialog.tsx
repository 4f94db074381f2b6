import type { SiteView } from '@ocop/contracts/traceability';
import { SITE_ADDRESS_MAX_LENGTH, SITE_KIND_CODES, SITE_KINDS, SITE_NAME_MAX_LENGTH, type SiteKind } from '@ocop/domain/traceability';
import { Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useFeedback } from '../../../components/feedback/feedback';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { fieldFromDetails, showErrorOnFields } from '../../../lib/form-errors';
import { useI18n } from '../../../lib/i18n';
import { selectOptionMatches } from '../../../lib/search';
import { useCreateSite, useUpdateSite } from '../api/site-writes';
import { useTraceabilityTexts } from '../traceability-texts';

type Values = { name: string; kind: SiteKind; gln?: string | null; communeCode?: string; address?: string | null };
const FIELDS = ['name', 'kind', 'gln', 'communeCode', 'address'] as const;

const text = (value: string | null | undefined) => {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
};

/** Adds a site to a producer or corrects one; the server's refusal shows at its field or in the dialog. */
export function SiteDialog({
  site,
  producerId,
  communeOptions,
  onClose,
}: {
  /** The site to correct; none to add one. */
  site?: SiteView;
  producerId: string;
  communeOptions: { value: string; label: string }[];
  onClose: () => void;
}) {
  const { language, describeError } = useI18n();
  const t = useTraceabilityTexts();
  const { message } = useFeedback();
  const [form] = Form.useForm<Values>();
  const createSite = useCreateSite();
  const updateSite = useUpdateSite();
  const [error, setError] = useState<unknown>(null);
  const pending = createSite.isPending || updateSite.isPending;

  const submit = async (values: Values) => {
    setError(null);
    const fields = {
      name: values.name.trim(),
      kind: values.kind,
      gln: text(values.gln),
      communeCode: values.communeCode ?? '',
      address: text(values.address),
    };
    try {
      const saved = site
        ? await updateSite.mutateAsync({ siteId: site.id, body: { ...fields, revision: site.revision } })
        : await createSite.mutateAsync({ producerId, ...fields });
      void message.success(t('site.saved', { name: saved.name }));
      onClose();
    } catch (failure) {
      const placed = showErrorOnFields(form, failure, (_code, details) => fieldFromDetails(details, FIELDS), describeError, FIELDS);
      if (!placed) setError(failure);
    }
  };

  return (
    <Modal
      open
      title={site ? t('site.editTitle') : t('site.createTitle')}
      okText={t('common.save')}
      okButtonProps={{ loading: pending, size: 'large', ...{ 'data-testid': 'site-save' } }}
      cancelButtonProps={{ size: 'large' }}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        size="large"
        disabled={pending}
        initialValues={site ?? { kind: 'farm' }}
        onValuesChange={() => setError(null)}
        onFinish={(values) => void submit(values)}
        data-testid="site-form"
      >
        <Form.Item name="name" label={t('site.name')} rules={[{ required: true, whitespace: true, message: t('site.nameRequired') }]}>
          <Input maxLength={SITE_NAME_MAX_LENGTH} />
        </Form.Item>
        <Form.Item name="kind" label={t('site.kind')}>
          <Select<SiteKind> options={SITE_KIND_CODES.map((value) => ({ value, label: SITE_KINDS[value][language] }))} />
        </Form.Item>
        <Form.Item name="communeCode" label={t('site.commune')} rules={[{ required: true, message: t('site.communeRequired') }]}>
          <Select<string> showSearch={{ filterOption: selectOptionMatches }} options={communeOptions} />
        </Form.Item>
        <Form.Item name="address" label={t('site.address')}>
          <Input maxLength={SITE_ADDRESS_MAX_LENGTH} />
        </Form.Item>
        <Form.Item name="gln" label={t('site.gln')} extra={t('site.glnHint')}>
          <Input inputMode="numeric" maxLength={20} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
      </Form>
      {error ? <ErrorAlert error={error} /> : null}
    </Modal>
  );
}
