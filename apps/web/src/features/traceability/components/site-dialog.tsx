import type { SiteView } from '@ocop/contracts/traceability';
import { SITE_ADDRESS_MAX_LENGTH, SITE_KIND_CODES, SITE_KINDS, SITE_NAME_MAX_LENGTH, type SiteKind } from '@ocop/domain/traceability';
import { Form, Input, Select } from 'antd';
import { useFeedback } from '../../../components/feedback/feedback';
import { RecordDialog } from '../../../components/ui/record-dialog';
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
  const { language } = useI18n();
  const t = useTraceabilityTexts();
  const { message } = useFeedback();
  const createSite = useCreateSite();
  const updateSite = useUpdateSite();

  const save = async (values: Values) => {
    const fields = {
      name: values.name.trim(),
      kind: values.kind,
      gln: text(values.gln),
      communeCode: values.communeCode ?? '',
      address: text(values.address),
    };
    const saved = site
      ? await updateSite.mutateAsync({ siteId: site.id, body: { ...fields, revision: site.revision } })
      : await createSite.mutateAsync({ producerId, ...fields });
    void message.success(t('site.saved', { name: saved.name }));
  };

  return (
    <RecordDialog<Values>
      title={site ? t('site.editTitle') : t('site.createTitle')}
      testId="site"
      fields={FIELDS}
      initialValues={site ?? { kind: 'farm' }}
      pending={createSite.isPending || updateSite.isPending}
      save={save}
      onClose={onClose}
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
    </RecordDialog>
  );
}
