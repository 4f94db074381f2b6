import type { DecisionBody, DossierBrief, RoundView } from '@ocop/contracts/dossiers';
import { Checkbox, Col, DatePicker, Flex, Form, Input, Modal, Radio, Row } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useFeedback } from '../../../components/feedback/feedback';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { DATE_FORMAT } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { roundPdfUrls, useDossiers } from '../api/dossier-queries';
import { useRecordDecision } from '../api/dossier-writes';

type Values = {
  kind: DecisionBody['kind'];
  number: string;
  signedOn: Dayjs;
  signerName?: string;
  signerTitle?: string;
  dossierIds: string[];
};

/** ≥ 90 points goes to the ministry (Art. 7.4); below it, a star result is the province's to recognise. */
const fits = (dossier: DossierBrief, kind: DecisionBody['kind']) =>
  dossier.resultTotal !== null &&
  (kind === 'ministry_proposal' ? dossier.resultTotal >= 90 : dossier.resultTotal < 90 && dossier.resultStars !== null);

/** Records the recognition (or the proposal to the ministry) of a round's scored dossiers, all at once. */
export function DecisionDialog({ open, onClose, round }: { open: boolean; onClose: () => void; round: RoundView }) {
  const { t } = useI18n();
  const { message } = useFeedback();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? 'recognition';
  const scored = useDossiers({ roundId: round.id, state: 'scored', pageSize: 200 }, { enabled: open });
  const record = useRecordDecision();
  const [error, setError] = useState<unknown>(null);
  const candidates = (scored.data?.items ?? []).filter((dossier) => fits(dossier, kind));
  const pdf = roundPdfUrls(round.id);

  return (
    <Modal
      open={open}
      title={`${t('dossier.decision.title')} — ${round.name}`}
      okText={t('dossier.decision.submit')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: record.isPending, disabled: candidates.length === 0 }}
      destroyOnHidden
      width={640}
    >
      <Flex gap={12} wrap style={{ marginBottom: 12 }}>
        <a href={pdf.draftDecision} target="_blank" rel="noreferrer">
          {t('dossier.pdf.draftDecision')}
        </a>
        <a href={pdf.minutes} target="_blank" rel="noreferrer">
          {t('dossier.pdf.minutes')}
        </a>
      </Flex>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ kind: 'recognition', dossierIds: [] }}
        onValuesChange={(changed) => {
          setError(null);
          if ('kind' in changed) form.setFieldValue('dossierIds', []);
        }}
        onFinish={(values) =>
          record.mutate(
            {
              roundId: round.id,
              kind: values.kind,
              number: values.number.trim(),
              signedOn: values.signedOn.format('YYYY-MM-DD'),
              ...(values.signerName ? { signerName: values.signerName } : {}),
              ...(values.signerTitle ? { signerTitle: values.signerTitle } : {}),
              dossierIds: values.dossierIds,
            },
            {
              onSuccess: (decision) => {
                message.success(t('dossier.decision.recorded', { number: decision.number }));
                onClose();
              },
              onError: setError,
            },
          )
        }
      >
        <Form.Item name="kind" label={t('dossier.decision.kind')}>
          <Radio.Group
            options={[
              { value: 'recognition', label: t('dossier.decision.recognition') },
              { value: 'ministry_proposal', label: t('dossier.decision.ministry_proposal') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="dossierIds"
          label={t('dossier.decision.dossiers')}
          rules={[{ required: true, type: 'array', min: 1, message: t('dossier.required') }]}
        >
          {candidates.length === 0 ? (
            <span className="ocop-text-secondary">{t('dossier.decision.noDossiers')}</span>
          ) : (
            <Checkbox.Group
              style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
              options={candidates.map((dossier) => ({
                value: dossier.id,
                label: `${dossier.product.name} — ${dossier.producer.name}: ${dossier.resultTotal} (${dossier.resultStars ?? '—'}★)`,
              }))}
            />
          )}
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="number"
              label={t('dossier.decision.number')}
              rules={[{ required: true, whitespace: true, message: t('dossier.required') }]}
            >
              <Input maxLength={80} placeholder="123/QĐ-UBND" />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="signedOn" label={t('dossier.decision.signedOn')} rules={[{ required: true, message: t('dossier.required') }]}>
              <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="signerName" label={t('dossier.decision.signerName')}>
              <Input maxLength={120} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="signerTitle" label={t('dossier.decision.signerTitle')}>
              <Input maxLength={120} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
      {error ? <ErrorAlert error={error} /> : null}
    </Modal>
  );
}
