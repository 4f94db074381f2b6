import type { CriteriaVersionView } from '@ocop/contracts/evaluation';
import { Alert, Card, Flex, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { PageHeader } from '../../../components/ui/page-header';
import { PageLoading } from '../../../components/ui/page-loading';
import { useCriteriaVersion, useRegimes } from '../../../features/criteria/api/criteria-queries';
import { sourceLabel, STATUS_COLORS, STATUS_KEYS } from '../../../features/criteria/components/criteria-format';
import { CriteriaTree } from '../../../features/criteria/components/criteria-tree';
import { DraftEditor } from '../../../features/criteria/components/draft-editor';
import { indexIssues, type IssueIndex } from '../../../features/criteria/components/issue-index';
import { PartTotals } from '../../../features/criteria/components/part-totals';
import { VersionActions } from '../../../features/criteria/components/version-actions';
import { useCurrentUser } from '../../../lib/auth';
import { canManageCriteria } from '../../../lib/criteria';
import { useI18n } from '../../../lib/i18n';
import { useUrlFilters } from '../../../lib/use-url-filters';

function IssuesSummary({ version, index }: { version: CriteriaVersionView; index: IssueIndex }) {
  const { t } = useI18n();
  if (version.issues.length === 0) {
    return <Alert type="success" showIcon title={t('criteria.version.noIssues')} data-testid="version-issues" data-count="0" />;
  }
  return (
    <Alert
      type="error"
      showIcon
      data-testid="version-issues"
      data-count={version.issues.length}
      title={t('criteria.version.issues', { count: version.issues.length })}
      description={
        <>
          <div>{t('criteria.version.issuesHint')}</div>
          <ul style={{ margin: '4px 0 0', paddingLeft: 18, maxHeight: 220, overflowY: 'auto' }}>
            {version.issues.map((issue) => (
              <li key={`${issue.path}:${issue.code}:${issue.message}`} data-testid="version-issue" style={{ overflowWrap: 'anywhere' }}>
                <Typography.Text code>{issue.path}</Typography.Text> {issue.message}
              </li>
            ))}
          </ul>
          {index.unplaced.length > 0 ? (
            <div>
              {t('criteria.version.otherIssues')}: {index.unplaced.length}
            </div>
          ) : null}
        </>
      }
    />
  );
}

/** One version of a score sheet: the tree with the validator's issues, and for a draft the editor. */
export function CriteriaVersionPage() {
  const { versionId = '' } = useParams();
  const { t } = useI18n();
  const { user } = useCurrentUser();
  const [params, setParams] = useUrlFilters(['edit'] as const);
  const version = useCriteriaVersion(versionId);
  const regimes = useRegimes();

  if (version.isPending || regimes.isPending) return <PageLoading />;
  if (version.isError) return <ErrorAlert error={version.error} />;
  if (regimes.isError) return <ErrorAlert error={regimes.error} />;
  const data = version.data;
  const regime = regimes.data.find((candidate) => candidate.code === data.regimeCode);
  const manage = canManageCriteria(user);
  const editing = manage && data.status === 'draft' && params.edit === '1' && regime !== undefined;
  const index = indexIssues(data.issues, data.content);

  return (
    <>
      <PageHeader
        title={t('criteria.version.title', { code: data.productSetCode, name: data.name })}
        description={
          <Flex gap={6} wrap align="center" component="span">
            <Tag color={STATUS_COLORS[data.status]} data-testid="version-status">
              {t(STATUS_KEYS[data.status])}
            </Tag>
            <span>
              {t('criteria.version.meta', {
                version: data.version,
                regime: regime?.name ?? data.regimeCode,
                source: sourceLabel(data.source, t),
              })}
            </span>
            <span>· {t('criteria.version.answerable', { count: data.answerableCriteria })}</span>
            <Link to={`/criteria?regime=${encodeURIComponent(data.regimeCode)}`}>{t('criteria.version.backToSets')}</Link>
          </Flex>
        }
        extra={manage ? <VersionActions version={data} editing={editing} onEdit={() => setParams({ edit: '1' })} /> : null}
      />
      <Flex vertical gap={12}>
        <IssuesSummary version={data} index={index} />
        {editing ? null : <PartTotals totals={data.partTotals} testId="version-totals" />}
        <Card styles={{ body: { padding: 12 } }}>
          {editing && regime ? (
            <DraftEditor key={`${data.id}:${data.revision}`} version={data} regime={regime} onClose={() => setParams({ edit: null })} />
          ) : (
            <CriteriaTree content={data.content} regimeParts={regime?.parts ?? []} evidence={regime?.evidence ?? []} index={index} />
          )}
        </Card>
        {data.content.disqualifiers.length > 0 ? (
          <Card title={t('criteria.version.disqualifiers')} size="small" data-testid="disqualifiers">
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {data.content.disqualifiers.map((item) => (
                <li key={item.id} style={{ whiteSpace: 'pre-line' }}>
                  {item.text}
                </li>
              ))}
            </ul>
          </Card>
        ) : null}
      </Flex>
    </>
  );
}
