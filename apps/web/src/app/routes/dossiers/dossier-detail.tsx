import { ArrowLeftOutlined } from '@ant-design/icons';
import type { DossierView } from '@ocop/contracts/dossiers';
import { can } from '@ocop/domain/shared';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Col, Flex, Row } from 'antd';
import { useCallback, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useFeedback } from '../../../components/feedback/feedback';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { PageHeader } from '../../../components/ui/page-header';
import { PageLoading } from '../../../components/ui/page-loading';
import { DossierCertificatePanel } from '../../../features/certificates/components/dossier-certificate-panel';
import { useDocuments } from '../../../features/documents/api/list-documents';
import { UploadForm } from '../../../features/documents/components/documents-card';
import { useDossier } from '../../../features/dossiers/api/dossier-queries';
import { type DossierWrite, isDossierConflict, useWriteDossier } from '../../../features/dossiers/api/dossier-writes';
import { DossierActions, type WriteDossier } from '../../../features/dossiers/components/dossier-actions';
import { CommuneClockPanel, DossierHistory, DossierPdfLinks, DossierSummary } from '../../../features/dossiers/components/dossier-header';
import {
  AdvisorySection,
  CommuneReportSection,
  CouncilSection,
  MinistryResultSection,
  ResultSection,
  SamplesSection,
} from '../../../features/dossiers/components/office-sections';
import {
  ChecklistSection,
  type EvidenceDocument,
  EvidenceSection,
  RegistrationSection,
  SelfAssessmentSection,
} from '../../../features/dossiers/components/producer-sections';
import { selfAssessmentQueryOptions } from '../../../features/self-assessment/api/self-assessment';
import { useCurrentUser } from '../../../lib/auth';
import { useI18n } from '../../../lib/i18n';
import { DOCUMENT_KIND_KEYS } from '../../../lib/registry';

const PRODUCER_EDITABLE: readonly DossierView['state'][] = ['draft', 'returned_by_commune', 'returned_for_completion'];
const OFFICE_STATES: readonly DossierView['state'][] = ['received', 'advisory_review', 'returned_for_completion'];
const RECOGNISED: readonly DossierView['state'][] = ['recognised', 'ministry_recognised'];

/**
 * Every write goes through here: the answer replaces the dossier on screen; a 409 (someone moved
 * the dossier meanwhile) reloads it and says so, so the person acts again on what is now true.
 */
function useDossierWriter(dossierId: string) {
  const { t, describeError } = useI18n();
  const { message } = useFeedback();
  const mutation = useWriteDossier(dossierId);
  const [conflict, setConflict] = useState<unknown>(null);
  const write: WriteDossier = useCallback(
    async (input: DossierWrite, successText?: string) => {
      setConflict(null);
      try {
        await mutation.mutateAsync(input);
        if (successText) message.success(successText);
        return true;
      } catch (error) {
        if (isDossierConflict(error)) setConflict(error);
        else message.error(describeError(error));
        return false;
      }
    },
    [mutation, message, describeError],
  );
  return { write, busy: mutation.isPending, conflict, dismiss: () => setConflict(null), t };
}

function ProducerEvidence({ view, editable, write }: { view: DossierView; editable: boolean; write: WriteDossier }) {
  const { t } = useI18n();
  const documents = useDocuments({ producerId: view.producer.id });
  // Criterion codes to tie a document to, from the live self-assessment while the producer edits.
  const assessment = useQuery({ ...selfAssessmentQueryOptions(view.product.id), enabled: editable && !view.selfAssessment });
  const options: EvidenceDocument[] = (documents.data ?? [])
    .filter((document) => document.productId === null || document.productId === view.product.id)
    .map((document) => ({
      id: document.id,
      label: [t(DOCUMENT_KIND_KEYS[document.kind]), document.number, document.file.originalName].filter(Boolean).join(' · '),
      url: document.file.url,
    }));
  const criteria = Object.keys(view.selfAssessment?.answers ?? assessment.data?.answers ?? {})
    .sort()
    .map((code) => ({ value: code, label: code }));
  return (
    <EvidenceSection
      view={view}
      editable={editable}
      write={write}
      documents={options}
      criteria={editable ? criteria : []}
      renderUpload={(mode, done, cancel) => (
        <UploadForm
          owner={{ producerId: view.producer.id }}
          productOptions={[{ value: view.product.id, label: view.product.name }]}
          capture={mode === 'photo'}
          onDone={(document) => done(document.id)}
          onCancel={cancel}
        />
      )}
    />
  );
}

function DossierPage({ view }: { view: DossierView }) {
  const { user } = useCurrentUser();
  const { write, busy, conflict, dismiss, t } = useDossierWriter(view.id);
  // The view carries no province code: reading the dossier already proves the reader's scope, so
  // the role's capability decides which sections show; the server checks every write again.
  const isProducer = can(user.roles, 'dossiers.file', { producerId: view.producer.id });
  const isCommune = can(user.roles, 'dossiers.assess');
  const isOffice = can(user.roles, 'dossiers.manage');
  const producerEditable = isProducer && PRODUCER_EDITABLE.includes(view.state);
  // A draft carries no total yet (the server freezes it on submit): the live self-assessment gives it.
  const live = useQuery({ ...selfAssessmentQueryOptions(view.product.id), enabled: producerEditable && !view.selfAssessment });

  return (
    <>
      <PageHeader
        title={view.product.name}
        description={view.product.code ?? undefined}
        extra={
          <Link to="/dossiers">
            <Button icon={<ArrowLeftOutlined />}>{t('dossier.detail.back')}</Button>
          </Link>
        }
      />
      {conflict ? (
        <Alert
          type="warning"
          showIcon
          closable={{ onClose: dismiss }}
          title={t('dossier.reloaded')}
          description={<ConflictText error={conflict} />}
          data-testid="dossier-conflict"
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <DossierSummary view={view} />
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={{ span: 24, order: 2 }} lg={{ span: 16, order: 1 }}>
          <Flex vertical gap={16}>
            {isCommune && view.state === 'submitted' ? <CommuneClockPanel view={view} /> : null}
            {isProducer || isOffice || isCommune ? <ChecklistSection view={view} /> : null}
            {isProducer ? <SelfAssessmentSection view={view} liveTotal={live.data?.score.total ?? null} /> : null}
            {isProducer || isCommune || isOffice ? <ProducerEvidence view={view} editable={producerEditable} write={write} /> : null}
            {isProducer ? <RegistrationSection view={view} editable={producerEditable} write={write} /> : null}
            {isCommune && (view.state === 'submitted' || view.communeReport) ? (
              <CommuneReportSection view={view} editable={view.state === 'submitted'} write={write} />
            ) : null}
            {isOffice && !isCommune && view.communeReport ? <CommuneReportSection view={view} editable={false} write={write} /> : null}
            {isOffice && OFFICE_STATES.includes(view.state) ? (
              <>
                <SamplesSection view={view} editable write={write} />
                <AdvisorySection view={view} editable={view.state !== 'returned_for_completion'} write={write} />
              </>
            ) : null}
            {isOffice && view.state !== 'draft' && view.state !== 'submitted' ? <CouncilSection view={view} /> : null}
            <ResultSection view={view} />
            {isOffice ? <MinistryResultSection view={view} editable={view.state === 'proposed_to_ministry'} write={write} /> : null}
          </Flex>
        </Col>
        <Col xs={{ span: 24, order: 1 }} lg={{ span: 8, order: 2 }}>
          <Flex vertical gap={16}>
            <DossierActions view={view} write={write} busy={busy} />
            {RECOGNISED.includes(view.state) && can(user.roles, 'certificates.read') ? (
              <DossierCertificatePanel dossierId={view.id} mayIssue={can(user.roles, 'certificates.manage')} />
            ) : null}
            <DossierPdfLinks view={view} />
            <DossierHistory view={view} />
          </Flex>
        </Col>
      </Row>
    </>
  );
}

function ConflictText({ error }: { error: unknown }) {
  const { describeError } = useI18n();
  return <>{describeError(error)}</>;
}

/** One evaluation dossier: what it is, what the reader may do now, and its history. */
export function DossierDetailPage() {
  const { dossierId = '' } = useParams();
  const query = useDossier(dossierId);
  if (query.isPending) return <PageLoading />;
  if (query.isError) return <ErrorAlert error={query.error} />;
  return <DossierPage view={query.data} />;
}
