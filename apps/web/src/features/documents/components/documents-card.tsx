import { DeleteOutlined, DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { errorMessage } from '@ocop/contracts/errors';
import type { DocumentView } from '@ocop/contracts/registry-files';
import { UPLOAD_LIMITS } from '@ocop/contracts/registry-files';
import { DOCUMENT_KINDS, type DocumentKind } from '@ocop/domain/registry';
import {
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  Form,
  Input,
  Modal,
  Popconfirm,
  Row,
  Select,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { type HTMLAttributes, useState } from 'react';
import { DocumentExpiryTag } from '../../../components/ui/document-expiry-tag';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { FilePicker } from '../../../components/ui/file-picker';
import { DATE_FORMAT, formatIsoDate } from '../../../lib/format';
import { fieldFromDetails, showErrorOnFields } from '../../../lib/form-errors';
import { useI18n } from '../../../lib/i18n';
import { DOCUMENT_KIND_KEYS } from '../../../lib/registry';
import { useMediaQuery } from '../../../lib/use-media-query';
import { useDeleteDocument } from '../api/delete-document';
import { type DocumentOwner, useDocuments } from '../api/list-documents';
import { useUploadDocument } from '../api/upload-document';
import { useFeedback } from '../../../components/feedback/feedback';

const MB = 1024 * 1024;
const DOCUMENT_TYPES = '.pdf,.jpg,.jpeg,.png,.webp,.xlsx,.docx,application/pdf,image/jpeg,image/png,image/webp';

type UploadValues = {
  kind?: DocumentKind;
  number?: string;
  issuer?: string;
  validFrom?: Dayjs | null;
  validTo?: Dayjs | null;
  note?: string;
  productId?: string | null;
  file?: File | null;
};

const UPLOAD_FIELDS = ['kind', 'number', 'issuer', 'validFrom', 'validTo', 'note', 'productId', 'file'] as const;

/** Where a refused upload's reason belongs: the field it names, the file for file problems, the dates for an inverted validity. */
export function documentFieldForError(code: string, details: Readonly<Record<string, unknown>>): string | null {
  if (code.startsWith('file.')) return 'file';
  if (code === 'document.validity_inverted') return 'validTo';
  if (code === 'document.product_of_other_producer') return 'productId';
  return fieldFromDetails(details, UPLOAD_FIELDS);
}

function isoDate(value: Dayjs | null | undefined): string | null {
  return value ? value.format('YYYY-MM-DD') : null;
}

/** "Hết hạn" when the server says so (its clock is Vietnam's); else "Sắp hết hạn" within 60 days. */
function ValidityTags({ document }: { document: DocumentView }) {
  const { t } = useI18n();
  if (document.expired) return <Tag color="red">{t('documents.expired')}</Tag>;
  return <DocumentExpiryTag validTo={document.validTo} />;
}

function Validity({ document }: { document: DocumentView }) {
  const { t } = useI18n();
  const from = document.validFrom ? formatIsoDate(document.validFrom) : null;
  const to = document.validTo ? formatIsoDate(document.validTo) : null;
  const text =
    from && to
      ? `${from} – ${to}`
      : to
        ? t('documents.validTo', { to })
        : from
          ? t('documents.validFrom', { from })
          : t('documents.noExpiry');
  return (
    <Flex gap={4} wrap align="center">
      <span>{text}</span>
      <ValidityTags document={document} />
    </Flex>
  );
}

function FileLink({ document }: { document: DocumentView }) {
  const size =
    document.file.sizeBytes >= MB
      ? `${(document.file.sizeBytes / MB).toFixed(1)} MB`
      : `${Math.max(1, Math.round(document.file.sizeBytes / 1024))} KB`;
  return (
    <Typography.Link href={`${document.file.url}?download=1`} data-testid="document-download" style={{ wordBreak: 'break-all' }}>
      <DownloadOutlined /> {document.file.originalName} <Typography.Text type="secondary">({size})</Typography.Text>
    </Typography.Link>
  );
}

/** The registry's upload form; an evaluation dossier reuses it to add evidence (`capture`: the phone's camera). */
export function UploadForm({
  owner,
  productOptions,
  onDone,
  onCancel,
  capture = false,
  initialKind,
}: {
  owner: DocumentOwner;
  productOptions?: { value: string; label: string }[];
  onDone: (document: DocumentView) => void;
  onCancel: () => void;
  capture?: boolean;
  initialKind?: DocumentKind;
}) {
  const { t, language, describeError } = useI18n();
  const [form] = Form.useForm<UploadValues>();
  const uploadDocument = useUploadDocument();
  const [formError, setFormError] = useState<unknown>(null);
  const limit = `${UPLOAD_LIMITS.documentBytes / MB} MB`;

  const submit = (values: UploadValues) => {
    setFormError(null);
    uploadDocument.mutate(
      {
        owner,
        file: values.file as File,
        fields: {
          kind: values.kind as DocumentKind,
          number: values.number,
          issuer: values.issuer,
          validFrom: isoDate(values.validFrom),
          validTo: isoDate(values.validTo),
          note: values.note,
          productId: values.productId ?? null,
        },
      },
      {
        onSuccess: onDone,
        onError: (error) => {
          const placed = showErrorOnFields(form, error, documentFieldForError, describeError, UPLOAD_FIELDS);
          if (!placed) setFormError(error);
        },
      },
    );
  };

  return (
    <Form<UploadValues>
      noValidate
      form={form}
      layout="vertical"
      initialValues={initialKind ? { kind: initialKind } : undefined}
      onFinish={submit}
      disabled={uploadDocument.isPending}
      onValuesChange={() => setFormError(null)}
    >
      <Form.Item name="kind" label={t('documents.field.kind')} rules={[{ required: true, message: t('documents.field.kindRequired') }]}>
        <Select<DocumentKind> options={DOCUMENT_KINDS.map((kind) => ({ value: kind, label: t(DOCUMENT_KIND_KEYS[kind]) }))} />
      </Form.Item>
      {productOptions && productOptions.length > 0 ? (
        <Form.Item name="productId" label={t('documents.field.product')}>
          <Select<string> allowClear options={productOptions} placeholder={t('documents.field.productPlaceholder')} />
        </Form.Item>
      ) : null}
      <Row gutter={12}>
        <Col xs={24} sm={12}>
          <Form.Item name="number" label={t('documents.field.number')}>
            <Input maxLength={100} placeholder={t('documents.field.numberPlaceholder')} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={12}>
          <Form.Item name="issuer" label={t('documents.field.issuer')}>
            <Input maxLength={300} placeholder={t('documents.field.issuerPlaceholder')} />
          </Form.Item>
        </Col>
        <Col xs={12}>
          <Form.Item name="validFrom" label={t('documents.field.validFrom')}>
            <DatePicker format={DATE_FORMAT} placeholder={t('common.pickDate')} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12}>
          <Form.Item
            name="validTo"
            label={t('documents.field.validTo')}
            dependencies={['validFrom']}
            rules={[
              ({ getFieldValue }) => ({
                validator: async (_, value: Dayjs | null | undefined) => {
                  const from = getFieldValue('validFrom') as Dayjs | null | undefined;
                  if (from && value?.isBefore(from, 'day')) {
                    throw new Error(
                      errorMessage('document.validity_inverted', language, {
                        validFrom: from.format(DATE_FORMAT),
                        validTo: value.format(DATE_FORMAT),
                      }),
                    );
                  }
                },
              }),
            ]}
          >
            <DatePicker format={DATE_FORMAT} placeholder={t('common.pickDate')} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="note" label={t('documents.field.note')}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
      </Form.Item>
      <Form.Item
        name="file"
        label={t('documents.field.file')}
        extra={t('documents.field.fileHint', { limit })}
        getValueFromEvent={(files: File[]) => files[0] ?? null}
        rules={[
          {
            validator: async (_, file: File | null | undefined) => {
              if (!file) throw new Error(t('documents.field.fileRequired'));
              if (file.size > UPLOAD_LIMITS.documentBytes) throw new Error(errorMessage('file.too_large', language, { limit }));
            },
          },
        ]}
      >
        <FilePicker accept={capture ? 'image/*' : DOCUMENT_TYPES} capture={capture ? 'environment' : undefined} testId="document-file" />
      </Form.Item>
      {formError ? <ErrorAlert error={formError} /> : null}
      <Flex justify="flex-end" gap={8} style={{ marginTop: formError ? 16 : 0 }}>
        <Button onClick={onCancel} disabled={uploadDocument.isPending}>
          {t('common.cancel')}
        </Button>
        <Button type="primary" htmlType="submit" loading={uploadDocument.isPending}>
          {t('documents.upload')}
        </Button>
      </Flex>
    </Form>
  );
}

/**
 * The papers of a producer (with those of its products) or of one product: kind, number,
 * issuer, validity with an "expired" tag, download links; editors upload and delete.
 */
export function DocumentsCard({
  owner,
  canEdit,
  productNames,
}: {
  owner: DocumentOwner;
  canEdit: boolean;
  /** On a producer's page: its products, to say which one a document is about and to choose one. */
  productNames?: Map<string, string>;
}) {
  const { t, describeError } = useI18n();
  const { message } = useFeedback();
  const wide = useMediaQuery('(min-width: 768px)');
  const documents = useDocuments(owner);
  const deleteDocument = useDeleteDocument();
  const [adding, setAdding] = useState(false);
  const list = documents.data ?? [];
  const showProduct = Boolean(productNames) && list.some((document) => document.productId);
  const productOptions = productNames ? [...productNames].map(([value, label]) => ({ value, label })) : undefined;

  const remove = async (document: DocumentView) => {
    try {
      await deleteDocument.mutateAsync(document.id);
      void message.success(t('documents.deleted'));
    } catch (error) {
      void message.error(describeError(error));
    }
  };

  const deleteButton = (document: DocumentView) =>
    canEdit ? (
      <Popconfirm
        title={t('documents.confirmDelete')}
        okText={t('common.delete')}
        cancelText={t('common.cancel')}
        okButtonProps={{ danger: true }}
        onConfirm={() => remove(document)}
      >
        <Button type="text" danger size="small" icon={<DeleteOutlined />} aria-label={t('common.delete')} title={t('common.delete')} />
      </Popconfirm>
    ) : null;

  const columns: TableColumnsType<DocumentView> = wide
    ? [
        { title: t('documents.col.kind'), key: 'kind', render: (_, document) => t(DOCUMENT_KIND_KEYS[document.kind]) },
        {
          title: t('documents.col.product'),
          key: 'product',
          hidden: !showProduct,
          render: (_, document) => (document.productId ? (productNames?.get(document.productId) ?? '—') : '—'),
        },
        { title: t('documents.col.number'), dataIndex: 'number', render: (value: string | null) => value ?? '—' },
        { title: t('documents.col.issuer'), dataIndex: 'issuer', responsive: ['lg'], render: (value: string | null) => value ?? '—' },
        { title: t('documents.col.validity'), key: 'validity', render: (_, document) => <Validity document={document} /> },
        { title: t('documents.col.file'), key: 'file', render: (_, document) => <FileLink document={document} /> },
        { title: '', key: 'actions', width: 48, hidden: !canEdit, render: (_, document) => deleteButton(document) },
      ]
    : [
        {
          title: t('documents.col.kind'),
          key: 'card',
          render: (_, document) => (
            <Flex justify="space-between" gap={8} align="flex-start">
              <Flex vertical gap={4} style={{ minWidth: 0 }}>
                <Typography.Text strong>{t(DOCUMENT_KIND_KEYS[document.kind])}</Typography.Text>
                {document.productId && productNames?.get(document.productId) ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {productNames.get(document.productId)}
                  </Typography.Text>
                ) : null}
                {document.number || document.issuer ? (
                  <Typography.Text style={{ fontSize: 12 }}>
                    {[document.number, document.issuer].filter(Boolean).join(' · ')}
                  </Typography.Text>
                ) : null}
                <Validity document={document} />
                <FileLink document={document} />
              </Flex>
              {deleteButton(document)}
            </Flex>
          ),
        },
      ];

  return (
    <Card
      title={t('documents.title', { count: list.length })}
      extra={
        canEdit ? (
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="document-add">
            {t('documents.add')}
          </Button>
        ) : null
      }
      data-testid="documents"
    >
      {documents.isError ? <ErrorAlert error={documents.error} /> : null}
      <Table<DocumentView>
        rowKey="id"
        size="small"
        loading={documents.isPending}
        columns={columns}
        dataSource={list}
        pagination={false}
        locale={{ emptyText: t('documents.empty') }}
        onRow={() => ({ 'data-testid': 'document-row' }) as HTMLAttributes<HTMLElement>}
      />
      <Modal
        open={adding}
        title={t('documents.uploadTitle')}
        onCancel={() => setAdding(false)}
        footer={null}
        destroyOnHidden
        mask={{ closable: false }}
      >
        <UploadForm
          owner={owner}
          productOptions={owner.producerId ? productOptions : undefined}
          onCancel={() => setAdding(false)}
          onDone={() => {
            setAdding(false);
            void message.success(t('documents.uploaded'));
          }}
        />
      </Modal>
    </Card>
  );
}
