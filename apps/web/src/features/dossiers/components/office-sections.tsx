import type { DossierView } from '@ocop/contracts/dossiers';
import { Button, Col, DatePicker, Form, Input, InputNumber, Row } from 'antd';
import type { Dayjs } from 'dayjs';
import { Panel } from '../../../components/ui/panel';
import { DATE_FORMAT, formatIsoDate } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import type { MessageKey } from '../../../messages/vi';
import type { WriteDossier } from './dossier-actions';

const FINDINGS = ['rawMaterialOrigin', 'localLabour', 'ideaOrigin', 'localIdentity', 'conclusion'] as const;
type Findings = Record<(typeof FINDINGS)[number], string>;

const text = (record: Record<string, unknown> | null, key: string): string | undefined => {
  const value = record?.[key];
  return typeof value === 'string' ? value : undefined;
};

/** Mẫu 03: the commune's four findings and its conclusion, saved before it proposes. */
export function CommuneReportSection({ view, editable, write }: { view: DossierView; editable: boolean; write: WriteDossier }) {
  const { t } = useI18n();
  const initial = Object.fromEntries(FINDINGS.map((key) => [key, text(view.communeReport, key)]));
  return (
    <Panel title={t('dossier.communeReport.title')} testId="commune-report">
      <Form<Findings>
        layout="vertical"
        initialValues={initial}
        disabled={!editable}
        onFinish={(values) => void write({ kind: 'commune_report', revision: view.revision, ...values }, t('dossier.saved'))}
      >
        {FINDINGS.map((key) => (
          <Form.Item
            key={key}
            name={key}
            label={t(`dossier.communeReport.${key}` as MessageKey)}
            rules={[{ required: true, whitespace: true, message: t('dossier.communeReport.required') }]}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={4000} data-testid={`report-${key}`} />
          </Form.Item>
        ))}
        {editable ? (
          <Button htmlType="submit" type="primary" ghost data-testid="commune-report-save">
            {t('common.save')}
          </Button>
        ) : null}
      </Form>
    </Panel>
  );
}

/** The product samples the office ticked as received, of the 5 the product owes (none for tourism). */
export function SamplesSection({ view, editable, write }: { view: DossierView; editable: boolean; write: WriteDossier }) {
  const { t } = useI18n();
  if (view.samplesRequired === 0)
    return (
      <Panel title={t('dossier.samples.title')} testId="samples">
        {t('dossier.samples.none')}
      </Panel>
    );
  return (
    <Panel title={t('dossier.samples.title')} testId="samples">
      <div style={{ marginBottom: 8 }} data-testid="samples-count">
        {t('dossier.samples.count', { received: view.samplesReceived, required: view.samplesRequired })}
      </div>
      {editable ? (
        <InputNumber
          min={0}
          max={Math.min(5, Math.max(view.samplesRequired, view.samplesReceived))}
          precision={0}
          defaultValue={view.samplesReceived}
          onBlur={(event) => {
            const value = Number(event.target.value);
            if (Number.isInteger(value) && value !== view.samplesReceived)
              void write({ kind: 'samples', revision: view.revision, samplesReceived: value }, t('dossier.saved'));
          }}
          data-testid="samples-input"
        />
      ) : null}
    </Panel>
  );
}

type Advisory = { report: string; siteVisitNotes?: string; labTestsRequested?: string };

export function AdvisorySection({ view, editable, write }: { view: DossierView; editable: boolean; write: WriteDossier }) {
  const { t } = useI18n();
  const review = view.advisoryReview;
  return (
    <Panel title={t('dossier.advisory.title')} testId="advisory">
      <Form<Advisory>
        layout="vertical"
        disabled={!editable}
        initialValues={{
          report: text(review, 'report'),
          siteVisitNotes: text(review, 'siteVisitNotes'),
          labTestsRequested: text(review, 'labTestsRequested'),
        }}
        onFinish={(values) =>
          void write(
            {
              kind: 'advisory_review',
              revision: view.revision,
              report: values.report,
              siteVisitNotes: values.siteVisitNotes ?? '',
              labTestsRequested: values.labTestsRequested ?? '',
            },
            t('dossier.saved'),
          )
        }
      >
        <Form.Item
          name="report"
          label={t('dossier.advisory.report')}
          rules={[{ required: true, whitespace: true, message: t('dossier.required') }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={8000} />
        </Form.Item>
        <Form.Item name="siteVisitNotes" label={t('dossier.advisory.siteVisitNotes')}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} maxLength={8000} />
        </Form.Item>
        <Form.Item name="labTestsRequested" label={t('dossier.advisory.labTestsRequested')}>
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={4000} />
        </Form.Item>
        {editable ? <Button htmlType="submit">{t('common.save')}</Button> : null}
      </Form>
    </Panel>
  );
}

export function CouncilSection({ view }: { view: DossierView }) {
  const { t } = useI18n();
  return (
    <Panel title={t('dossier.council.title')} testId="council">
      {view.councilId ? t('dossier.council.assigned', { id: view.councilName ?? view.councilId.slice(0, 8) }) : t('dossier.council.none')}
    </Panel>
  );
}

/** The council's result (average and stars) and the decision that recorded it. */
export function ResultSection({ view }: { view: DossierView }) {
  const { t } = useI18n();
  if (view.resultTotal === null && !view.decision) return null;
  return (
    <Panel title={t('dossier.result.title')} testId="result">
      {view.resultTotal !== null ? (
        <div style={{ fontSize: 18, fontWeight: 600 }} data-testid="result-value">
          {view.resultStars
            ? t('dossier.result.value', { total: view.resultTotal, stars: view.resultStars })
            : t('dossier.result.noStars', { total: view.resultTotal })}
        </div>
      ) : null}
      {view.decision ? (
        <div>{t('dossier.result.decision', { number: view.decision.number, date: formatIsoDate(view.decision.signedOn) })}</div>
      ) : null}
    </Panel>
  );
}

type MinistryValues = { stars: number; total?: number | null; decisionNo: string; decidedOn: Dayjs };

/** The ministry's answer on a ≥ 90-point proposal. */
export function MinistryResultSection({ view, editable, write }: { view: DossierView; editable: boolean; write: WriteDossier }) {
  const { t } = useI18n();
  const recorded = view.ministryResult;
  if (!editable && !recorded) return null;
  return (
    <Panel title={t('dossier.ministry.title')} testId="ministry-result">
      {recorded ? (
        <div style={{ marginBottom: 8 }}>
          {t('dossier.ministry.recorded', {
            stars: String(recorded.stars ?? ''),
            number: String(recorded.decisionNo ?? ''),
            date: typeof recorded.decidedOn === 'string' ? formatIsoDate(recorded.decidedOn) : '',
          })}
        </div>
      ) : null}
      {editable ? (
        <Form<MinistryValues>
          layout="vertical"
          onFinish={(values) =>
            void write(
              {
                kind: 'ministry_result',
                revision: view.revision,
                stars: values.stars,
                total: values.total ?? null,
                decisionNo: values.decisionNo,
                decidedOn: values.decidedOn.format('YYYY-MM-DD'),
              },
              t('dossier.saved'),
            )
          }
        >
          <Row gutter={12}>
            <Col xs={12} sm={6}>
              <Form.Item name="stars" label={t('dossier.ministry.stars')} rules={[{ required: true, message: t('dossier.required') }]}>
                <InputNumber min={1} max={5} precision={0} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} sm={6}>
              <Form.Item name="total" label={t('dossier.ministry.total')}>
                <InputNumber min={0} max={100} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item
                name="decisionNo"
                label={t('dossier.ministry.decisionNo')}
                rules={[{ required: true, whitespace: true, message: t('dossier.required') }]}
              >
                <Input maxLength={80} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item
                name="decidedOn"
                label={t('dossier.ministry.decidedOn')}
                rules={[{ required: true, message: t('dossier.required') }]}
              >
                <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
          <Button htmlType="submit">{t('common.save')}</Button>
        </Form>
      ) : null}
    </Panel>
  );
}
