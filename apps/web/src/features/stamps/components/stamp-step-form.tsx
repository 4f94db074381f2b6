import { STAMP_VOID_REASON_MAX, type StampOrderView } from '@ocop/contracts/stamps';
import { STAMP_LIMITS } from '@ocop/domain/traceability';
import { Button, Flex, Form, Input, type InputRef, Radio, Select, Typography } from 'antd';
import { type KeyboardEvent, useRef, useState } from 'react';
import { useFeedback } from '../../../components/feedback/feedback';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { useI18n } from '../../../lib/i18n';
import { selectOptionMatches } from '../../../lib/search';
import { useLots } from '../../traceability/api/lot-queries';
import { findStamp, type StampAction, useStampStep } from '../api/stamp-orders';
import { readRangeEnd, SCAN_TEXT_MAX, splitSerials } from '../stamp-input';
import { useStampTexts } from '../stamp-texts';

type Values = { by: 'range' | 'list'; from?: string; to?: string; serials?: string; lotId?: string | null; reason?: string };
type End = 'from' | 'to';

/** The longest pasted list the box takes: room for 10,000 Digital Link URLs a line. */
const SERIALS_TEXT_MAX = STAMP_LIMITS.listMax * 120;

/**
 * Activation at packing, or voiding, of an order's stamps: by a range (each end a sequence number,
 * or the serial of the first and last stamp typed or scanned) or by a pasted or scanned list.
 * A scanner acting as a keyboard ends each code with Enter: in a range field it moves on instead
 * of sending the form; in the list it starts the next line. Voiding asks for a reason and a
 * confirmation. Every rule (reach, states, bounds) is the server's; its refusal shows in full.
 */
export function StampStepForm({ order, action }: { order: StampOrderView; action: StampAction }) {
  const t = useStampTexts();
  const { describeError, language } = useI18n();
  const { message, modal } = useFeedback();
  const [form] = Form.useForm<Values>();
  const step = useStampStep(order.id);
  const [failure, setFailure] = useState<unknown>(null);
  const [resolved, setResolved] = useState<Partial<Record<End, number>>>({});
  const toRef = useRef<InputRef>(null);
  const by = Form.useWatch('by', form) ?? 'range';
  const serialsText = Form.useWatch('serials', form) ?? '';
  const lots = useLots({ productId: order.productId, page: 1, pageSize: 200 }, { enabled: action === 'activate' });
  const prefix = action === 'activate' ? 'stampStep.activate' : 'stampStep.void';
  const number = (n: number) => n.toLocaleString(language === 'vi' ? 'vi-VN' : 'en-GB');
  const serialCount = splitSerials(serialsText).length;

  /** One end as a sequence number: typed as such, or the serial's, asked of the server. */
  async function resolveEnd(end: End): Promise<number> {
    const read = readRangeEnd(form.getFieldValue(end) ?? '');
    if (read.kind === 'empty') throw new Error(t('stampStep.rangeRequired'));
    if (read.kind === 'sequence') {
      if (read.sequence < 1 || read.sequence > order.quantity) throw new Error(t('stampStep.rangeNotNumber', { quantity: order.quantity }));
      return read.sequence;
    }
    try {
      return (await findStamp(order.id, read.serial)).sequence;
    } catch (error) {
      throw new Error(describeError(error));
    }
  }

  /** Shows which stamp a field names (or why it names none) as soon as it is left or scanned. */
  async function showEnd(end: End): Promise<number | undefined> {
    try {
      const sequence = await resolveEnd(end);
      setResolved((current) => ({ ...current, [end]: sequence }));
      form.setFields([{ name: end, errors: [] }]);
      return sequence;
    } catch (error) {
      setResolved((current) => ({ ...current, [end]: undefined }));
      form.setFields([{ name: end, errors: [(error as Error).message] }]);
      return undefined;
    }
  }

  const onScanEnter = (end: End) => (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    void showEnd(end).then((sequence) => {
      if (sequence !== undefined && end === 'from') toRef.current?.focus();
    });
  };

  async function send(values: Values) {
    setFailure(null);
    try {
      const extra = { lotId: values.lotId ?? null, reason: values.reason?.trim() };
      let change: { changed: number; unchanged: number };
      if (values.by === 'range') {
        const [from, to] = await Promise.all([showEnd('from'), showEnd('to')]);
        if (from === undefined || to === undefined) return;
        if (from > to) {
          form.setFields([{ name: 'to', errors: [t('stampStep.rangeBackwards')] }]);
          return;
        }
        change = await step.mutateAsync({ action, by: 'range', from, to, ...extra });
      } else {
        change = await step.mutateAsync({ action, by: 'list', serials: splitSerials(values.serials ?? ''), ...extra });
      }
      message.success(
        [
          t(`${prefix}.done`, { changed: number(change.changed) }),
          change.unchanged > 0 ? t('stampStep.unchanged', { unchanged: number(change.unchanged) }) : '',
        ]
          .filter(Boolean)
          .join(' '),
      );
      form.resetFields(['from', 'to', 'serials', 'reason']);
      setResolved({});
    } catch (error) {
      setFailure(error);
    }
  }

  const submit = (values: Values) => {
    if (action === 'activate') return void send(values);
    modal.confirm({
      title: t('stampStep.void.confirmTitle'),
      content: t('stampStep.void.confirmText'),
      okText: t('stampStep.void.submit'),
      okButtonProps: { danger: true, ...{ 'data-testid': 'stamp-void-confirm' } },
      cancelText: t('common.cancel'),
      onOk: () => send(values),
    });
  };

  const summary =
    resolved.from !== undefined && resolved.to !== undefined && resolved.from <= resolved.to
      ? t('stampStep.rangeSummary', { count: number(resolved.to - resolved.from + 1), from: resolved.from, to: resolved.to })
      : null;
  const endItem = (end: End) => (
    <Form.Item
      name={end}
      label={t(end === 'from' ? 'stampStep.from' : 'stampStep.to')}
      extra={resolved[end] !== undefined ? t('stampStep.resolved', { sequence: resolved[end] }) : undefined}
      rules={[{ required: true, whitespace: true, message: t('stampStep.rangeRequired') }]}
      style={{ flex: '1 1 160px', minWidth: 0 }}
    >
      <Input
        ref={end === 'to' ? toRef : undefined}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        maxLength={SCAN_TEXT_MAX}
        onKeyDown={onScanEnter(end)}
        onBlur={() => {
          if (form.getFieldValue(end)) void showEnd(end);
        }}
        onChange={() => setResolved((current) => ({ ...current, [end]: undefined }))}
        data-testid={`stamp-${action}-${end}`}
      />
    </Form.Item>
  );

  return (
    <Form<Values>
      noValidate
      form={form}
      layout="vertical"
      disabled={step.isPending}
      initialValues={{ by: 'range', lotId: order.lotId }}
      onFinish={submit}
      onValuesChange={() => setFailure(null)}
      data-testid={`stamp-${action}-form`}
    >
      <Typography.Paragraph type="secondary">{t(`${prefix}.intro`)}</Typography.Paragraph>
      <Form.Item name="by">
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          options={[
            { value: 'range', label: t('stampStep.mode.range') },
            { value: 'list', label: t('stampStep.mode.list') },
          ]}
        />
      </Form.Item>
      {by === 'range' ? (
        <>
          <Flex gap={12} wrap>
            {endItem('from')}
            {endItem('to')}
          </Flex>
          <Typography.Paragraph type="secondary" style={{ marginTop: -8 }} data-testid={`stamp-${action}-summary`}>
            {summary ?? t('stampStep.rangeHelp', { quantity: number(order.quantity) })}
          </Typography.Paragraph>
        </>
      ) : (
        <Form.Item
          name="serials"
          label={t('stampStep.serials')}
          extra={
            serialCount > 0
              ? t('stampStep.serialsCount', { count: number(serialCount) })
              : t('stampStep.serialsHelp', { max: number(STAMP_LIMITS.listMax) })
          }
          rules={[
            {
              validator: async (_, text: string | undefined) => {
                const count = splitSerials(text ?? '').length;
                if (count === 0) throw new Error(t('stampStep.serialsRequired'));
                if (count > STAMP_LIMITS.listMax)
                  throw new Error(t('stampStep.serialsTooMany', { max: number(STAMP_LIMITS.listMax), count: number(count) }));
              },
            },
          ]}
        >
          <Input.TextArea
            rows={5}
            autoComplete="off"
            spellCheck={false}
            maxLength={SERIALS_TEXT_MAX}
            style={{ fontFamily: 'monospace' }}
            data-testid={`stamp-${action}-serials`}
          />
        </Form.Item>
      )}
      {action === 'activate' ? (
        <Form.Item name="lotId" label={t('stampStep.lot')} extra={t('stampStep.lotHelp')}>
          <Select<string>
            allowClear
            showSearch={{ filterOption: selectOptionMatches }}
            options={(lots.data?.items ?? []).map((lot) => ({ value: lot.id, label: lot.lotCode }))}
            loading={lots.isFetching}
            placeholder={t('stamps.noLot')}
          />
        </Form.Item>
      ) : (
        <Form.Item
          name="reason"
          label={t('stampStep.reason')}
          extra={t('stampStep.reasonHelp', { max: STAMP_VOID_REASON_MAX })}
          rules={[
            { required: true, whitespace: true, message: t('stampStep.reasonRequired') },
            { max: STAMP_VOID_REASON_MAX, message: t('stampStep.reasonTooLong', { max: STAMP_VOID_REASON_MAX }) },
          ]}
        >
          <Input.TextArea rows={2} maxLength={STAMP_VOID_REASON_MAX} data-testid="stamp-void-reason" />
        </Form.Item>
      )}
      {failure ? (
        <div style={{ marginBottom: 16 }}>
          <ErrorAlert error={failure} />
        </div>
      ) : null}
      <Button type="primary" danger={action === 'void'} htmlType="submit" loading={step.isPending} data-testid={`stamp-${action}-submit`}>
        {t(`${prefix}.submit`)}
      </Button>
    </Form>
  );
}
