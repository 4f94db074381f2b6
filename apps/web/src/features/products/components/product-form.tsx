import { SCROLL_TO_ERROR } from '../../../lib/form-errors';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { errorMessage } from '@ocop/contracts/errors';
import type { ProductSetListView, ProductView } from '@ocop/contracts/registry';
import { checkPriceRange, PRODUCT_STATUSES, type ProductStatus, productStatusMoves } from '@ocop/domain/registry';
import { Alert, Button, Card, Col, Flex, Form, Input, Row, Select, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { isApiError } from '../../../lib/api-client';
import { domainCheck, showErrorOnFields } from '../../../lib/form-errors';
import { type Translate, useI18n } from '../../../lib/i18n';
import { PRODUCT_STATUS_KEYS } from '../../../lib/registry';
import { selectOptionMatches } from '../../../lib/search';
import { useChangeProductStatus } from '../api/change-product-status';
import { useCreateProduct } from '../api/create-product';
import { classificationDecision } from '../api/list-product-sets';
import { useUpdateProduct } from '../api/update-product';
import { PriceInput } from './price-input';
import { productSetOptions } from './product-set-options';
import { ChineseTextsSection, SeasonsSection } from './product-season-fields';
import {
  createProductBodyOf,
  gtinProblem,
  PRODUCT_FORM_FIELDS,
  type ProductFormValues,
  productFieldForError,
  updateProductBodyOf,
  valuesFromProduct,
} from './product-form-values';

const half = { xs: 24, md: 12 } as const;

/** "Bộ sản phẩm (QĐ 26/2026/QĐ-TTg)" once the classification in force is known, plain before. */
const productSetLabel = (t: Translate, decision: string | null) =>
  decision ? t('productForm.productSet', { decision }) : t('productForm.productSetPlain');

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card title={title} size="small">
      <Row gutter={16}>{children}</Row>
    </Card>
  );
}

/**
 * Adds a product to a producer or changes one. Prices are typed with thousands separators and
 * sent as whole đồng; GTINs are checked with the GS1 check digit as they are typed. A changed
 * status is a move of its own on the server, sent after the other fields.
 */
export function ProductForm({
  product,
  producerId,
  producerOptions,
  producersLoading,
  onProducerSearch,
  productSets,
  legacyProductSets,
  productSetsLoading,
  canEnterCode,
  onSaved,
  onCancel,
  onReload,
}: {
  product?: ProductView;
  /** The producer of a new product when the page already knows it. */
  producerId?: string;
  producerOptions: { value: string; label: string }[];
  producersLoading?: boolean;
  onProducerSearch?: (text: string) => void;
  productSets: ProductSetListView | undefined;
  legacyProductSets: ProductSetListView | undefined;
  productSetsLoading: boolean;
  canEnterCode: boolean;
  onSaved: (product: ProductView) => void;
  onCancel: () => void;
  onReload?: () => Promise<ProductView | undefined>;
}) {
  const { t, language, describeError } = useI18n();
  const [form] = Form.useForm<ProductFormValues>();
  const createProduct = useCreateProduct();
  const updateProduct = useUpdateProduct();
  const changeStatus = useChangeProductStatus();
  const [formError, setFormError] = useState<unknown>(null);
  const [version, setVersion] = useState(product?.version ?? 1);
  const [savedStatus, setSavedStatus] = useState<ProductStatus | undefined>(product?.status);
  const editing = product !== undefined;
  const showCode = !editing && canEnterCode;
  const fields = PRODUCT_FORM_FIELDS.filter((field) => field !== 'code' || showCode);
  const submitting = createProduct.isPending || updateProduct.isPending || changeStatus.isPending;
  const message = (code: string, details: Readonly<Record<string, unknown>>) => errorMessage(code, language, { ...details });
  const stale = isApiError(formError) && formError.code === 'product.stale_version';
  const statusChoices: readonly ProductStatus[] = savedStatus ? [savedStatus, ...productStatusMoves(savedStatus)] : PRODUCT_STATUSES;

  const onError = (error: unknown) => {
    const placed = showErrorOnFields(
      form,
      error,
      (code, details) => productFieldForError(code, details, form.getFieldsValue(true) as ProductFormValues, fields),
      describeError,
      fields,
    );
    if (!placed) setFormError(error);
  };

  const submit = async (values: ProductFormValues) => {
    setFormError(null);
    try {
      if (!product) {
        onSaved(await createProduct.mutateAsync(createProductBodyOf(values, { sendCode: showCode })));
        return;
      }
      let saved = await updateProduct.mutateAsync({ productId: product.id, body: updateProductBodyOf(values, version) });
      setVersion(saved.version);
      if (values.status && values.status !== saved.status) {
        saved = await changeStatus.mutateAsync({ productId: product.id, body: { status: values.status, version: saved.version } });
        setVersion(saved.version);
        setSavedStatus(saved.status);
      }
      onSaved(saved);
    } catch (error) {
      onError(error);
    }
  };

  const reload = async () => {
    const latest = await onReload?.();
    if (!latest) return;
    setVersion(latest.version);
    setSavedStatus(latest.status);
    form.resetFields();
    form.setFieldsValue(valuesFromProduct(latest));
    setFormError(null);
  };

  return (
    <Form<ProductFormValues>
      noValidate
      form={form}
      layout="vertical"
      onFinish={(values) => void submit(values)}
      disabled={submitting}
      initialValues={product ? valuesFromProduct(product) : { producerId, status: 'in_development', gtins: [], seasons: [] }}
      onValuesChange={() => {
        if (!stale) setFormError(null);
      }}
      scrollToFirstError={SCROLL_TO_ERROR}
      data-testid="product-form"
    >
      <Flex vertical gap={16}>
        <Section title={t('productForm.section.general')}>
          <Col {...half}>
            <Form.Item
              name="producerId"
              label={t('productForm.producer')}
              rules={[{ required: true, message: t('productForm.producerRequired') }]}
            >
              <Select<string>
                showSearch={onProducerSearch ? { filterOption: false, onSearch: onProducerSearch } : { filterOption: selectOptionMatches }}
                options={producerOptions}
                loading={producersLoading}
                disabled={editing || Boolean(producerId)}
                placeholder={t('productForm.producerPlaceholder')}
              />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item
              name="productSetId"
              label={productSetLabel(t, classificationDecision(productSets?.version))}
              rules={[{ required: true, message: t('productForm.productSetRequired') }]}
            >
              <Select<string>
                showSearch={{ filterOption: selectOptionMatches }}
                options={productSetOptions(productSets)}
                loading={productSetsLoading}
                placeholder={t('productForm.productSetPlaceholder')}
                popupMatchSelectWidth={false}
              />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item
              name="nameVi"
              label={t('productForm.nameVi')}
              rules={[{ required: true, whitespace: true, message: t('productForm.nameViRequired') }]}
            >
              <Input maxLength={300} placeholder={t('productForm.nameViPlaceholder')} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="nameEn" label={t('productForm.nameEn')}>
              <Input maxLength={300} lang="en" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="nameZh" label={t('productForm.nameZh')}>
              <Input maxLength={300} lang="zh" />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="status" label={t('productForm.status')}>
              <Select<ProductStatus> options={statusChoices.map((value) => ({ value, label: t(PRODUCT_STATUS_KEYS[value]) }))} />
            </Form.Item>
          </Col>
          {showCode ? (
            <Col {...half}>
              <Form.Item name="code" label={t('productForm.code')} extra={t('productForm.codeHint')}>
                <Input maxLength={60} style={{ fontFamily: 'monospace' }} />
              </Form.Item>
            </Col>
          ) : null}
          <Col {...half}>
            <Form.Item name="legacyProductSetId" label={t('productForm.legacyProductSet')} extra={t('productForm.legacyProductSetHint')}>
              <Select<string>
                allowClear
                showSearch={{ filterOption: selectOptionMatches }}
                options={productSetOptions(legacyProductSets)}
                loading={productSetsLoading}
                popupMatchSelectWidth={false}
              />
            </Form.Item>
          </Col>
        </Section>

        <Section title={t('productForm.section.story')}>
          <Col xs={24}>
            <Form.Item name="description" label={t('productForm.description')}>
              <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={5000} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="story" label={t('productForm.story')} extra={t('productForm.storyHint')}>
              <Input.TextArea autoSize={{ minRows: 4, maxRows: 14 }} maxLength={10000} />
            </Form.Item>
          </Col>
        </Section>

        <ChineseTextsSection open={Boolean(product?.descriptionZh || product?.storyZh)} />

        <SeasonsSection />

        <Section title={t('productForm.section.material')}>
          <Col {...half}>
            <Form.Item name="rawMaterial" label={t('productForm.rawMaterial')}>
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="rawMaterialOrigin" label={t('productForm.rawMaterialOrigin')}>
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="packaging" label={t('productForm.packaging')}>
              <Input maxLength={500} placeholder={t('productForm.packagingPlaceholder')} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="netQuantity" label={t('productForm.netQuantity')}>
              <Input maxLength={100} placeholder={t('productForm.netQuantityPlaceholder')} />
            </Form.Item>
          </Col>
          <Col {...half}>
            <Form.Item name="shelfLife" label={t('productForm.shelfLife')}>
              <Input maxLength={200} placeholder={t('productForm.shelfLifePlaceholder')} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="storageInstructions" label={t('productForm.storageInstructions')}>
              <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={1000} />
            </Form.Item>
          </Col>
        </Section>

        <Section title={t('productForm.section.price')}>
          <Col xs={24} sm={12} md={6}>
            <Form.Item
              name="priceMin"
              label={t('productForm.priceMin')}
              dependencies={['priceMax']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: async (_, value: number | null | undefined) =>
                    domainCheck(() => checkPriceRange(value, getFieldValue('priceMax') as number | null | undefined), message),
                }),
              ]}
            >
              <PriceInput placeholder="45.000" aria-label={t('productForm.priceMin')} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12} md={6}>
            <Form.Item name="priceMax" label={t('productForm.priceMax')}>
              <PriceInput placeholder="60.000" aria-label={t('productForm.priceMax')} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12} style={{ marginBottom: 24, alignSelf: 'center' }}>
            <Typography.Text type="secondary">{t('productForm.priceHint')}</Typography.Text>
          </Col>
          <Col xs={24}>
            <Form.Item label={t('productForm.gtins')} extra={t('productForm.gtinsHint')} style={{ marginBottom: 0 }}>
              <Form.List name="gtins">
                {(items, { add, remove }, { errors }) => (
                  <Flex vertical gap={0}>
                    {items.map((item) => (
                      <Flex key={item.key} gap={8} align="flex-start" style={{ maxWidth: 420 }}>
                        <Form.Item
                          name={item.name}
                          style={{ flex: '1 1 auto', marginBottom: 12 }}
                          validateTrigger={['onChange', 'onBlur']}
                          rules={[
                            ({ getFieldValue }) => ({
                              validator: async (_, value: string | undefined) => {
                                const problem = gtinProblem(value, item.name, (getFieldValue('gtins') as (string | undefined)[]) ?? [], t);
                                if (problem) throw new Error(problem);
                              },
                            }),
                          ]}
                        >
                          <Input
                            inputMode="numeric"
                            placeholder="8935012345678"
                            style={{ fontFamily: 'monospace' }}
                            aria-label={t('productForm.gtinNumber', { n: item.name + 1 })}
                            data-testid="gtin-input"
                          />
                        </Form.Item>
                        <Button
                          type="text"
                          danger
                          icon={<DeleteOutlined />}
                          aria-label={t('productForm.removeGtin')}
                          title={t('productForm.removeGtin')}
                          onClick={() => remove(item.name)}
                        />
                      </Flex>
                    ))}
                    {items.length < 20 ? (
                      <Button type="dashed" icon={<PlusOutlined />} onClick={() => add('')} style={{ alignSelf: 'flex-start' }}>
                        {t('productForm.addGtin')}
                      </Button>
                    ) : null}
                    <Form.ErrorList errors={errors} />
                  </Flex>
                )}
              </Form.List>
            </Form.Item>
          </Col>
        </Section>

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
