import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { errorMessage } from '@ocop/contracts/errors';
import type { LotView, SiteView, StepRecordedView } from '@ocop/contracts/traceability';
import {
  checkQuantity,
  LOT_UNITS,
  type LotUnit,
  PACKING_CARTONS_MAX,
  PROCESSING_INPUTS_MAX,
  SITE_KINDS,
  STEP_NOTE_MAX_LENGTH,
  STEP_TIME_FUTURE_TOLERANCE_MS,
  type StepKind,
} from '@ocop/domain/traceability';
import { Alert, Button, DatePicker, Flex, Form, type FormInstance, Input, InputNumber, Radio, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { isApiError } from '../../../lib/api-client';
import { DATE_TIME_FORMAT } from '../../../lib/format';
import { type FieldPath, SCROLL_TO_ERROR } from '../../../lib/form-errors';
import { useI18n } from '../../../lib/i18n';
import { selectOptionMatches } from '../../../lib/search';
import { useRecordStep } from '../api/record-step';
import { defaultSiteId, recordStepBodyOf, type StepFormValues, stepFieldOfPath, stepHasDestination, stepHasSite } from './step-body';
import { useTraceabilityTexts } from '../traceability-texts';

/** A lot that may go into a processing: its code (what the select shows once chosen), its product and unit. */
export type InputLotOption = { value: string; label: string; productName?: string; unit: LotUnit };

/** Puts a server error next to its field (zod issues, or a domain error's `details.field`); false when none fits. */
function placeStepError(form: FormInstance<StepFormValues>, error: unknown, describe: (error: unknown) => string): boolean {
  if (!isApiError(error)) return false;
  const message = describe(error);
  const paths: FieldPath[] = [];
  if (error.code === 'request.invalid' && Array.isArray(error.details.issues)) {
    for (const issue of error.details.issues as { path?: unknown }[]) {
      const field = stepFieldOfPath(issue.path);
      if (field !== null) paths.push(field);
    }
  } else if (error.details.field !== undefined) {
    const field = stepFieldOfPath(error.details.field);
    if (field !== null) paths.push(field);
  }
  if (paths.length === 0) return false;
  form.setFields(paths.map((name) => ({ name: name as never, errors: [message] })));
  return true;
}

/**
 * The phone form of one step of a lot: short, large controls, the time set to now and the site
 * to the producer's likeliest one. Quantities are checked as typed with the server's rule; what
 * the server still refuses shows next to its field, or above the buttons, in the user's language.
 */
export function StepForm({
  kind,
  lot,
  sites,
  sitesLoading,
  inputLotOptions = [],
  communeOptions,
  onRecorded,
  onCancel,
}: {
  kind: StepKind;
  lot: LotView;
  sites: readonly SiteView[];
  sitesLoading?: boolean;
  /** Processing: the producer's other lots that may go into this one. */
  inputLotOptions?: readonly InputLotOption[];
  /** Shipping and receiving: the communes of a sales point outside the producer. */
  communeOptions: { value: string; label: string }[];
  onRecorded: (recorded: StepRecordedView) => void;
  onCancel: () => void;
}) {
  const { language, describeError } = useI18n();
  const t = useTraceabilityTexts();
  const [form] = Form.useForm<StepFormValues>();
  const record = useRecordStep(lot.id);
  const [formError, setFormError] = useState<unknown>(null);
  const unit = LOT_UNITS[lot.unit][language];
  const destinationKind = Form.useWatch('destinationKind', form);
  const cartonCount = Form.useWatch('cartonCount', form);
  const perCarton = Form.useWatch('quantityPerCarton', form);
  const inputs = Form.useWatch('inputs', form);
  const quantityRule = {
    validator: async (_: unknown, value: string | undefined) => {
      if (value?.trim() && !checkQuantity(value).ok) throw new Error(errorMessage('lot.quantity_invalid', language));
    },
  };
  const shopSite = sites.find((site) => site.kind === 'shop');
  const siteOptions = sites.map((site) => ({ value: site.id, label: `${site.name} · ${SITE_KINDS[site.kind][language]}` }));

  const submit = async (values: StepFormValues) => {
    setFormError(null);
    try {
      onRecorded(await record.mutateAsync(recordStepBodyOf(kind, values)));
    } catch (error) {
      if (!placeStepError(form, error, describeError)) setFormError(error);
    }
  };

  const perCartonCheck = perCarton ? checkQuantity(perCarton) : null;
  const packingTotal = cartonCount && perCartonCheck?.ok ? Math.round(cartonCount * Number(perCartonCheck.quantity) * 1000) / 1000 : null;
  const inputLotUnit = (lotId: string | undefined) => inputLotOptions.find((option) => option.value === lotId)?.unit;
  const chosenInputs = new Set((inputs ?? []).map((input) => input?.lotId).filter(Boolean));

  return (
    <Form<StepFormValues>
      noValidate
      form={form}
      layout="vertical"
      size="large"
      disabled={record.isPending}
      onFinish={(values) => void submit(values)}
      onValuesChange={() => setFormError(null)}
      initialValues={{
        eventTime: dayjs(),
        siteId: defaultSiteId(kind, sites),
        inputs: kind === 'processing' ? [{}] : undefined,
        cartonCount: kind === 'packing' ? 1 : undefined,
        destinationKind: kind === 'receiving' && shopSite ? 'site' : 'salesPoint',
        destinationSiteId: shopSite?.id,
      }}
      scrollToFirstError={SCROLL_TO_ERROR}
      data-testid={`step-form-${kind}`}
      style={{ maxWidth: 560 }}
    >
      <Form.Item
        name="eventTime"
        label={t('step.eventTime')}
        rules={[
          { required: true, message: t('step.eventTimeRequired') },
          {
            validator: async (_, value: Dayjs | null | undefined) => {
              if (value && value.valueOf() > Date.now() + STEP_TIME_FUTURE_TOLERANCE_MS) throw new Error(t('step.eventTimeFuture'));
            },
          },
        ]}
      >
        <DatePicker showTime={{ format: 'HH:mm' }} format={DATE_TIME_FORMAT} style={{ width: '100%' }} inputReadOnly needConfirm={false} />
      </Form.Item>

      {stepHasSite(kind) ? (
        <Form.Item
          name="siteId"
          label={kind === 'shipping' ? t('step.fromSite') : t('step.site')}
          rules={[{ required: true, message: t('step.siteRequired') }]}
          extra={
            !sitesLoading && sites.length === 0 ? (
              <span>
                {t('step.noSites')} <Link to="/traceability/sites">{t('step.addSite')}</Link>
              </span>
            ) : undefined
          }
        >
          <Select<string> options={siteOptions} loading={sitesLoading} placeholder={t('step.sitePlaceholder')} />
        </Form.Item>
      ) : null}

      {kind === 'processing' ? (
        <Form.Item label={t('step.inputs')} extra={t('step.inputsHint')} required>
          <Form.List
            name="inputs"
            rules={[
              {
                validator: async (_, value: unknown[] | undefined) => {
                  if (!value || value.length === 0) throw new Error(t('step.inputsRequired'));
                },
              },
            ]}
          >
            {(items, { add, remove }, { errors }) => (
              <Flex vertical gap={8}>
                {items.map((item) => {
                  const itemUnit = inputLotUnit(inputs?.[item.name]?.lotId);
                  return (
                    <Flex key={item.key} gap={8} align="flex-start" wrap={false} data-testid="step-input-row">
                      <Form.Item
                        name={[item.name, 'lotId']}
                        rules={[{ required: true, message: t('step.inputLotRequired') }]}
                        style={{ flex: '1 1 60%', minWidth: 0, marginBottom: 0 }}
                      >
                        <Select<string>
                          showSearch={{ filterOption: selectOptionMatches }}
                          options={inputLotOptions.map((option) => ({
                            value: option.value,
                            label: option.label,
                            productName: option.productName,
                            disabled: chosenInputs.has(option.value) && inputs?.[item.name]?.lotId !== option.value,
                          }))}
                          // The list names each lot's product; the chosen one shows its code alone, which fits a phone.
                          optionRender={(option) =>
                            option.data.productName ? `${option.data.label} · ${option.data.productName}` : option.data.label
                          }
                          placeholder={t('step.inputLot')}
                          aria-label={t('step.inputLotNumber', { n: item.name + 1 })}
                          popupMatchSelectWidth={false}
                        />
                      </Form.Item>
                      <Form.Item
                        name={[item.name, 'quantity']}
                        rules={[{ required: true, whitespace: true, message: t('step.inputQuantityRequired') }, quantityRule]}
                        validateTrigger={['onBlur', 'onSubmit']}
                        style={{ flex: '1 1 40%', minWidth: 0, marginBottom: 0 }}
                      >
                        <Input
                          inputMode="decimal"
                          maxLength={20}
                          suffix={itemUnit ? LOT_UNITS[itemUnit][language] : undefined}
                          placeholder={t('step.inputQuantity')}
                          aria-label={t('step.inputQuantityNumber', { n: item.name + 1 })}
                        />
                      </Form.Item>
                      {items.length > 1 ? (
                        <Button
                          type="text"
                          danger
                          icon={<DeleteOutlined />}
                          aria-label={t('step.removeInput')}
                          title={t('step.removeInput')}
                          onClick={() => remove(item.name)}
                        />
                      ) : null}
                    </Flex>
                  );
                })}
                {items.length < PROCESSING_INPUTS_MAX ? (
                  <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} block>
                    {t('step.addInput')}
                  </Button>
                ) : null}
                <Form.ErrorList errors={errors} />
              </Flex>
            )}
          </Form.List>
        </Form.Item>
      ) : null}

      {kind === 'packing' ? (
        <>
          <Flex gap={8} align="flex-start">
            <Form.Item
              name="cartonCount"
              label={t('step.cartonCount')}
              rules={[{ required: true, message: t('step.cartonCountRequired') }]}
              style={{ flex: '1 1 45%', minWidth: 0 }}
            >
              <InputNumber min={1} max={PACKING_CARTONS_MAX} precision={0} inputMode="numeric" style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item
              name="quantityPerCarton"
              label={t('step.quantityPerCarton', { unit })}
              rules={[{ required: true, whitespace: true, message: t('step.quantityPerCartonRequired') }, quantityRule]}
              validateTrigger={['onBlur', 'onSubmit']}
              style={{ flex: '1 1 55%', minWidth: 0 }}
            >
              <Input inputMode="decimal" maxLength={20} suffix={unit} />
            </Form.Item>
          </Flex>
          <Typography.Paragraph data-testid="packing-total" style={{ marginTop: -8 }}>
            {packingTotal !== null
              ? t('step.packingTotal', { count: cartonCount ?? 0, total: packingTotal, unit, lotQuantity: lot.quantity })
              : t('step.packingHint', { max: PACKING_CARTONS_MAX })}
          </Typography.Paragraph>
        </>
      ) : null}

      {stepHasDestination(kind) ? (
        <>
          <Form.Item name="destinationKind" label={kind === 'shipping' ? t('step.destination') : t('step.receivedAt')}>
            <Radio.Group
              optionType="button"
              options={[
                { value: 'salesPoint', label: t('step.destination.salesPoint') },
                { value: 'site', label: t('step.destination.ownSite'), disabled: sites.length === 0 },
              ]}
            />
          </Form.Item>
          {destinationKind === 'site' ? (
            <Form.Item
              name="destinationSiteId"
              label={t('step.destinationSite')}
              rules={[{ required: true, message: t('step.siteRequired') }]}
            >
              <Select<string> options={siteOptions} loading={sitesLoading} placeholder={t('step.sitePlaceholder')} />
            </Form.Item>
          ) : (
            <>
              <Form.Item
                name="destinationName"
                label={t('step.destinationName')}
                rules={[{ required: true, whitespace: true, message: t('step.destinationNameRequired') }]}
              >
                <Input maxLength={200} placeholder={t('step.destinationNamePlaceholder')} />
              </Form.Item>
              <Form.Item
                name="destinationCommuneCode"
                label={t('step.destinationCommune')}
                rules={[{ required: true, message: t('step.destinationCommuneRequired') }]}
              >
                <Select<string>
                  showSearch={{ filterOption: selectOptionMatches }}
                  options={communeOptions}
                  placeholder={t('lot.growingAreaCommunePlaceholder')}
                />
              </Form.Item>
            </>
          )}
        </>
      ) : null}

      {kind !== 'packing' ? (
        <Form.Item
          name="quantity"
          label={kind === 'processing' ? t('step.outputQuantity', { unit }) : t('step.quantity', { unit })}
          extra={t('step.quantityDefault', { quantity: lot.quantity, unit })}
          rules={[quantityRule]}
          validateTrigger={['onBlur', 'onSubmit']}
        >
          <Input inputMode="decimal" maxLength={20} suffix={unit} placeholder={String(lot.quantity)} />
        </Form.Item>
      ) : null}

      <Form.Item name="note" label={t('step.note')}>
        <Input.TextArea maxLength={STEP_NOTE_MAX_LENGTH} autoSize={{ minRows: 1, maxRows: 4 }} />
      </Form.Item>

      {formError ? <Alert type="error" showIcon role="alert" title={describeError(formError)} style={{ marginBottom: 16 }} /> : null}
      <Flex vertical gap={8}>
        <Button type="primary" htmlType="submit" loading={record.isPending} block data-testid="step-submit">
          {t('step.submit')}
        </Button>
        <Button onClick={onCancel} disabled={record.isPending} block>
          {t('common.cancel')}
        </Button>
      </Flex>
    </Form>
  );
}
