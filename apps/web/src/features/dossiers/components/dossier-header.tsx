import type { DossierView } from '@ocop/contracts/dossiers';
import { Flex, Tag, Timeline } from 'antd';
import { Link } from 'react-router';
import { FieldList, Panel } from '../../../components/ui/panel';
import { formatDateTime, formatIsoDate } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { dossierPdfUrls } from '../api/dossier-queries';
import { actionLabel, CommuneClockTag, DossierStateTag, kindKey, stateKey } from './dossier-labels';

/** Product, producer, round, kind and state: what the dossier is, at a glance. */
export function DossierSummary({ view }: { view: DossierView }) {
  const { t } = useI18n();
  return (
    <Panel testId="dossier-summary">
      <Flex gap={8} wrap align="center" style={{ marginBottom: 8 }}>
        <DossierStateTag state={view.state} />
        <Tag>{t(kindKey(view.kind))}</Tag>
        {view.lateFiling ? (
          <Tag color="red" data-testid="late-filing">
            {t('dossier.lateFiling')}
          </Tag>
        ) : null}
        {view.communeClock && view.state === 'submitted' ? <CommuneClockTag clock={view.communeClock} withDue /> : null}
      </Flex>
      <FieldList
        items={[
          {
            key: 'producer',
            label: t('dossier.detail.producer'),
            children: <Link to={`/producers/${view.producer.id}`}>{view.producer.name}</Link>,
          },
          { key: 'round', label: t('dossier.detail.round'), children: view.roundName },
          { key: 'commune', label: t('dossier.detail.commune'), children: view.communeName ?? view.communeCode },
          {
            key: 'submitted',
            label: t('dossier.detail.submittedOn'),
            children: view.submittedOn ? formatIsoDate(view.submittedOn) : '—',
          },
        ]}
      />
      {view.lastReasons && ['returned_by_commune', 'returned_for_completion', 'not_recognised'].includes(view.state) ? (
        <div className="ocop-text-secondary" data-testid="last-reasons" style={{ marginTop: 8, color: '#b45309' }}>
          {t('dossier.detail.lastReasons', { reasons: view.lastReasons })}
        </div>
      ) : null}
    </Panel>
  );
}

/** The commune's clock in full, for the officer who must act in time. */
export function CommuneClockPanel({ view }: { view: DossierView }) {
  const { t } = useI18n();
  const clock = view.communeClock;
  if (!clock) return null;
  return (
    <Panel title={t('dossier.clock.title')} testId="clock-panel">
      <CommuneClockTag clock={clock} />
      <div style={{ marginTop: 8 }}>
        {t('dossier.clock.detail', {
          received: formatIsoDate(clock.receivedOn),
          due: formatIsoDate(clock.dueOn),
          used: clock.used,
          allowed: clock.allowed,
        })}
      </div>
    </Panel>
  );
}

export function DossierPdfLinks({ view }: { view: DossierView }) {
  const { t } = useI18n();
  const urls = dossierPdfUrls(view.id);
  const links = [
    { href: urls.registrationForm, label: t('dossier.pdf.registration'), show: true },
    { href: urls.communeReport, label: t('dossier.pdf.communeReport'), show: view.communeReport !== null },
    { href: urls.resultLetter, label: t('dossier.pdf.resultLetter'), show: view.result !== null },
  ];
  return (
    <Panel title={t('dossier.detail.documents')} testId="dossier-pdfs">
      <Flex vertical gap={6}>
        {links
          .filter((link) => link.show)
          .map((link) => (
            <a key={link.href} href={link.href} target="_blank" rel="noreferrer">
              {link.label}
            </a>
          ))}
      </Flex>
    </Panel>
  );
}

/** Who moved the dossier, when, and why. */
export function DossierHistory({ view }: { view: DossierView }) {
  const { t } = useI18n();
  return (
    <Panel title={t('dossier.history.title')} testId="dossier-history">
      {view.history.length === 0 ? (
        <span className="ocop-text-secondary">{t('dossier.history.empty')}</span>
      ) : (
        <Timeline
          items={view.history.map((entry, index) => ({
            key: `${entry.at}-${index}`,
            color: entry.to.startsWith('returned') || entry.to === 'not_recognised' ? 'red' : 'green',
            content: (
              <div>
                <strong>{actionLabel(t, entry.action)}</strong> → {t(stateKey(entry.to))}
                <div className="ocop-text-secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(entry.at)}
                  {entry.actorName ? ` · ${entry.actorName}` : ''}
                </div>
                {entry.reasons ? <div style={{ whiteSpace: 'pre-wrap' }}>{entry.reasons}</div> : null}
              </div>
            ),
          }))}
        />
      )}
    </Panel>
  );
}
