import { errorMessage } from '@ocop/contracts/errors';
import type { CreateLotBody, LotView, UpdateLotBody } from '@ocop/contracts/traceability';
import { vietnamDate } from '@ocop/domain/registry';
import {
  checkLotCode,
  checkQuantity,
  LOT_CODE_MAX_LENGTH,
  LOT_UNIT_CODES,
  LOT_UNITS,
  type LotUnit,
  normalizeGrowingAreaCode,
} from '@ocop/domain/traceability';
import { Alert, Button, Col, DatePicker, Flex, Form, Input, Radio, Row, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { isApiError } from '../../../lib/api-client';
import { DATE_FORMAT } from '../../../lib/format';
import { type FieldPath, fieldFromDetails, SCROLL_TO_ERROR, showErrorOnFields } from '../../../lib/form-errors';
import { useI18n } from '../../../lib/i18n';
import { selectOptionMatches } from '../../../lib/search';
import { useCreateLot, useUpdateLot } from '../api/lot-writes';
import { useTraceabilityTexts } from '../traceability-texts';

/** A label carries one shelf-life date written one way or the other, or none (handicrafts). */
export type EndDateKind = 'expiry' | 'bestBefore' | 'none';

export type LotFormValues = {
  productId?: string;
  lotCode?: string;
  producedOn?: Dayjs | null;
  endDateKind?: EndDateKind;
  endDate?: Dayjs | null;
  quantity?: string;
  unit?: LotUnit;
  growingAreaCode?: string | null;
  growingAreaCommuneCode?: string | null;
  notes?: string | null;
};

export const LOT_FORM_FIELDS = [
  'productId',
  'lotCode',
  'producedOn',
  'endDateKind',
  'endDate',
  'quantity',
  'unit',
  'growingAreaCode',
  'growingAreaCommuneCode',
  'notes',
] as const;

const iso = (value: Dayjs) => value.format('YYYY-MM-DD');
const text = (value: string | null | undefined) => {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
};

/** Which form field a server error on a lot belongs to: the server names it in `details.field`. */
export function lotFieldForError(code: string, details: Readonly<Record<string, unknown>>): FieldPath | null {
  const named = fieldFromDetails(details, [...LOT_FORM_FIELDS, 'expiresOn', 'bestBefore']);
  if (named === 'expiresOn' || named === 'bestBefore') return 'endDate';
  if (named) return named;
  if (code === 'lot.code_taken') return 'lotCode';
  if (code.startsWith('product.')) return 'productId';
  if (code.startsWith('admin_unit.') || code.startsWith('lot.growing_area_commune')) return 'growingAreaCommuneCode';
  return null;
}

export function valuesFromLot(lot: LotView): LotFormValues {
  return {
    productId: lot.productId,
    lotCode: lot.lotCode,
    producedOn: dayjs(lot.producedOn),
    endDateKind: lot.expiresOn ? 'expiry' : lot.bestBefore ? 'bestBefore' : 'none',
    endDate: lot.expiresOn ? dayjs(lot.expiresOn) : lot.bestBefore ? dayjs(lot.bestBefore) : null,
    quantity: String(lot.quantity),
    unit: lot.unit,
    growingAreaCode: lot.growingAreaCode,
    growingAreaCommuneCode: lot.growingAreaCommuneCode,
    notes: lot.notes,
  };
}

function fieldsBody(values: LotFormValues) {
  const end = values.endDate && values.endDateKind !== 'none' ? iso(values.endDate) : null;
  return {
    lotCode: values.lotCode?.trim() ?? '',
    producedOn: values.producedOn ? iso(values.producedOn) : '',
    expiresOn: values.endDateKind === 'expiry' ? end : null,
    bestBefore: values.endDateKind === 'bestBefore' ? end : null,
    quantity: values.quantity?.trim() ?? '',
    unit: values.unit ?? 'kg',
    growingAreaCode: text(values.growingAreaCode),
    growingAreaCommuneCode: values.growingAreaCommuneCode || null,
    notes: text(values.notes),
  };
}

export const createLotBodyOf = (values: LotFormValues): CreateLotBody => ({ productId: values.productId ?? '', ...fieldsBody(values) });
export const updateLotBodyOf = (values: LotFormValues, revision: number): UpdateLotBody => ({ ...fieldsBody(values), revision });

/**
 * Records a production lot or corrects one, one column on a phone. Lot code, quantity and growing
 * area are checked as typed with the same rules as the server (`@ocop/domain/traceability`), so a
 * field reads the same text before and after saving; the dates' order is the server's to judge.
 */
export function LotForm({
  lot,
  productId,
  productOptions,
  productsLoading,
  onProductSearch,
  onProductChange,
  communeOptions,
  communesLoading,
  onSaved,
  onCancel,
  onReload,
}: {
  lot?: LotView;
  /** The product of a new lot when the page already knows it (`?productId=`, or the producer's only one). */
  productId?: string;
  productOptions: { value: string; label: string }[];
  productsLoading?: boolean;
  onProductSearch?: (text: string) => void;
  /** The page loads the communes of the chosen product's province. */
  onProductChange?: (productId: string | undefined) => void;
  communeOptions: { value: string; label: string }[];
  communesLoading?: boolean;
  onSaved: (lot: LotView) => void;
  onCancel: () => void;
  onReload?: () => Promise<LotView | undefined>;
}) {
  const { language, describeError } = useI18n();
  const t = useTraceabilityTexts();
  const [form] = Form.useForm<LotFormValues>();
  const createLot = useCreateLot();
  const updateLot = useUpdateLot();
  const [formError, setFormError] = useState<unknown>(null);
  const [revision, setRevision] = useState(lot?.revision ?? 1);
  const endDateKind = Form.useWatch('endDateKind', form) ?? (lot ? valuesFromLot(lot).endDateKind : 'expiry');
  const submitting = createLot.isPending || updateLot.isPending;
  const stale = isApiError(formError) && formError.code === 'lot.stale_revision';
  const today = vietnamDate(new Date());
  const codeText = (code: string) => errorMessage(code, language);

  const submit = async (values: LotFormValues) => {
    setFormError(null);
    try {
      const saved = lot
        ? await updateLot.mutateAsync({ lotId: lot.id, body: updateLotBodyOf(values, revision) })
        : await createLot.mutateAsync(createLotBodyOf(values));
      setRevision(saved.revision);
      onSaved(saved);
    } catch (error) {
      const placed = showErrorOnFields(form, error, lotFieldForError, describeError, LOT_FORM_FIELDS);
      if (!placed) setFormError(error);
    }
  };

  const reload = async () => {
    const latest = await onReload?.();
    if (!latest) return;
    setRevision(latest.revision);
    form.resetFields();
    form.setFieldsValue(valuesFromLot(latest));
    setFormError(null);
  };

  const half = { xs: 24, sm: 12 } as const;
  return (
    <Form<LotFormValues>
      noValidate
      form={form}
      layout="vertical"
      size="large"
      disabled={submitting}
      onFinish={(values) => void submit(values)}
      initialValues={lot ? valuesFromLot(lot) : { productId, producedOn: dayjs(), endDateKind: 'expiry', unit: 'kg' }}
      onValuesChange={(changed: Partial<LotFormValues>) => {
        if (!stale) setFormError(null);
        if ('productId' in changed) {
          form.setFieldValue('growingAreaCommuneCode', null);
          onProductChange?.(changed.productId);
        }
      }}
      scrollToFirstError={SCROLL_TO_ERROR}
      data-testid="lot-form"
      style={{ maxWidth: 760 }}
    >
      <Form.Item name="productId" label={t('lot.product')} rules={[{ required: true, message: t('lot.productRequired') }]}>
        <Select<string>
          showSearch={onProductSearch ? { filterOption: false, onSearch: onProductSearch } : { filterOption: selectOptionMatches }}
          options={productOptions}
          loading={productsLoading}
          disabled={lot !== undefined}
          placeholder={t('lot.productPlaceholder')}
        />
      </Form.Item>
      <Row gutter={12}>
        <Col {...half}>
          <Form.Item
            name="lotCode"
            label={t('lot.lotCode')}
            extra={t('lot.lotCodeHint')}
            validateTrigger={['onBlur', 'onSubmit']}
            rules={[
              { required: true, whitespace: true, message: t('lot.lotCodeRequired') },
              {
                validator: async (_, value: string | undefined) => {
                  if (!value?.trim()) return;
                  if (!checkLotCode(value).ok) throw new Error(codeText('lot.code_invalid'));
                },
              },
            ]}
          >
            <Input maxLength={LOT_CODE_MAX_LENGTH + 10} autoCapitalize="characters" style={{ fontFamily: 'monospace' }} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="producedOn" label={t('lot.producedOn')} rules={[{ required: true, message: t('lot.producedOnRequired') }]}>
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} inputReadOnly disabledDate={(value) => iso(value) > today} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="endDateKind" label={t('lot.endDateKind')}>
        <Radio.Group
          options={[
            { value: 'expiry', label: t('lot.expiresOn') },
            { value: 'bestBefore', label: t('lot.bestBefore') },
            { value: 'none', label: t('lot.noEndDate') },
          ]}
          style={{ display: 'flex', flexWrap: 'wrap', rowGap: 12 }}
        />
      </Form.Item>
      {endDateKind !== 'none' ? (
        <Form.Item
          name="endDate"
          label={endDateKind === 'expiry' ? t('lot.expiresOn') : t('lot.bestBefore')}
          dependencies={['endDateKind']}
          rules={[
            ({ getFieldValue }) => ({
              // Read at submit: the item may still be registered for a moment after "no date" was chosen.
              required: getFieldValue('endDateKind') !== 'none',
              message: t('lot.endDateRequired'),
            }),
          ]}
        >
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} inputReadOnly />
        </Form.Item>
      ) : null}
      <Row gutter={12}>
        <Col xs={14} sm={12}>
          <Form.Item
            name="quantity"
            label={t('lot.quantity')}
            validateTrigger={['onBlur', 'onSubmit']}
            rules={[
              { required: true, whitespace: true, message: t('lot.quantityRequired') },
              {
                validator: async (_, value: string | undefined) => {
                  if (!value?.trim()) return;
                  if (!checkQuantity(value).ok) throw new Error(codeText('lot.quantity_invalid'));
                },
              },
            ]}
          >
            <Input inputMode="decimal" maxLength={20} />
          </Form.Item>
        </Col>
        <Col xs={10} sm={12}>
          <Form.Item name="unit" label={t('lot.unit')} rules={[{ required: true, message: t('lot.unitRequired') }]}>
            <Select<LotUnit> options={LOT_UNIT_CODES.map((value) => ({ value, label: LOT_UNITS[value][language] }))} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col {...half}>
          <Form.Item
            name="growingAreaCode"
            label={t('lot.growingAreaCode')}
            extra={t('lot.growingAreaCodeHint')}
            validateTrigger={['onBlur', 'onSubmit']}
            rules={[
              {
                validator: async (_, value: string | null | undefined) => {
                  if (normalizeGrowingAreaCode(value) === undefined) throw new Error(codeText('lot.growing_area_code_invalid'));
                },
              },
            ]}
          >
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col {...half}>
          <Form.Item name="growingAreaCommuneCode" label={t('lot.growingAreaCommune')}>
            <Select<string>
              allowClear
              showSearch={{ filterOption: selectOptionMatches }}
              options={communeOptions}
              loading={communesLoading}
              placeholder={t('lot.growingAreaCommunePlaceholder')}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="notes" label={t('lot.notes')}>
        <Input.TextArea maxLength={2000} autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      {formError ? (
        <Alert
          type={stale ? 'warning' : 'error'}
          showIcon
          role="alert"
          title={describeError(formError)}
          description={stale && onReload ? t('form.staleHint') : undefined}
          action={
            stale && onReload ? (
              <Button size="small" onClick={() => void reload()}>
                {t('form.reloadLatest')}
              </Button>
            ) : undefined
          }
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Flex justify="flex-end" gap={8} wrap>
        <Button onClick={onCancel} disabled={submitting}>
          {t('common.cancel')}
        </Button>
        <Button type="primary" htmlType="submit" loading={submitting} data-testid="lot-save">
          {t('common.save')}
        </Button>
      </Flex>
    </Form>
  );
}
