import {
  SALES_POINT_ADDRESS_MAX,
  SALES_POINT_HOURS_MAX,
  SALES_POINT_KIND_NAMES,
  SALES_POINT_NAME_MAX,
  type SalesPointView,
} from '@ocop/contracts/sales-points';
import { SALES_POINT_KINDS, SALES_POINT_STATUSES, type SalesPointKind, type SalesPointStatus } from '@ocop/domain/catalogue';
import { Flex, Form, Input, InputNumber, Select } from 'antd';
import { useFeedback } from '../../../components/feedback/feedback';
import { RecordDialog } from '../../../components/ui/record-dialog';
import { fieldFromDetails } from '../../../lib/form-errors';
import { useI18n } from '../../../lib/i18n';
import { selectOptionMatches } from '../../../lib/search';
import { useCreateSalesPoint, useUpdateSalesPoint } from '../api/sales-point-writes';
import { useSalesPointTexts } from '../sales-point-texts';

type Values = {
  name: string;
  kind: SalesPointKind;
  status: SalesPointStatus;
  communeCode?: string;
  legacyDistrictCode?: string | null;
  address?: string | null;
  hours?: string | null;
  lat?: number | null;
  lon?: number | null;
  websiteUrl?: string | null;
  phone?: string | null;
  operatorName?: string | null;
};
const FIELDS = [
  'name',
  'kind',
  'communeCode',
  'legacyDistrictCode',
  'address',
  'hours',
  'lat',
  'websiteUrl',
  'phone',
  'operatorName',
] as const;
/** The server names the location as one field; the form shows its error under the latitude. */
const fieldOf = (details: Readonly<Record<string, unknown>>) => (details.field === 'location' ? 'lat' : fieldFromDetails(details, FIELDS));

const text = (value: string | null | undefined) => {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
};

/** Registers a point or corrects one (the province's staff); the server's refusal shows at its field or in the dialog. */
export function SalesPointDialog({
  point,
  provinceCode,
  communeOptions,
  districtOptions,
  onClose,
}: {
  point?: SalesPointView;
  provinceCode: string;
  communeOptions: { value: string; label: string }[];
  districtOptions: { value: string; label: string }[];
  onClose: () => void;
}) {
  const { language } = useI18n();
  const t = useSalesPointTexts();
  const { message } = useFeedback();
  const create = useCreateSalesPoint();
  const update = useUpdateSalesPoint();

  const save = async (values: Values) => {
    const hasLocation = typeof values.lat === 'number' && typeof values.lon === 'number';
    const fields = {
      name: values.name.trim(),
      kind: values.kind,
      communeCode: values.communeCode ?? '',
      legacyDistrictCode: values.legacyDistrictCode ?? null,
      address: text(values.address),
      hours: text(values.hours),
      location: hasLocation ? { lat: values.lat as number, lon: values.lon as number } : null,
      websiteUrl: text(values.websiteUrl),
      phone: text(values.phone),
      operatorName: text(values.operatorName),
    };
    const saved = point
      ? await update.mutateAsync({ id: point.id, body: { ...fields, status: values.status, revision: point.revision } })
      : await create.mutateAsync({ provinceCode, ...fields });
    void message.success(t('salesPoint.saved', { name: saved.name }));
  };

  const initial: Partial<Values> = point
    ? { ...point, lat: point.location?.lat ?? null, lon: point.location?.lon ?? null }
    : { kind: 'showcase', status: 'active' };

  return (
    <RecordDialog<Values>
      title={point ? t('salesPoint.editTitle') : t('salesPoint.createTitle')}
      testId="sales-point"
      fields={FIELDS}
      fieldOf={fieldOf}
      initialValues={initial}
      pending={create.isPending || update.isPending}
      save={save}
      onClose={onClose}
    >
      <Form.Item
        name="name"
        label={t('salesPoint.name')}
        rules={[{ required: true, whitespace: true, message: t('salesPoint.nameRequired') }]}
      >
        <Input maxLength={SALES_POINT_NAME_MAX} />
      </Form.Item>
      <Form.Item name="kind" label={t('salesPoint.kind')}>
        <Select<SalesPointKind> options={SALES_POINT_KINDS.map((value) => ({ value, label: SALES_POINT_KIND_NAMES[value][language] }))} />
      </Form.Item>
      {point ? (
        <Form.Item name="status" label={t('salesPoint.status')}>
          <Select<SalesPointStatus> options={SALES_POINT_STATUSES.map((value) => ({ value, label: t(`salesPoint.status.${value}`) }))} />
        </Form.Item>
      ) : null}
      <Form.Item name="communeCode" label={t('salesPoint.commune')} rules={[{ required: true, message: t('salesPoint.communeRequired') }]}>
        <Select<string> showSearch={{ filterOption: selectOptionMatches }} options={communeOptions} />
      </Form.Item>
      <Form.Item name="legacyDistrictCode" label={t('salesPoint.legacyDistrict')}>
        <Select<string> allowClear showSearch={{ filterOption: selectOptionMatches }} options={districtOptions} />
      </Form.Item>
      <Form.Item name="address" label={t('salesPoint.address')}>
        <Input maxLength={SALES_POINT_ADDRESS_MAX} />
      </Form.Item>
      <Form.Item name="hours" label={t('salesPoint.hours')}>
        <Input maxLength={SALES_POINT_HOURS_MAX} />
      </Form.Item>
      <Flex gap={8}>
        <Form.Item name="lat" label={t('salesPoint.latitude')} extra={t('salesPoint.locationHint')} style={{ flex: 1 }}>
          <InputNumber min={-90} max={90} step={0.0001} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="lon" label={t('salesPoint.longitude')} style={{ flex: 1 }}>
          <InputNumber min={-180} max={180} step={0.0001} style={{ width: '100%' }} />
        </Form.Item>
      </Flex>
      <Form.Item name="websiteUrl" label={t('salesPoint.websiteUrl')}>
        <Input inputMode="url" maxLength={200} />
      </Form.Item>
      <Form.Item name="phone" label={t('salesPoint.phone')}>
        <Input inputMode="tel" maxLength={20} />
      </Form.Item>
      <Form.Item name="operatorName" label={t('salesPoint.operatorName')}>
        <Input maxLength={200} />
      </Form.Item>
    </RecordDialog>
  );
}
