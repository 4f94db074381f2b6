import { CameraOutlined, CheckCircleFilled, CloseCircleFilled, DeleteOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import type { DossierView } from '@ocop/contracts/dossiers';
import { Button, Col, Flex, Form, Input, InputNumber, Modal, Row, Select } from 'antd';
import { type ReactNode, useState } from 'react';
import { Link } from 'react-router';
import { Panel } from '../../../components/ui/panel';
import { useI18n } from '../../../lib/i18n';
import type { WriteDossier } from './dossier-actions';

/** What the evidence list needs to know of a registry document. */
export type EvidenceDocument = { id: string; label: string; url: string | null };

const REGISTRATION_TEXT = ['outputUnit', 'markets', 'notes'] as const;
const REGISTRATION_NUMBERS = ['annualOutput', 'annualRevenue', 'workers'] as const;
type RegistrationValues = Partial<
  Record<(typeof REGISTRATION_TEXT)[number], string> & Record<(typeof REGISTRATION_NUMBERS)[number], number>
>;

/** The Mẫu 01 fields the registry does not hold already: output, markets, revenue, workers. */
export function RegistrationSection({ view, editable, write }: { view: DossierView; editable: boolean; write: WriteDossier }) {
  const { t } = useI18n();
  const [form] = Form.useForm<RegistrationValues>();
  const initial: RegistrationValues = {};
  for (const key of [...REGISTRATION_TEXT, ...REGISTRATION_NUMBERS]) {
    const value = view.registration[key];
    if (typeof value === 'string' || typeof value === 'number') (initial as Record<string, unknown>)[key] = value;
  }
  const save = (values: RegistrationValues) => {
    const registration: Record<string, string | number | null> = { ...(view.registration as Record<string, string | number | null>) };
    for (const [key, value] of Object.entries(values))
      registration[key] = value === undefined || value === '' ? null : (value as string | number);
    void write({ kind: 'registration', revision: view.revision, registration }, t('dossier.saved'));
  };
  return (
    <Panel title={t('dossier.registration.title')} testId="registration">
      <Form<RegistrationValues> form={form} layout="vertical" initialValues={initial} onFinish={save} disabled={!editable}>
        <Row gutter={12}>
          <Col xs={14} sm={8}>
            <Form.Item name="annualOutput" label={t('dossier.registration.annualOutput')}>
              <InputNumber min={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={10} sm={4}>
            <Form.Item name="outputUnit" label={t('dossier.registration.outputUnit')}>
              <Input maxLength={40} placeholder="kg" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="annualRevenue" label={t('dossier.registration.annualRevenue')}>
              <InputNumber min={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="markets" label={t('dossier.registration.markets')}>
              <Input maxLength={500} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="workers" label={t('dossier.registration.workers')}>
              <InputNumber min={0} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="notes" label={t('dossier.registration.notes')}>
              <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
            </Form.Item>
          </Col>
        </Row>
        {editable ? (
          <Button htmlType="submit" data-testid="registration-save">
            {t('common.save')}
          </Button>
        ) : null}
      </Form>
    </Panel>
  );
}

/** The papers the submit needs, ✓ present or ✗ missing. */
export function ChecklistSection({ view }: { view: DossierView }) {
  const { t } = useI18n();
  return (
    <Panel title={t('dossier.checklist.title')} testId="checklist">
      <ul style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {view.checklist.map((line) => (
          <li key={line.key} data-testid={`checklist-${line.key}`} data-present={line.present} style={{ padding: '4px 0' }}>
            {line.present ? (
              <CheckCircleFilled style={{ color: '#16a34a' }} aria-label={t('dossier.checklist.present')} />
            ) : (
              <CloseCircleFilled style={{ color: '#dc2626' }} aria-label={t('dossier.checklist.missing')} />
            )}{' '}
            {line.label}
          </li>
        ))}
      </ul>
    </Panel>
  );
}

/**
 * The evidence offered with the dossier: registry documents already linked, more picked from the
 * producer's documents, or a new one uploaded (a photo from the phone's camera) and linked at once.
 */
export function EvidenceSection({
  view,
  editable,
  write,
  documents,
  criteria,
  renderUpload,
}: {
  view: DossierView;
  editable: boolean;
  write: WriteDossier;
  documents: readonly EvidenceDocument[];
  criteria: readonly { value: string; label: string }[];
  /** The registry's upload form; calls `done` with the new document's id. */
  renderUpload: (mode: 'file' | 'photo', done: (documentId: string) => void, cancel: () => void) => ReactNode;
}) {
  const { t } = useI18n();
  const [picking, setPicking] = useState(false);
  const [uploading, setUploading] = useState<'file' | 'photo' | null>(null);
  const [form] = Form.useForm<{ documentId: string; criterionCode?: string }>();
  const byId = new Map(documents.map((document) => [document.id, document]));
  const linked = new Set(view.evidence.map((item) => item.documentId));
  const left = documents.filter((document) => !linked.has(document.id));

  return (
    <Panel title={t('dossier.evidence.title', { count: view.evidence.length })} testId="evidence">
      {view.evidence.length === 0 ? <span className="ocop-text-secondary">{t('dossier.evidence.empty')}</span> : null}
      <ul style={{ margin: 0, paddingLeft: 18 }}>
        {view.evidence.map((item) => {
          const document = byId.get(item.documentId);
          return (
            <li key={item.id} data-testid="evidence-item" style={{ padding: '2px 0' }}>
              <Flex justify="space-between" align="center" gap={8}>
                <span style={{ minWidth: 0, wordBreak: 'break-word' }}>
                  {document?.url ? (
                    <a href={document.url} target="_blank" rel="noreferrer">
                      {document.label}
                    </a>
                  ) : (
                    (document?.label ?? t('dossier.evidence.unknownDocument'))
                  )}
                  {item.criterionCode ? <span className="ocop-text-secondary"> · {item.criterionCode}</span> : null}
                </span>
                {editable ? (
                  <Button
                    type="text"
                    danger
                    size="small"
                    icon={<DeleteOutlined />}
                    aria-label={t('dossier.evidence.remove')}
                    title={t('dossier.evidence.remove')}
                    onClick={() => void write({ kind: 'remove_evidence', evidenceId: item.id })}
                  />
                ) : null}
              </Flex>
            </li>
          );
        })}
      </ul>
      {editable ? (
        <Flex gap={8} wrap style={{ marginTop: 12 }}>
          <Button icon={<PlusOutlined />} onClick={() => setPicking(true)} data-testid="evidence-add-existing">
            {t('dossier.evidence.addExisting')}
          </Button>
          <Button icon={<UploadOutlined />} onClick={() => setUploading('file')} data-testid="evidence-upload">
            {t('dossier.evidence.upload')}
          </Button>
          <Button icon={<CameraOutlined />} onClick={() => setUploading('photo')} data-testid="evidence-photo">
            {t('dossier.evidence.photo')}
          </Button>
        </Flex>
      ) : null}
      <Modal
        open={picking}
        title={t('dossier.evidence.addExisting')}
        okText={t('dossier.evidence.add')}
        cancelText={t('common.cancel')}
        onCancel={() => setPicking(false)}
        onOk={() => form.submit()}
        okButtonProps={{ disabled: left.length === 0 }}
        destroyOnHidden
      >
        {left.length === 0 ? <p>{t('dossier.evidence.noneLeft')}</p> : null}
        <Form
          form={form}
          layout="vertical"
          onFinish={async (values) => {
            const ok = await write({ kind: 'add_evidence', documentId: values.documentId, criterionCode: values.criterionCode ?? null });
            if (ok) setPicking(false);
          }}
        >
          <Form.Item name="documentId" label={t('dossier.evidence.pick')} rules={[{ required: true, message: t('dossier.required') }]}>
            <Select options={left.map((document) => ({ value: document.id, label: document.label }))} data-testid="evidence-pick" />
          </Form.Item>
          {criteria.length > 0 ? (
            <Form.Item name="criterionCode" label={t('dossier.evidence.criterion')}>
              <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={[...criteria]} />
            </Form.Item>
          ) : null}
        </Form>
      </Modal>
      <Modal
        open={uploading !== null}
        title={uploading === 'photo' ? t('dossier.evidence.photo') : t('dossier.evidence.upload')}
        footer={null}
        onCancel={() => setUploading(null)}
        destroyOnHidden
        mask={{ closable: false }}
      >
        {uploading
          ? renderUpload(
              uploading,
              (documentId) => {
                setUploading(null);
                void write({ kind: 'add_evidence', documentId }, t('dossier.saved'));
              },
              () => setUploading(null),
            )
          : null}
      </Modal>
    </Panel>
  );
}

/** The self-assessment's total and the way to the screen where it is answered. */
export function SelfAssessmentSection({ view, liveTotal = null }: { view: DossierView; liveTotal?: number | null }) {
  const { t } = useI18n();
  const total = view.selfAssessment?.total ?? view.selfAssessmentTotal ?? liveTotal;
  return (
    <Panel title={t('dossier.selfAssessment.title')} testId="dossier-self-assessment">
      <div style={{ marginBottom: 8 }}>
        {total !== null && total !== undefined ? t('dossier.selfAssessment.total', { total }) : t('dossier.selfAssessment.none')}
      </div>
      <Link to={`/products/${view.product.id}/self-assessment`} data-testid="open-self-assessment">
        {t('dossier.selfAssessment.open')}
      </Link>
    </Panel>
  );
}
