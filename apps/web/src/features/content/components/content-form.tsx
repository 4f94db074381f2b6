import { CONTENT_LIMITS, type ContentItemView, LEGAL_KINDS } from '@ocop/contracts/content';
import { Button, DatePicker, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { lazy, Suspense } from 'react';
import { DATE_FORMAT } from '../../../lib/format';
import { type ContentTranslate, useContentTexts } from '../content-texts';

// Tiptap and ProseMirror (~100 KB gzip) load only when an edit screen opens.
const RichTextEditor = lazy(() => import('./rich-text-editor').then((m) => ({ default: m.RichTextEditor })));

export type ContentFormValues = {
  kind: 'news' | 'legal';
  title: string;
  slug?: string;
  summary?: string;
  bodyHtml: string;
  legalKind?: (typeof LEGAL_KINDS)[number];
  documentNumber?: string;
  issuingBody?: string;
  signedOn?: Dayjs | null;
  effectiveOn?: Dayjs | null;
  coverFileId?: string | null;
};

export function formValuesOf(item: ContentItemView): ContentFormValues {
  return {
    kind: item.kind,
    title: item.title,
    slug: item.slug,
    summary: item.summary ?? undefined,
    bodyHtml: item.bodyHtml,
    legalKind: item.legalKind ?? undefined,
    documentNumber: item.documentNumber ?? undefined,
    issuingBody: item.issuingBody ?? undefined,
    signedOn: item.signedOn ? dayjs(item.signedOn) : null,
    effectiveOn: item.effectiveOn ? dayjs(item.effectiveOn) : null,
    coverFileId: item.coverFileId,
  };
}

/** The wire body of the form's values: blanks as null, dates as ISO days. */
export function bodyOf(values: ContentFormValues) {
  const day = (value: Dayjs | null | undefined) => (value ? value.format('YYYY-MM-DD') : null);
  const blank = (value: string | undefined) => (value?.trim() ? value.trim() : null);
  return {
    title: values.title,
    slug: blank(values.slug),
    summary: blank(values.summary),
    bodyHtml: values.bodyHtml ?? '',
    legalKind: values.kind === 'legal' ? (values.legalKind ?? null) : null,
    documentNumber: values.kind === 'legal' ? blank(values.documentNumber) : null,
    issuingBody: values.kind === 'legal' ? blank(values.issuingBody) : null,
    signedOn: values.kind === 'legal' ? day(values.signedOn) : null,
    effectiveOn: values.kind === 'legal' ? day(values.effectiveOn) : null,
  };
}

/** Form.Item hands its value and onChange to its one child: this one passes them through the lazy boundary. */
function LazyEditor({ value, onChange, id, loading }: { value?: string; onChange?: (html: string) => void; id?: string; loading: string }) {
  return (
    <Suspense fallback={<p>{loading}</p>}>
      <RichTextEditor value={value} onChange={onChange} id={id} />
    </Suspense>
  );
}

function LegalFields({ t }: { t: ContentTranslate }) {
  return (
    <>
      <Form.Item name="legalKind" label={t('content.form.legalKind')} rules={[{ required: true }]}>
        <Select options={LEGAL_KINDS.map((kind) => ({ value: kind, label: t(`legalKind.${kind}`) }))} data-testid="content-legal-kind" />
      </Form.Item>
      <Form.Item
        name="documentNumber"
        label={t('content.form.documentNumber')}
        rules={[{ required: true, max: CONTENT_LIMITS.documentNumberLength }]}
      >
        <Input maxLength={CONTENT_LIMITS.documentNumberLength} data-testid="content-number" />
      </Form.Item>
      <Form.Item
        name="issuingBody"
        label={t('content.form.issuingBody')}
        rules={[{ required: true, max: CONTENT_LIMITS.issuingBodyLength }]}
      >
        <Input maxLength={CONTENT_LIMITS.issuingBodyLength} data-testid="content-issuer" />
      </Form.Item>
      <Form.Item name="signedOn" label={t('content.form.signedOn')} rules={[{ required: true }]}>
        <DatePicker format={DATE_FORMAT} data-testid="content-signed-on" />
      </Form.Item>
      <Form.Item name="effectiveOn" label={t('content.form.effectiveOn')}>
        <DatePicker format={DATE_FORMAT} />
      </Form.Item>
    </>
  );
}

/** The fields of an article or legal text; the body through the lazily loaded rich-text editor. */
export function ContentForm({
  initial,
  images,
  saving,
  onSubmit,
  lockedKind,
}: {
  initial: ContentFormValues;
  images: { id: string; originalName: string }[];
  saving: boolean;
  onSubmit: (values: ContentFormValues) => void;
  lockedKind: boolean;
}) {
  const t = useContentTexts();
  const [form] = Form.useForm<ContentFormValues>();
  const kind = Form.useWatch('kind', form) ?? initial.kind;
  return (
    <Form<ContentFormValues> form={form} layout="vertical" initialValues={initial} onFinish={onSubmit} style={{ maxWidth: 860 }}>
      <Form.Item name="kind" label={t('content.form.kind')}>
        <Select
          disabled={lockedKind}
          options={[
            { value: 'news', label: t('content.kind.news') },
            { value: 'legal', label: t('content.kind.legal') },
          ]}
          data-testid="content-kind"
        />
      </Form.Item>
      <Form.Item
        name="title"
        label={t('content.form.title')}
        rules={[{ required: true, whitespace: true, message: t('content.form.titleRequired') }, { max: CONTENT_LIMITS.titleLength }]}
      >
        <Input maxLength={CONTENT_LIMITS.titleLength} data-testid="content-title" />
      </Form.Item>
      <Form.Item
        name="slug"
        label={t('content.form.slug')}
        extra={t('content.form.slugHelp')}
        rules={[{ pattern: /^[a-z0-9]+(-[a-z0-9]+)*$/ }, { max: CONTENT_LIMITS.slugLength }]}
      >
        <Input maxLength={CONTENT_LIMITS.slugLength} data-testid="content-slug" />
      </Form.Item>
      <Form.Item name="summary" label={t('content.form.summary')} rules={[{ max: CONTENT_LIMITS.summaryLength }]}>
        <Input.TextArea rows={2} maxLength={CONTENT_LIMITS.summaryLength} showCount data-testid="content-summary" />
      </Form.Item>
      {kind === 'legal' ? <LegalFields t={t} /> : null}
      {images.length > 0 ? (
        <Form.Item name="coverFileId" label={t('content.form.cover')}>
          <Select
            allowClear
            placeholder={t('content.form.noCover')}
            options={images.map((image) => ({ value: image.id, label: image.originalName }))}
            data-testid="content-cover"
          />
        </Form.Item>
      ) : null}
      <Form.Item name="bodyHtml" label={t('content.form.body')} extra={t('content.form.bodyHelp')}>
        <LazyEditor loading={t('editor.loading')} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={saving} data-testid="content-save">
        {t('content.save')}
      </Button>
    </Form>
  );
}
