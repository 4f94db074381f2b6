import { type CertificateView, REVOCATION_GROUND_LABELS, type RevokeCertificateBody } from '@ocop/contracts/certification';
import { REVOCATION_GROUNDS, type RevocationGround, revocationEffectiveOn } from '@ocop/domain/certification';
import { vietnamDate } from '@ocop/domain/registry';
import { Col, DatePicker, Form, Input, Modal, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useFeedback } from '../../../components/feedback/feedback';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { DATE_FORMAT, formatIsoDate } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { useRevokeCertificate } from '../api/certificate-writes';

type Values = { ground: RevocationGround; decisionNumber: string; decidedOn: Dayjs; findingOn: Dayjs; reason: string };

const iso = (value: Dayjs) => value.format('YYYY-MM-DD');

/**
 * Revocation under Art. 8: the ground, the decision, the day the violation was found (the revocation
 * takes effect 15 days later, shown as soon as the day is picked) and the reason. A confirmation
 * names the day the mark must come off; the server's refusal shows in the dialog in the user's language.
 */
export function RevokeDialog({ view, open, onClose }: { view: CertificateView; open: boolean; onClose: () => void }) {
  const { t, language } = useI18n();
  const { message, modal } = useFeedback();
  const [form] = Form.useForm<Values>();
  const findingOn = Form.useWatch('findingOn', form);
  const revoke = useRevokeCertificate(view.id);
  const [error, setError] = useState<unknown>(null);
  const today = vietnamDate(new Date());
  const effectiveOn = findingOn ? revocationEffectiveOn(iso(findingOn)) : null;

  const submit = (values: Values) => {
    const body: RevokeCertificateBody = {
      ground: values.ground,
      decisionNumber: values.decisionNumber.trim(),
      decidedOn: iso(values.decidedOn),
      findingOn: iso(values.findingOn),
      reason: values.reason.trim(),
    };
    const effective = formatIsoDate(revocationEffectiveOn(body.findingOn));
    modal.confirm({
      title: t('certificate.revoke.confirmTitle', { number: view.number }),
      content: t('certificate.revoke.confirmText', { date: effective, product: view.productName }),
      okText: t('certificate.revoke.submit'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        revoke.mutateAsync(body).then(
          (saved) => {
            message.success(
              t('certificate.revoke.done', { number: saved.number, date: formatIsoDate(saved.revocation?.effectiveOn ?? body.findingOn) }),
            );
            onClose();
          },
          (failure: unknown) => setError(failure),
        ),
    });
  };

  return (
    <Modal
      open={open}
      title={t('certificate.revoke.title', { number: view.number })}
      okText={t('certificate.revoke.submit')}
      okButtonProps={{ danger: true, loading: revoke.isPending, ...{ 'data-testid': 'revoke-submit' } }}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
      width={640}
    >
      <Form<Values> form={form} layout="vertical" onValuesChange={() => setError(null)} onFinish={submit} data-testid="revoke-form">
        <Form.Item
          name="ground"
          label={t('certificate.revocation.ground')}
          rules={[{ required: true, message: t('certificate.revoke.required') }]}
        >
          <Select<RevocationGround>
            options={REVOCATION_GROUNDS.map((ground) => ({ value: ground, label: REVOCATION_GROUND_LABELS[ground][language] }))}
            popupMatchSelectWidth={false}
          />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="findingOn"
              label={t('certificate.revocation.findingOn')}
              rules={[{ required: true, message: t('certificate.revoke.required') }]}
              extra={
                <span data-testid="revoke-effective">
                  {effectiveOn
                    ? t('certificate.revoke.effectDay', { date: formatIsoDate(effectiveOn) })
                    : t('certificate.revoke.effectNote')}
                </span>
              }
            >
              <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} disabledDate={(value) => iso(value) > today} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="decidedOn"
              label={t('certificate.revocation.decidedOn')}
              dependencies={['findingOn']}
              rules={[
                { required: true, message: t('certificate.revoke.required') },
                ({ getFieldValue }) => ({
                  validator: (_rule, value: Dayjs | undefined) => {
                    const finding = getFieldValue('findingOn') as Dayjs | undefined;
                    return value && finding && iso(value) < iso(finding)
                      ? Promise.reject(new Error(t('certificate.revoke.decidedBeforeFinding')))
                      : Promise.resolve();
                  },
                }),
              ]}
            >
              <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="decisionNumber"
          label={t('certificate.revocation.decisionNumber')}
          rules={[{ required: true, whitespace: true, message: t('certificate.revoke.required') }]}
        >
          <Input maxLength={64} placeholder="123/QĐ-UBND" />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('certificate.revocation.reason')}
          rules={[{ required: true, whitespace: true, message: t('certificate.revoke.required') }]}
        >
          <Input.TextArea maxLength={2000} autoSize={{ minRows: 3, maxRows: 8 }} />
        </Form.Item>
      </Form>
      {error ? <ErrorAlert error={error} /> : null}
    </Modal>
  );
}
