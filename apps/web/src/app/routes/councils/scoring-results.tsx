import { ArrowLeftOutlined, FilePdfOutlined } from '@ant-design/icons';
import type { DossierView } from '@ocop/contracts/dossiers';
import { can } from '@ocop/domain/shared';
import { Alert, Button, Card, Flex, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useFeedback } from '../../../components/feedback/feedback';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { PageHeader } from '../../../components/ui/page-header';
import { PageLoading } from '../../../components/ui/page-loading';
import { minutesPdfUrl, useCloseScoring, useCriteriaVersion, useDossier, useScores, useSeal } from '../../../features/councils/api/scoring';
import { DEPARTMENT_LABELS } from '../../../features/councils/components/labels';
import { CriteriaBreakdown, ResultsTable, UnmetMinima } from '../../../features/councils/components/results-table';
import { useCurrentUser } from '../../../lib/auth';
import { formatDateTime } from '../../../lib/format';
import { describeError, useI18n } from '../../../lib/i18n';
import { unmetLabel } from '../../../features/dossiers/components/dossier-labels';

function SealStatus({ dossierId }: { dossierId: string }) {
  const { t } = useI18n();
  const seal = useSeal(dossierId, true);
  if (seal.isPending) return <Typography.Text type="secondary">{t('common.loading')}</Typography.Text>;
  if (seal.isError) return <ErrorAlert error={seal.error} />;
  const { ok, sealedSheets, broken } = seal.data;
  return ok ? (
    <Alert type="success" showIcon data-testid="seal-ok" title={t('scoreResults.sealOk', { count: sealedSheets })} />
  ) : (
    <Alert
      type="error"
      showIcon
      data-testid="seal-broken"
      title={t('scoreResults.sealBroken')}
      description={broken ? t('scoreResults.sealBrokenAt', { seq: broken.sealSeq ?? '?', field: broken.field }) : undefined}
    />
  );
}

function CloseScoring({ dossier }: { dossier: DossierView }) {
  const { t, language } = useI18n();
  const { modal, message } = useFeedback();
  const close = useCloseScoring(dossier.id);
  const step = dossier.steps.find((entry) => entry.action === 'close_scoring');
  if (!step) return null;
  const blocked = step.unmet.length > 0;
  return (
    <Flex vertical gap={4} align="flex-end">
      <Button
        type="primary"
        disabled={blocked}
        loading={close.isPending}
        data-testid="close-scoring"
        onClick={() =>
          modal.confirm({
            title: t('scoreResults.closeTitle'),
            content: t('scoreResults.closeText'),
            okText: t('scoreResults.close'),
            cancelText: t('common.cancel'),
            onOk: () =>
              close.mutateAsync(dossier.revision).then(
                () => message.success(t('scoreResults.closed')),
                (error: unknown) => message.error(describeError(error, language)),
              ),
          })
        }
      >
        {t('scoreResults.close')}
      </Button>
      {blocked ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {step.unmet.map((unmet) => unmetLabel(t, unmet)).join('; ')}
        </Typography.Text>
      ) : null}
    </Flex>
  );
}

/** The council's scores on one dossier: the secretariat's and the chair's view, with closing for the secretariat. */
export function ScoringResultsPage() {
  const { dossierId = '' } = useParams();
  const { t } = useI18n();
  const me = useCurrentUser();
  const secretariat = can(me.user.roles, 'dossiers.manage');
  const scores = useScores(dossierId);
  const dossier = useDossier(dossierId);
  const version = useCriteriaVersion(dossier.data?.selfAssessment?.criteriaVersionId);
  if (scores.isPending) return <PageLoading />;
  if (scores.isError) return <ErrorAlert error={scores.error} />;
  const data = scores.data;
  const content = version.data?.content;
  return (
    <>
      <PageHeader
        title={t('scoreResults.title')}
        description={
          <Flex vertical gap={2} component="span">
            {dossier.data ? (
              <Typography.Text strong>{`${dossier.data.product.name} — ${dossier.data.producer.name}`}</Typography.Text>
            ) : null}
            <span>
              {data.council.name}
              {dossier.data ? ` · ${dossier.data.roundName}` : ''}
            </span>
          </Flex>
        }
        extra={
          <>
            {secretariat && dossier.data ? (
              <Link to={`/councils/${data.council.id}`}>
                <Button icon={<ArrowLeftOutlined />}>{t('scoreResults.backToCouncil')}</Button>
              </Link>
            ) : (
              <Link to="/scoring">
                <Button icon={<ArrowLeftOutlined />}>{t('scoring.backToList')}</Button>
              </Link>
            )}
            {dossier.data ? (
              <a href={minutesPdfUrl(dossier.data.roundId)} target="_blank" rel="noreferrer" data-testid="minutes-pdf">
                <Button icon={<FilePdfOutlined />}>{t('scoreResults.minutes')}</Button>
              </a>
            ) : null}
          </>
        }
      />
      <Flex vertical gap={12}>
        <Flex gap={8} wrap align="center" justify="space-between">
          <Flex gap={8} wrap align="center">
            <Tag color={data.quorumReached ? 'green' : 'orange'} data-testid="results-progress">
              {t('scoreResults.progress', { submitted: data.submittedSheets, quorum: data.council.quorum })}
            </Tag>
            {dossier.data ? <Tag>{t(`scoreResults.state.${dossier.data.state === 'council_scoring' ? 'open' : 'closed'}`)}</Tag> : null}
          </Flex>
          {secretariat && dossier.data ? <CloseScoring dossier={dossier.data} /> : null}
        </Flex>
        {data.meetingNeeded ? <Alert type="warning" showIcon title={t('scoreResults.meetingNeeded')} /> : null}
        <ResultsTable scores={data} />
        <UnmetMinima scores={data} content={content} />
        <CriteriaBreakdown scores={data} content={content} />
        <Flex gap={12} wrap align="stretch">
          <Card size="small" title={t('scoreResults.notSubmitted')} style={{ flex: '1 1 300px' }} data-testid="not-submitted">
            {data.notSubmitted.length === 0 ? (
              <Typography.Text type="secondary">{t('scoreResults.everyoneSubmitted')}</Typography.Text>
            ) : (
              <ul style={{ margin: 0, paddingLeft: 18 }}>
                {data.notSubmitted.map((member) => (
                  <li key={member.memberId}>
                    {member.fullName} — {t(DEPARTMENT_LABELS[member.department])}{' '}
                    <Tag>{member.drafted ? t('scoreResults.drafting') : t('scoreResults.notStarted')}</Tag>
                  </li>
                ))}
              </ul>
            )}
          </Card>
          <Card size="small" title={t('scoreResults.conflicts')} style={{ flex: '1 1 300px' }} data-testid="conflicts">
            {data.conflicts.length === 0 ? (
              <Typography.Text type="secondary">{t('scoreResults.noConflicts')}</Typography.Text>
            ) : (
              <ul style={{ margin: 0, paddingLeft: 18 }}>
                {data.conflicts.map((entry) => (
                  <li key={entry.memberId}>
                    {entry.fullName} ({formatDateTime(entry.declaredAt)}){entry.reason ? `: ${entry.reason}` : ''}
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </Flex>
        {secretariat ? (
          <Card size="small" title={t('scoreResults.seal')}>
            <SealStatus dossierId={dossierId} />
          </Card>
        ) : null}
      </Flex>
    </>
  );
}
