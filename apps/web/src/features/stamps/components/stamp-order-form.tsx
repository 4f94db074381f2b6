import type { StampOrderView } from '@ocop/contracts/stamps';
import { Button, Flex, Form, Input, Select } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { type FieldPath, fieldFromDetails, SCROLL_TO_ERROR, showErrorOnFields } from '../../../lib/form-errors';
import { useI18n } from '../../../lib/i18n';
import { selectOptionMatches } from '../../../lib/search';
import { useLots } from '../../traceability/api/lot-queries';
import { useCreateStampOrder } from '../api/stamp-orders';
import { parseStampCount } from '../stamp-input';
import { useStampTexts } from '../stamp-texts';

export type StampOrderFormValues = { productId?: string; lotId?: string | null; quantity?: string };

const FIELDS = ['productId', 'lotId', 'quantity'] as const;

/** The field a server error on an order belongs to: named in `details.field`, else by its code. */
export function stampOrderFieldForError(code: string, details: Readonly<Record<string, unknown>>): FieldPath | null {
  const named = fieldFromDetails(details, FIELDS);
  if (named) return named;
  if (code === 'stamp_order.quantity_invalid') return 'quantity';
  if (code === 'stamp_order.lot_not_of_product' || code.startsWith('lot.')) return 'lotId';
  if (code.startsWith('product.')) return 'productId';
  return null;
}

/**
 * "Đặt tem": product, optionally one of its lots, and how many stamps. The count is only checked
 * to be a whole number here; its bounds (1 to 10,000,000) are the server's, whose reason shows
 * under the field in the user's language.
 */
export function StampOrderForm({
  productId,
  lotId,
  productOptions,
  productsLoading,
  onProductSearch,
  onSaved,
  onCancel,
}: {
  productId?: string;
  lotId?: string;
  productOptions: { value: string; label: string }[];
  productsLoading?: boolean;
  onProductSearch?: (text: string) => void;
  onSaved: (order: StampOrderView) => void;
  onCancel: () => void;
}) {
  const t = useStampTexts();
  const { describeError } = useI18n();
  const [form] = Form.useForm<StampOrderFormValues>();
  const create = useCreateStampOrder();
  const [formError, setFormError] = useState<unknown>(null);
  const chosenProduct = Form.useWatch('productId', form) ?? productId;
  const lots = useLots({ productId: chosenProduct, page: 1, pageSize: 200 }, { enabled: Boolean(chosenProduct) });
  const lotOptions = (lots.data?.items ?? []).map((lot) => ({ value: lot.id, label: lot.lotCode }));

  const submit = async (values: StampOrderFormValues) => {
    setFormError(null);
    try {
      const order = await create.mutateAsync({
        productId: values.productId ?? '',
        lotId: values.lotId ?? null,
        quantity: parseStampCount(values.quantity ?? '') ?? 0,
      });
      onSaved(order);
    } catch (error) {
      if (!showErrorOnFields(form, error, stampOrderFieldForError, describeError, FIELDS)) setFormError(error);
    }
  };

  return (
    <Form<StampOrderFormValues>
      noValidate
      form={form}
      layout="vertical"
      size="large"
      disabled={create.isPending}
      initialValues={{ productId, lotId: lotId ?? null }}
      onFinish={(values) => void submit(values)}
      onValuesChange={(changed: Partial<StampOrderFormValues>) => {
        setFormError(null);
        if ('productId' in changed) form.setFieldValue('lotId', null);
      }}
      scrollToFirstError={SCROLL_TO_ERROR}
      data-testid="stamp-order-form"
      style={{ maxWidth: 560 }}
    >
      <Form.Item
        name="productId"
        label={t('stampOrder.form.product')}
        rules={[{ required: true, message: t('stampOrder.form.productRequired') }]}
      >
        <Select<string>
          showSearch={onProductSearch ? { filterOption: false, onSearch: onProductSearch } : { filterOption: selectOptionMatches }}
          options={productOptions}
          loading={productsLoading}
        />
      </Form.Item>
      <Form.Item name="lotId" label={t('stampOrder.form.lot')} extra={t('stampOrder.form.lotHelp')}>
        <Select<string>
          allowClear
          showSearch={{ filterOption: selectOptionMatches }}
          options={lotOptions}
          loading={lots.isFetching}
          placeholder={t('stampOrder.form.lotPlaceholder')}
          disabled={!chosenProduct}
        />
      </Form.Item>
      <Form.Item
        name="quantity"
        label={t('stampOrder.form.quantity')}
        extra={t('stampOrder.form.quantityHelp')}
        rules={[
          { required: true, whitespace: true, message: t('stampOrder.form.quantityRequired') },
          {
            validator: async (_, value: string | undefined) => {
              if (value?.trim() && parseStampCount(value) === null) throw new Error(t('stampOrder.form.quantityNotNumber'));
            },
          },
        ]}
      >
        <Input inputMode="numeric" autoComplete="off" maxLength={20} />
      </Form.Item>
      {formError ? (
        <div style={{ marginBottom: 16 }}>
          <ErrorAlert error={formError} />
        </div>
      ) : null}
      <Flex gap={8} wrap>
        <Button type="primary" htmlType="submit" loading={create.isPending} data-testid="stamp-order-submit">
          {t('stampOrder.form.submit')}
        </Button>
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
      </Flex>
    </Form>
  );
}
