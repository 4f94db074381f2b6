import { CERTIFICATE_STATUS_LABELS, type CertificateView, REVOCATION_GROUND_LABELS } from '@ocop/contracts/certification';
import { addDays } from '@ocop/domain/certification';
import { Alert, Flex } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { FieldList, type FieldListItem, Panel } from '../../../components/ui/panel';
import { formatIsoDate } from '../../../lib/format';
import { type Translate, useI18n } from '../../../lib/i18n';
import { certificateDetailPath } from './certificate-columns';
import { CERTIFICATE_STATUS_COLORS, Stars } from './certificate-status-tag';

const BANNER_TYPE = { green: 'success', gold: 'warning', red: 'error', default: 'info' } as const;

const day = (value: string | null | undefined) => (value ? formatIsoDate(value) : '—');

/** Why the certificate stands where it does, in a sentence. */
export function statusExplanation(view: CertificateView, t: Translate): string {
  const until = day(view.validUntil);
  const since = day(view.statusSince);
  // A revocation recorded but not in effect yet ends the mark on the eve of its effective day.
  if (view.revocation && view.mayShowMark)
    return t('certificate.why.revoking', { until: formatIsoDate(addDays(view.revocation.effectiveOn, -1)) });
  switch (view.status) {
    case 'valid':
      return t('certificate.why.valid', { until, days: view.daysLeft });
    case 'expiring':
      return t('certificate.why.expiring', { until, days: view.daysLeft });
    case 'in_re_evaluation':
      return t('certificate.why.in_re_evaluation', { filed: day(view.pendingReEvaluation?.filedOn), until });
    case 'extended':
      return t('certificate.why.extended', { expires: day(view.expiresOn), filed: day(view.pendingReEvaluation?.filedOn), until });
    case 'expired':
      return t('certificate.why.expired', { since });
    case 'revoked':
      return t('certificate.why.revoked', { number: view.revocation?.decisionNumber ?? '', since });
    case 'superseded':
      return t('certificate.why.superseded', { number: view.supersededBy?.number ?? '', since });
  }
}

/** The first thing on the page: the status, since when or until when, and why. */
export function StatusBanner({ view }: { view: CertificateView }) {
  const { t, language } = useI18n();
  const pendingRevocation = view.revocation && view.status !== 'revoked' ? view.revocation : null;
  return (
    <Flex vertical gap={8} style={{ marginBottom: 16 }}>
      <Alert
        type={BANNER_TYPE[CERTIFICATE_STATUS_COLORS[view.status]]}
        showIcon
        title={
          <span>
            <strong>{CERTIFICATE_STATUS_LABELS[view.status][language]}</strong>
            {view.statusSince ? (
              <span className="ocop-text-secondary" style={{ fontWeight: 400 }}>
                {' '}
                · {t('certificate.since', { date: formatIsoDate(view.statusSince) })}
              </span>
            ) : null}
          </span>
        }
        description={statusExplanation(view, t)}
        data-testid="certificate-banner"
      />
      {pendingRevocation ? (
        <Alert
          type="warning"
          showIcon
          title={t('certificate.pendingRevocation', {
            number: pendingRevocation.decisionNumber,
            date: formatIsoDate(pendingRevocation.effectiveOn),
          })}
          data-testid="pending-revocation"
        />
      ) : null}
    </Flex>
  );
}

/** What the certificate says: product, producer, stars, issuer, decision, dates, and what replaced it. */
export function CertificateFacts({ view, regimeName }: { view: CertificateView; regimeName: string }) {
  const { t } = useI18n();
  const issuer: ReactNode = (
    <Flex vertical gap={2}>
      <span>{view.issuer.name}</span>
      {view.legacyDistrictName ? (
        <span className="ocop-text-secondary">{t('certificate.field.legacyDistrict', { name: view.legacyDistrictName })}</span>
      ) : null}
    </Flex>
  );
  const decision = t('certificate.field.decisionText', { number: view.decisionNumber, date: formatIsoDate(view.decisionDate) });
  const items: (FieldListItem | null)[] = [
    {
      key: 'product',
      label: t('certificate.field.product'),
      children: view.productId ? <Link to={`/products/${view.productId}`}>{view.productName}</Link> : view.productName,
    },
    view.productCode ? { key: 'productCode', label: t('certificate.field.productCode'), children: view.productCode } : null,
    view.productSetName ? { key: 'productSet', label: t('certificate.field.productSet'), children: view.productSetName } : null,
    {
      key: 'producer',
      label: t('certificate.field.producer'),
      children: view.producerId ? <Link to={`/producers/${view.producerId}`}>{view.producerName}</Link> : view.producerName,
    },
    view.producerAddress ? { key: 'address', label: t('certificate.field.address'), children: view.producerAddress } : null,
    {
      key: 'stars',
      label: t('certificate.field.stars'),
      children: (
        <>
          <Stars stars={view.stars} /> {t('certificates.starsLabel', { stars: view.stars })}
        </>
      ),
    },
    { key: 'issuer', label: t('certificate.field.issuer'), children: issuer },
    { key: 'regime', label: t('certificate.field.regime'), children: regimeName },
    {
      key: 'decision',
      label: t('certificate.field.decision'),
      children: (
        <Flex gap={8} wrap>
          <span>{decision}</span>
          {view.dossierId ? <Link to={`/dossiers/${view.dossierId}`}>{t('certificate.field.dossier')}</Link> : null}
        </Flex>
      ),
    },
    { key: 'issuedOn', label: t('certificate.field.issuedOn'), children: formatIsoDate(view.issuedOn) },
    { key: 'expiresOn', label: t('certificate.field.expiresOn'), children: formatIsoDate(view.expiresOn) },
    { key: 'source', label: t('certificate.field.source'), children: t(`certificate.source.${view.source}`) },
    view.supersededBy
      ? {
          key: 'supersededBy',
          label: t('certificate.field.supersededBy'),
          children: (
            <Link to={certificateDetailPath(view.supersededBy.id)}>
              {t('certificate.field.supersededByText', { number: view.supersededBy.number, date: formatIsoDate(view.supersededBy.on) })}
            </Link>
          ),
        }
      : null,
  ];
  return (
    <Panel title={t('certificate.facts')} testId="certificate-facts">
      <FieldList items={items.filter((item): item is FieldListItem => item !== null)} />
    </Panel>
  );
}

/** The revocation as decided: ground, decision, finding, effect, reason. */
export function RevocationPanel({ revocation }: { revocation: NonNullable<CertificateView['revocation']> }) {
  const { t, language } = useI18n();
  return (
    <Panel title={t('certificate.revocation.title')} testId="certificate-revocation">
      <FieldList
        items={[
          { key: 'ground', label: t('certificate.revocation.ground'), children: REVOCATION_GROUND_LABELS[revocation.ground][language] },
          { key: 'decision', label: t('certificate.revocation.decisionNumber'), children: revocation.decisionNumber },
          { key: 'decidedOn', label: t('certificate.revocation.decidedOn'), children: formatIsoDate(revocation.decidedOn) },
          { key: 'findingOn', label: t('certificate.revocation.findingOn'), children: formatIsoDate(revocation.findingOn) },
          { key: 'effectiveOn', label: t('certificate.revocation.effectiveOn'), children: formatIsoDate(revocation.effectiveOn) },
          {
            key: 'reason',
            label: t('certificate.revocation.reason'),
            children: <span style={{ whiteSpace: 'pre-wrap' }}>{revocation.reason}</span>,
          },
        ]}
      />
    </Panel>
  );
}

/** The re-evaluation filed for the product and not yet decided. */
export function ReEvaluationPanel({ pending }: { pending: NonNullable<CertificateView['pendingReEvaluation']> }) {
  const { t } = useI18n();
  return (
    <Panel title={t('certificate.reEvaluation')} testId="certificate-re-evaluation">
      <Flex vertical gap={6}>
        <span>
          {t('certificate.reEvaluationText', { date: formatIsoDate(pending.filedOn) })}
          {pending.lateFiling ? ` ${t('certificate.reEvaluationLate')}` : ''}
        </span>
        <Link to={`/dossiers/${pending.dossierId}`}>{t('certificate.reEvaluationLink')}</Link>
      </Flex>
    </Panel>
  );
}
