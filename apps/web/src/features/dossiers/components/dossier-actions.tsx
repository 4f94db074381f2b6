import type { DossierView } from '@ocop/contracts/dossiers';
import { Alert, Button, Flex, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useFeedback } from '../../../components/feedback/feedback';
import { Panel } from '../../../components/ui/panel';
import { useI18n } from '../../../lib/i18n';
import type { DossierWrite } from '../api/dossier-writes';
import { actionLabel, unmetLabel } from './dossier-labels';

/** Steps taken by recording a decision on the board, never by a button here (the server refuses them as transitions). */
const BY_DECISION = new Set(['recognise', 'propose_to_ministry', 'recognise_from_ministry_result']);

export type WriteDossier = (write: DossierWrite, successText?: string) => Promise<boolean>;

type Step = DossierView['steps'][number];

/** A return (and a refusal) carries reasons the producer reads: typed in a dialog, not a precondition to meet first. */
const needsReasons = (step: Step) => step.unmet.includes('reasons_given') || step.action === 'not_recognise';
const blockingOf = (step: Step) => step.unmet.filter((unmet) => unmet !== 'reasons_given');

/**
 * The steps the reader may take now, straight from the view's `steps` (the lifecycle table): each a
 * button, disabled with what is still missing while a precondition is unmet.
 */
export function DossierActions({ view, write, busy }: { view: DossierView; write: WriteDossier; busy: boolean }) {
  const { t } = useI18n();
  const { modal } = useFeedback();
  const [asking, setAsking] = useState<Step | null>(null);
  const [form] = Form.useForm<{ reasons: string }>();

  const take = (step: Step, reasons?: string) =>
    write(
      { kind: 'transition', action: step.action, revision: view.revision, ...(reasons ? { reasons } : {}) },
      t('dossier.steps.done', { action: actionLabel(t, step.action) }),
    );

  const start = (step: Step) => {
    if (needsReasons(step)) {
      form.resetFields();
      setAsking(step);
      return;
    }
    modal.confirm({
      title: t('dossier.steps.confirm', { action: actionLabel(t, step.action) }),
      okText: actionLabel(t, step.action),
      cancelText: t('common.cancel'),
      onOk: () => take(step),
    });
  };

  return (
    <Panel title={t('dossier.steps.title')} testId="dossier-actions">
      {view.steps.length === 0 ? <span className="ocop-text-secondary">{t('dossier.steps.none')}</span> : null}
      <Flex vertical gap={12}>
        {view.steps.map((step) => {
          const blocking =
            BY_DECISION.has(step.action) && !step.unmet.includes('decision_recorded')
              ? [...blockingOf(step), 'decision_recorded']
              : blockingOf(step);
          const danger = step.action.startsWith('return') || step.action === 'not_recognise';
          return (
            <div key={step.action} data-testid={`step-${step.action}`}>
              <Button
                type={danger ? 'default' : 'primary'}
                danger={danger}
                block
                size="large"
                disabled={blocking.length > 0 || busy}
                // A long step name wraps inside the narrow side column instead of spilling out of the button.
                style={{ whiteSpace: 'normal', height: 'auto', minHeight: 40 }}
                onClick={() => start(step)}
                data-testid={`step-button-${step.action}`}
              >
                {actionLabel(t, step.action)}
              </Button>
              {blocking.length > 0 ? (
                <div data-testid={`step-unmet-${step.action}`} className="ocop-text-secondary" style={{ fontSize: 13, marginTop: 4 }}>
                  {t('dossier.steps.needs')}
                  <ul style={{ margin: '2px 0 0', paddingLeft: 20 }}>
                    {blocking.map((unmet) => (
                      <li key={unmet}>{unmetLabel(t, unmet)}</li>
                    ))}
                  </ul>
                </div>
              ) : null}
            </div>
          );
        })}
      </Flex>
      <Modal
        open={asking !== null}
        title={asking ? t('dossier.steps.reasonsTitle', { action: actionLabel(t, asking.action) }) : ''}
        okText={asking ? actionLabel(t, asking.action) : ''}
        cancelText={t('common.cancel')}
        okButtonProps={{ danger: true, loading: busy, 'data-testid': 'reasons-ok' }}
        onCancel={() => setAsking(null)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        {asking && asking.unmet.length > 0 && blockingOf(asking).length > 0 ? (
          <Alert
            type="warning"
            title={blockingOf(asking)
              .map((unmet) => unmetLabel(t, unmet))
              .join('; ')}
          />
        ) : null}
        <Form
          form={form}
          layout="vertical"
          onFinish={async ({ reasons }) => {
            if (!asking) return;
            if (await take(asking, reasons.trim())) setAsking(null);
          }}
        >
          <Form.Item
            name="reasons"
            label={t('dossier.steps.reasons')}
            rules={[{ required: true, whitespace: true, message: t('dossier.steps.reasonsRequired') }]}
          >
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={4000} data-testid="reasons-input" />
          </Form.Item>
        </Form>
      </Modal>
    </Panel>
  );
}
