import { SCROLL_TO_ERROR } from '../../../lib/form-errors';
import { errorMessage } from '@ocop/contracts/errors';
import type { ProducerView } from '@ocop/contracts/registry';
import {
  checkFoundingYear,
  checkLegalForm,
  checkLocation,
  checkMemberCount,
  LEGAL_FORMS,
  type LegalForm,
  normalizeContactEmail,
  normalizeContactPhone,
  normalizeRegistrationNumber,
  PRODUCER_STATUSES,
  PRODUCER_TYPES,
  type ProducerStatus,
  type ProducerType,
} from '@ocop/domain/registry';
import { Alert, Button, Card, Col, Flex, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { isApiError } from '../../../lib/api-client';
import type { UnitOption } from '../../../lib/communes';
import { domainCheck, showErrorOnFields } from '../../../lib/form-errors';
import { useI18n } from '../../../lib/i18n';
import { LEGAL_FORM_KEYS, PRODUCER_STATUS_KEYS, PRODUCER_TYPE_KEYS } from '../../../lib/registry';
import { selectOptionMatches } from '../../../lib/search';
import { useCreateProducer } from '../api/create-producer';
import { useUpdateProducer } from '../api/update-producer';
import {
  createBodyOf,
  PRODUCER_FORM_FIELDS,
  type ProducerFormValues,
  producerFieldForError,
  updateBodyOf,
  valuesFromProducer,
} from './producer-form-values';

const half = { xs: 24, md: 12 } as const;

/**
 * Registers a producer or changes one. Every rule the server applies to a field is checked
 * here first with the same `@ocop/domain` function and the same text; what only the server can
 * tell (a registration number already taken, a commune outside one's area) comes back by code
 * and lands under its field. An edit sends the version it read: a 409 says someone else saved
 * first, and offers to load their version.
 */
export function ProducerForm({
  producer,
  provinceCode,
  provinceOptions,
  onProvinceChange,
  currentCommunes,
  legacyCommunes,
  communesLoading,
  canSetStatus,
  identityLocked = false,
  onSaved,
  onCancel,
  onReload,
}: {
  producer?: ProducerView;
  provinceCode: string;
  /** Shown only to a user who works in more than one province. */
  provinceOptions?: { value: string; label: string }[];
  onProvinceChange?: (code: string) => void;
  currentCommunes: readonly UnitOption[];
  legacyCommunes: readonly UnitOption[];
  communesLoading: boolean;
  canSetStatus: boolean;
  /** Type, registration number and communes are shown but not editable (a producer's own member). */
  identityLocked?: boolean;
  onSaved: (producer: ProducerView) => void;
  onCancel: () => void;
  onReload?: () => Promise<ProducerView | undefined>;
}) {
  const { t, language, describeError } = useI18n();
  const [form] = Form.useForm<ProducerFormValues>();
  const createProducer = useCreateProducer();
  const updateProducer = useUpdateProducer();
  const [formError, setFormError] = useState<unknown>(null);
  const [version, setVersion] = useState(producer?.version ?? 1);
  const editing = producer !== undefined;
  const showProvince = !editing && (provinceOptions?.length ?? 0) > 1;
  const showStatus = !editing && canSetStatus;
  const fields = PRODUCER_FORM_FIELDS.filter((field) => (field !== 'provinceCode' || showProvince) && (field !== 'status' || showStatus));
  const submitting = createProducer.isPending || updateProducer.isPending;
  const type = Form.useWatch('type', form);
  const currentYear = dayjs().year();
  const message = (code: string, details: Readonly<Record<string, unknown>>) => errorMessage(code, language, { ...details });
  const stale = isApiError(formError) && formError.code === 'producer.stale_version';

  const onError = (error: unknown) => {
    const placed = showErrorOnFields(form, error, (code, details) => producerFieldForError(code, details, fields), describeError, fields);
    if (!placed) setFormError(error);
  };

  const submit = (values: ProducerFormValues) => {
    setFormError(null);
    if (producer) {
      updateProducer.mutate({ producerId: producer.id, body: updateBodyOf(values, version) }, { onSuccess: onSaved, onError });
    } else {
      createProducer.mutate(createBodyOf(values, { sendProvince: showProvince, sendStatus: showStatus }), { onSuccess: onSaved, onError });
    }
  };

  const reload = async () => {
    const latest = await onReload?.();
    if (!latest) return;
    setVersion(latest.version);
    form.resetFields();
    form.setFieldsValue(valuesFromProducer(latest));
    setFormError(null);
  };

  const locationRule = (field: 'latitude' | 'longitude') => ({
    validator: async () => {
      const latitude = form.getFieldValue('latitude') as number | null | undefined;
      const longitude = form.getFieldValue('longitude') as number | null | undefined;
      try {
        checkLocation(latitude, longitude);
      } catch (error) {
        // Each coordinate shows only the problem that concerns it.
        const concerns = (error as { details?: { field?: unknown } }).details?.field;
        if (concerns === field) domainCheck(() => checkLocation(latitude, longitude), message);
      }
    },
  });

  return (
    <Form<ProducerFormValues>
      noValidate
      form={form}
      layout="vertical"
      onFinish={submit}
      disabled={submitting}
      initialValues={producer ? valuesFromProducer(producer) : { type: 'cooperative', provinceCode, status: 'active' }}
      onValuesChange={() => {
        if (!stale) setFormError(null);
      }}
      scrollToFirstError={SCROLL_TO_ERROR}
      data-testid="producer-form"
    >
      <Flex vertical gap={16}>
        <Card title={t('producerForm.section.legal')} size="small">
          <Row gutter={16}>
            <Col {...half}>
              <Form.Item name="type" label={t('producerForm.type')} rules={[{ required: true, message: t('producerForm.typeRequired') }]}>
                <Select<ProducerType>
                  disabled={identityLocked}
                  options={PRODUCER_TYPES.map((value) => ({ value, label: t(PRODUCER_TYPE_KEYS[value]) }))}
                />
              </Form.Item>
            </Col>
            <Col {...half}>
              {type === 'enterprise' ? (
                <Form.Item
                  name="legalForm"
                  label={t('producerForm.legalForm')}
                  dependencies={['type']}
                  rules={[
                    ({ getFieldValue }) => ({
                      validator: async (_, value: LegalForm | null | undefined) =>
                        domainCheck(() => checkLegalForm(getFieldValue('type') as ProducerType, value), message),
                    }),
                  ]}
                >
                  <Select<LegalForm>
                    placeholder={t('producerForm.legalFormPlaceholder')}
                    options={LEGAL_FORMS.map((value) => ({ value, label: t(LEGAL_FORM_KEYS[value]) }))}
                  />
                </Form.Item>
              ) : null}
            </Col>
            <Col xs={24}>
              <Form.Item
                name="name"
                label={t('producerForm.name')}
                rules={[{ required: true, whitespace: true, message: t('producerForm.nameRequired') }]}
              >
                <Input placeholder={t('producerForm.namePlaceholder')} maxLength={300} />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item
                name="registrationNumber"
                label={t('producerForm.registrationNumber')}
                // Always required (the domain rule refuses an empty one); the validator gives the message.
                required
                extra={identityLocked ? t('producerForm.identityLocked') : t('producerForm.registrationNumberHint')}
                dependencies={['type']}
                rules={[
                  ({ getFieldValue }) => ({
                    validator: async (_, value: string | undefined) =>
                      domainCheck(
                        () =>
                          normalizeRegistrationNumber(
                            (getFieldValue('type') as ProducerType | undefined) ?? 'household_business',
                            value ?? '',
                          ),
                        message,
                      ),
                  }),
                ]}
              >
                <Input
                  disabled={identityLocked}
                  inputMode="text"
                  autoComplete="off"
                  placeholder="5500123456"
                  style={{ fontFamily: 'monospace' }}
                  maxLength={60}
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} md={6}>
              <Form.Item
                name="foundingYear"
                label={t('producerForm.foundingYear')}
                rules={[
                  {
                    validator: async (_, value: number | null | undefined) =>
                      domainCheck(() => checkFoundingYear(value, currentYear), message),
                  },
                ]}
              >
                <InputNumber<number> style={{ width: '100%' }} precision={0} placeholder={String(currentYear - 5)} inputMode="numeric" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} md={6}>
              <Form.Item
                name="memberCount"
                label={t('producerForm.memberCount')}
                rules={[{ validator: async (_, value: number | null | undefined) => domainCheck(() => checkMemberCount(value), message) }]}
              >
                <InputNumber<number> style={{ width: '100%' }} precision={0} min={0} inputMode="numeric" />
              </Form.Item>
            </Col>
            {showStatus ? (
              <Col {...half}>
                <Form.Item name="status" label={t('producerForm.status')}>
                  <Select<ProducerStatus> options={PRODUCER_STATUSES.map((value) => ({ value, label: t(PRODUCER_STATUS_KEYS[value]) }))} />
                </Form.Item>
              </Col>
            ) : null}
          </Row>
        </Card>

        <Card title={t('producerForm.section.place')} size="small">
          <Row gutter={16}>
            {showProvince ? (
              <Col {...half}>
                <Form.Item name="provinceCode" label={t('producerForm.province')} rules={[{ required: true }]}>
                  <Select<string>
                    options={provinceOptions}
                    onChange={(code) => {
                      form.setFieldsValue({ communeCode: undefined, legacyCommuneCode: undefined });
                      onProvinceChange?.(code);
                    }}
                  />
                </Form.Item>
              </Col>
            ) : null}
            <Col {...half}>
              <Form.Item
                name="communeCode"
                label={t('producerForm.commune')}
                rules={[{ required: true, message: t('producerForm.communeRequired') }]}
              >
                <Select<string>
                  disabled={identityLocked}
                  showSearch={{ filterOption: selectOptionMatches }}
                  loading={communesLoading}
                  options={[...currentCommunes]}
                  placeholder={t('producerForm.communePlaceholder')}
                />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item name="legacyCommuneCode" label={t('producerForm.legacyCommune')} extra={t('producerForm.legacyCommuneHint')}>
                <Select<string>
                  disabled={identityLocked}
                  allowClear
                  showSearch={{ filterOption: selectOptionMatches }}
                  loading={communesLoading}
                  options={[...legacyCommunes]}
                  placeholder={t('producerForm.legacyCommunePlaceholder')}
                />
              </Form.Item>
            </Col>
            <Col xs={24}>
              <Form.Item name="address" label={t('producerForm.address')}>
                <Input placeholder={t('producerForm.addressPlaceholder')} maxLength={500} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} md={6}>
              <Form.Item name="latitude" label={t('producerForm.latitude')} dependencies={['longitude']} rules={[locationRule('latitude')]}>
                <InputNumber<number> style={{ width: '100%' }} placeholder="21.3256" inputMode="decimal" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} md={6}>
              <Form.Item
                name="longitude"
                label={t('producerForm.longitude')}
                dependencies={['latitude']}
                rules={[locationRule('longitude')]}
              >
                <InputNumber<number> style={{ width: '100%' }} placeholder="103.9188" inputMode="decimal" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12} style={{ alignSelf: 'center', marginBottom: 24 }}>
              <Typography.Text type="secondary">{t('producerForm.locationHint')}</Typography.Text>
            </Col>
          </Row>
        </Card>

        <Card title={t('producerForm.section.contact')} size="small">
          <Row gutter={16}>
            <Col xs={24}>
              <Form.Item name="representativeName" label={t('producerForm.representativeName')}>
                <Input maxLength={200} autoComplete="off" />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item
                name="phone"
                label={t('producerForm.phone')}
                rules={[
                  { validator: async (_, value: string | null | undefined) => domainCheck(() => normalizeContactPhone(value), message) },
                ]}
              >
                <Input inputMode="tel" autoComplete="off" placeholder="0212 3852 123" />
              </Form.Item>
            </Col>
            <Col {...half}>
              <Form.Item
                name="email"
                label={t('producerForm.email')}
                rules={[
                  { validator: async (_, value: string | null | undefined) => domainCheck(() => normalizeContactEmail(value), message) },
                ]}
              >
                <Input type="email" inputMode="email" autoComplete="off" placeholder="hoptacxa@example.vn" />
              </Form.Item>
            </Col>
          </Row>
        </Card>

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
          />
        ) : null}
        <Flex justify="flex-end" gap={8} wrap>
          <Button onClick={onCancel} disabled={submitting}>
            {t('common.cancel')}
          </Button>
          <Button type="primary" htmlType="submit" loading={submitting}>
            {t('common.save')}
          </Button>
        </Flex>
      </Flex>
    </Form>
  );
}
