import type { StampLayoutPresetView, StampOrderView } from '@ocop/contracts/stamps';
import { STAMP_LIMITS } from '@ocop/domain/traceability';
import { Button, Flex, Form, InputNumber, Radio, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { useI18n } from '../../../lib/i18n';
import { fetchStampSheet } from '../api/sheet-pdf';
import { useStampLayouts } from '../api/stamp-orders';
import { useStampTexts } from '../stamp-texts';

const CUSTOM = 'custom';

type Values = {
  layout: string;
  kind: 'sheet' | 'roll';
  rows?: number;
  columns?: number;
  labelWidthMm?: number;
  labelHeightMm?: number;
  pageWidthMm?: number;
  pageHeightMm?: number;
  rollWidthMm?: number;
  from?: number;
  to?: number;
};

/** The sheet's query: a preset by name, or `custom` with the sizes of its kind (bounds as the contract's `customStampLayout`). */
export function stampSheetQueryOf(values: Values): Record<string, string | number | undefined> {
  const range = { from: values.from, to: values.to };
  if (values.layout !== CUSTOM) return { layout: values.layout, ...range };
  return values.kind === 'roll'
    ? { layout: CUSTOM, kind: 'roll', rollWidthMm: values.rollWidthMm, labelHeightMm: values.labelHeightMm, ...range }
    : {
        layout: CUSTOM,
        kind: 'sheet',
        rows: values.rows,
        columns: values.columns,
        labelWidthMm: values.labelWidthMm,
        labelHeightMm: values.labelHeightMm,
        pageWidthMm: values.pageWidthMm,
        pageHeightMm: values.pageHeightMm,
        ...range,
      };
}

type Sheet = { url: string; from: number; to: number; bytes: number; name: string };

/** Starts the browser's download of a file it holds. */
function download(url: string, name: string) {
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
}

/**
 * "In tem": a preset layout or one's own sizes, and which stamps (at most 10,000 a PDF). The
 * server makes the PDF or refuses the layout with its reason (QR modules too small for a phone,
 * quiet zone too thin, labels that do not fit), shown here in the user's language. The PDF is
 * downloaded at once and stays openable from the page.
 */
export function StampSheetForm({ order }: { order: StampOrderView }) {
  const t = useStampTexts();
  const { language } = useI18n();
  const [form] = Form.useForm<Values>();
  const layouts = useStampLayouts();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [sheet, setSheet] = useState<Sheet | null>(null);
  const layout = Form.useWatch('layout', form);
  const kind = Form.useWatch('kind', form) ?? 'sheet';
  const decimal = (n: number) => n.toLocaleString(language === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 1 });

  // The blob lives until the next sheet or leaving the page.
  useEffect(() => () => (sheet ? URL.revokeObjectURL(sheet.url) : undefined), [sheet]);

  const presetLabel = (preset: StampLayoutPresetView) =>
    t(preset.kind === 'sheet' ? 'stampSheet.preset.sheet' : 'stampSheet.preset.roll', {
      name: preset.name,
      perPage: preset.perPage,
      width: decimal(preset.labelWidthMm),
      height: decimal(preset.labelHeightMm),
    });

  async function print(values: Values) {
    setFailure(null);
    setBusy(true);
    try {
      const blob = await fetchStampSheet(order.id, stampSheetQueryOf(values), language);
      const from = values.from ?? 1;
      const to = values.to ?? order.quantity;
      const next = { url: URL.createObjectURL(blob), from, to, bytes: blob.size, name: `tem-${from}-${to}.pdf` };
      setSheet(next);
      download(next.url, next.name);
    } catch (error) {
      setSheet(null);
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  const mm = (name: keyof Values, label: string, min: number, max: number) => (
    <Form.Item name={name} label={label} rules={[{ required: true, message: t('stampSheet.fieldRequired') }]} style={{ flex: '1 1 140px' }}>
      <InputNumber
        min={min}
        max={max}
        step={1}
        decimalSeparator={language === 'vi' ? ',' : '.'}
        style={{ width: '100%' }}
        inputMode="decimal"
      />
    </Form.Item>
  );
  const count = (name: keyof Values, label: string, max: number) => (
    <Form.Item name={name} label={label} rules={[{ required: true, message: t('stampSheet.fieldRequired') }]} style={{ flex: '1 1 120px' }}>
      <InputNumber min={1} max={max} precision={0} style={{ width: '100%' }} inputMode="numeric" />
    </Form.Item>
  );
  const kb = sheet ? Math.max(1, Math.round(sheet.bytes / 1024)) : 0;

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      disabled={busy}
      initialValues={{
        layout: 'a4-65',
        kind: 'sheet',
        rows: 10,
        columns: 4,
        labelWidthMm: 45,
        labelHeightMm: 25,
        pageWidthMm: 210,
        pageHeightMm: 297,
        rollWidthMm: 40,
        from: 1,
        to: Math.min(order.quantity, STAMP_LIMITS.sheetMax),
      }}
      onFinish={(values) => void print(values)}
      onValuesChange={() => setFailure(null)}
      data-testid="stamp-sheet-form"
    >
      <Typography.Paragraph type="secondary">
        {t('stampSheet.intro', { max: STAMP_LIMITS.sheetMax.toLocaleString(language === 'vi' ? 'vi-VN' : 'en-GB') })}
      </Typography.Paragraph>
      <Form.Item name="layout" label={t('stampSheet.layout')}>
        <Select<string>
          loading={layouts.isPending}
          options={[
            ...(layouts.data?.items ?? []).map((preset) => ({ value: preset.name, label: presetLabel(preset) })),
            { value: CUSTOM, label: t('stampSheet.custom') },
          ]}
          data-testid="stamp-sheet-layout"
        />
      </Form.Item>
      {layout === CUSTOM ? (
        <>
          <Form.Item name="kind" label={t('stampSheet.kind')}>
            <Radio.Group
              options={[
                { value: 'sheet', label: t('stampSheet.kind.sheet') },
                { value: 'roll', label: t('stampSheet.kind.roll') },
              ]}
            />
          </Form.Item>
          {kind === 'sheet' ? (
            <Flex gap={12} wrap>
              {count('rows', t('stampSheet.rows'), 100)}
              {count('columns', t('stampSheet.columns'), 50)}
              {mm('labelWidthMm', t('stampSheet.labelWidth'), 5, 600)}
              {mm('labelHeightMm', t('stampSheet.labelHeight'), 5, 600)}
              {mm('pageWidthMm', t('stampSheet.pageWidth'), 50, 600)}
              {mm('pageHeightMm', t('stampSheet.pageHeight'), 50, 600)}
            </Flex>
          ) : (
            <Flex gap={12} wrap>
              {mm('rollWidthMm', t('stampSheet.rollWidth'), 10, 200)}
              {mm('labelHeightMm', t('stampSheet.labelHeight'), 10, 300)}
            </Flex>
          )}
        </>
      ) : null}
      <Flex gap={12} wrap>
        {count('from', t('stampSheet.from'), order.quantity)}
        {count('to', t('stampSheet.to'), order.quantity)}
      </Flex>
      {failure ? (
        <div style={{ marginBottom: 16 }} data-testid="stamp-sheet-refused">
          <ErrorAlert error={failure} title={t('stampSheet.refused')} />
        </div>
      ) : null}
      <Flex gap={8} wrap align="center">
        <Button type="primary" htmlType="submit" loading={busy} data-testid="stamp-sheet-submit">
          {t('stampSheet.submit')}
        </Button>
        {sheet ? (
          <>
            <span data-testid="stamp-sheet-ready">{t('stampSheet.ready', { from: sheet.from, to: sheet.to, size: `${kb} KB` })}</span>
            <a href={sheet.url} target="_blank" rel="noopener noreferrer" data-testid="stamp-sheet-open">
              {t('stampSheet.open')}
            </a>
            <Button type="link" disabled={false} onClick={() => download(sheet.url, sheet.name)}>
              {t('stampSheet.download')}
            </Button>
          </>
        ) : null}
      </Flex>
    </Form>
  );
}
