import { CheckCircleOutlined, CloudUploadOutlined, DownloadOutlined, FileExcelOutlined, ReloadOutlined } from '@ant-design/icons';
import type { ImportJobView } from '@ocop/contracts/registry-files';
import { UPLOAD_LIMITS } from '@ocop/contracts/registry-files';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Flex, Progress, Radio, Row, Statistic, Steps, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { FilePicker } from '../../../components/ui/file-picker';
import { buildUrl } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n';
import { useMediaQuery } from '../../../lib/use-media-query';
import { useCommitImport } from '../api/commit-import';
import { isImportRunning, useImport } from '../api/get-import';
import { type ImportKind, importTemplateUrl, useStartImport } from '../api/start-import';
import { ImportProblemsTable } from './import-problems-table';

const MB = 1024 * 1024;
const SPREADSHEET_TYPES = '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv';

/** A dry run that found nothing to fix: the only state in which the import may start. */
export function isCleanDryRun(job: ImportJobView | undefined): boolean {
  return (
    job !== undefined &&
    job.mode === 'dry-run' &&
    job.status === 'completed' &&
    job.failure === null &&
    job.problems.length === 0 &&
    (job.summary?.problemCount ?? 1) === 0
  );
}

/** Refuses what cannot be a spreadsheet before uploading it; the server still decides from the bytes. */
export function spreadsheetFileProblem(file: File): 'type' | 'size' | null {
  if (!/\.(xlsx|csv)$/i.test(file.name)) return 'type';
  if (file.size > UPLOAD_LIMITS.spreadsheetBytes) return 'size';
  return null;
}

function JobProgress({ job, label }: { job: ImportJobView; label: string }) {
  const { t } = useI18n();
  const total = job.totalRows;
  const percent = total ? Math.min(100, Math.round((job.processedRows / Math.max(total, 1)) * 100)) : undefined;
  return (
    <div data-testid="import-progress" role="status">
      <Typography.Text>
        {label}{' '}
        {job.status === 'queued'
          ? t('imports.queued')
          : total
            ? t('imports.progressOf', { done: job.processedRows, total })
            : t('imports.progress', { done: job.processedRows })}
      </Typography.Text>
      <Progress percent={percent ?? 100} status="active" showInfo={percent !== undefined} />
    </div>
  );
}

function Failure({ job }: { job: ImportJobView }) {
  const { t } = useI18n();
  return <Alert type="error" showIcon role="alert" title={t('imports.failed')} description={job.failure?.message} />;
}

function Notices({ job }: { job: ImportJobView }) {
  const { t } = useI18n();
  if (job.notices.length === 0) return null;
  return (
    <Alert
      type="info"
      showIcon
      title={t('imports.notices')}
      description={
        <ul style={{ margin: 0, paddingInlineStart: 20 }}>
          {job.notices
            .map((notice, index) => [`${notice.row}:${notice.column}:${notice.code}#${index}`, notice] as const)
            .map(([key, notice]) => (
              <li key={key}>
                {notice.row ? `${t('imports.rowN', { row: notice.row })}: ` : ''}
                {notice.message}
              </li>
            ))}
        </ul>
      }
    />
  );
}

function ProblemsSection({ job }: { job: ImportJobView }) {
  const { t } = useI18n();
  const summary = job.summary;
  return (
    <Flex vertical gap={12}>
      <Alert
        type="error"
        showIcon
        role="alert"
        title={t(job.mode === 'commit' ? 'imports.result.rejected' : 'imports.hasProblems', {
          problems: summary?.problemCount ?? job.problems.length,
          rows: summary?.rowsWithProblems ?? 0,
        })}
        description={summary?.problemsTruncated ? t('imports.problemsTruncated', { shown: job.problems.length }) : undefined}
      />
      {job.reportUrl ? (
        <div>
          <Button href={job.reportUrl} icon={<DownloadOutlined />} data-testid="import-report">
            {t('imports.report')}
          </Button>
        </div>
      ) : null}
      <ImportProblemsTable problems={job.problems} />
    </Flex>
  );
}

function DryRunOutcome({ job }: { job: ImportJobView }) {
  const { t } = useI18n();
  if (job.status === 'failed') return <Failure job={job} />;
  const summary = job.summary;
  return (
    <Flex vertical gap={12} data-testid="import-dry-run-result">
      {summary?.sheetName || summary ? (
        <Typography.Text type="secondary">
          {[
            summary?.sheetName && summary.headerRow ? t('imports.sheet', { sheet: summary.sheetName, row: summary.headerRow }) : null,
            summary ? t('imports.summary.rows', { rows: summary.dataRows, blank: summary.blankRows }) : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Typography.Text>
      ) : null}
      {isCleanDryRun(job) ? (
        <Alert
          type="success"
          showIcon
          title={t('imports.clean', { rows: summary?.dataRows ?? 0, created: summary?.created ?? 0, updated: summary?.updated ?? 0 })}
          data-testid="import-clean"
        />
      ) : (
        <ProblemsSection job={job} />
      )}
      <Notices job={job} />
    </Flex>
  );
}

function CommitOutcome({ job, onStartOver }: { job: ImportJobView; onStartOver: () => void }) {
  const { t } = useI18n();
  if (job.status === 'failed') return <Failure job={job} />;
  if (job.status === 'rejected') return <ProblemsSection job={job} />;
  const summary = job.summary;
  return (
    <div data-testid="import-result">
      <Alert
        type="success"
        showIcon
        icon={<CheckCircleOutlined />}
        title={t('imports.result.title', { file: job.fileName })}
        style={{ marginBottom: 16 }}
      />
      <Row gutter={16}>
        <Col xs={8}>
          <Statistic title={t('imports.result.created')} value={summary?.created ?? 0} data-testid="import-created" />
        </Col>
        <Col xs={8}>
          <Statistic title={t('imports.result.updated')} value={summary?.updated ?? 0} data-testid="import-updated" />
        </Col>
        <Col xs={8}>
          <Statistic title={t('imports.result.unchanged')} value={summary?.unchanged ?? 0} data-testid="import-unchanged" />
        </Col>
      </Row>
      <Button icon={<ReloadOutlined />} onClick={onStartOver} style={{ marginTop: 16 }}>
        {t('imports.startOver')}
      </Button>
    </div>
  );
}

/**
 * The import of a spreadsheet, step by step: choose what to import (and get its template),
 * choose the file, run the dry run and read every problem by row and column, then import,
 * which the server does all or nothing. Jobs run on the server; this screen asks for their
 * progress every second.
 */
export function ImportPanel({ provinceCode, pollMs }: { provinceCode?: string; pollMs?: number }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<ImportKind>('producers');
  const [file, setFile] = useState<File | null>(null);
  const [fileProblem, setFileProblem] = useState<'type' | 'size' | null>(null);
  const [dryRunId, setDryRunId] = useState<string | null>(null);
  const [commitId, setCommitId] = useState<string | null>(null);
  const startImport = useStartImport();
  const commitImport = useCommitImport();
  const dryRun = useImport(dryRunId, pollMs);
  const commit = useImport(commitId, pollMs);
  const dryRunJob = dryRun.data;
  const commitJob = commit.data;
  const checking = startImport.isPending || isImportRunning(dryRunJob);
  const committing = commitImport.isPending || isImportRunning(commitJob);
  const canCommit = isCleanDryRun(dryRunJob) && commitId === null && !committing;
  const committed = commitJob?.status === 'completed';
  const limit = `${UPLOAD_LIMITS.spreadsheetBytes / MB} MB`;
  // The numbered cards already say where one is; the steps bar is for wide screens.
  const phone = useMediaQuery('(max-width: 767px)');

  // What an import wrote shows in the producer and product lists.
  useEffect(() => {
    if (committed) {
      void queryClient.invalidateQueries({ queryKey: ['producers'] });
      void queryClient.invalidateQueries({ queryKey: ['products'] });
      void queryClient.invalidateQueries({ queryKey: ['documents'] });
    }
  }, [committed, queryClient]);

  const reset = () => {
    setDryRunId(null);
    setCommitId(null);
    startImport.reset();
    commitImport.reset();
  };

  const chooseFile = (files: File[]) => {
    const chosen = files[0] ?? null;
    reset();
    setFile(chosen);
    setFileProblem(chosen ? spreadsheetFileProblem(chosen) : null);
  };

  const runDryRun = () => {
    if (!file || fileProblem) return;
    reset();
    startImport.mutate({ kind, mode: 'dry-run', file, provinceCode }, { onSuccess: (job) => setDryRunId(job.id) });
  };

  const runCommit = () => {
    if (!dryRunJob || !canCommit) return;
    commitImport.mutate(dryRunJob.id, { onSuccess: (job) => setCommitId(job.id) });
  };

  const startOver = () => {
    reset();
    setFile(null);
    setFileProblem(null);
  };

  const step = committed ? 4 : commitId || isCleanDryRun(dryRunJob) ? 3 : dryRunId ? 2 : file ? 1 : 0;

  return (
    <Flex vertical gap={16}>
      {phone ? null : (
        <Card size="small">
          <Steps
            current={step}
            size="small"
            responsive
            items={[
              { title: t('imports.step.kind') },
              { title: t('imports.step.file') },
              { title: t('imports.step.check') },
              { title: t('imports.step.commit') },
            ]}
          />
        </Card>
      )}

      <Card title={`1. ${t('imports.step.kind')}`}>
        <Flex vertical gap={12}>
          <Radio.Group
            value={kind}
            optionType="button"
            buttonStyle="solid"
            disabled={checking || committing}
            onChange={(event) => {
              setKind(event.target.value as ImportKind);
              reset();
            }}
            options={[
              { value: 'producers', label: t('imports.kind.producers') },
              { value: 'products', label: t('imports.kind.products') },
            ]}
            data-testid="import-kind"
          />
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {t('imports.templateHint')}
          </Typography.Paragraph>
          <div>
            <Button href={buildUrl(importTemplateUrl(kind), { provinceCode })} icon={<FileExcelOutlined />} data-testid="import-template">
              {t('imports.template')}
            </Button>
          </div>
        </Flex>
      </Card>

      <Card title={`2. ${t('imports.step.file')}`}>
        <Flex vertical gap={12}>
          <FilePicker
            value={file}
            accept={SPREADSHEET_TYPES}
            label={t('imports.chooseFile')}
            disabled={checking || committing}
            testId="import-file"
            onChange={chooseFile}
          />
          <Typography.Text type="secondary">{t('imports.fileHint', { limit })}</Typography.Text>
          {fileProblem ? (
            <Alert
              type="error"
              showIcon
              role="alert"
              title={fileProblem === 'type' ? t('imports.fileWrongType') : t('imports.fileTooLarge', { limit })}
            />
          ) : null}
        </Flex>
      </Card>

      <Card title={`3. ${t('imports.step.check')}`}>
        <Flex vertical gap={12}>
          <div>
            <Button
              type={dryRunJob ? 'default' : 'primary'}
              icon={<CloudUploadOutlined />}
              onClick={runDryRun}
              disabled={!file || fileProblem !== null || committing}
              loading={checking}
              data-testid="import-dry-run"
            >
              {t('imports.dryRun')}
            </Button>
          </div>
          {startImport.isError ? <ErrorAlert error={startImport.error} /> : null}
          {dryRun.isError ? <ErrorAlert error={dryRun.error} /> : null}
          {dryRunJob && isImportRunning(dryRunJob) ? <JobProgress job={dryRunJob} label={t('imports.checking')} /> : null}
          {dryRunJob && !isImportRunning(dryRunJob) ? <DryRunOutcome job={dryRunJob} /> : null}
        </Flex>
      </Card>

      <Card title={`4. ${t('imports.step.commit')}`}>
        <Flex vertical gap={12}>
          <Flex gap={12} align="center" wrap>
            <Button
              type="primary"
              icon={<CheckCircleOutlined />}
              onClick={runCommit}
              disabled={!canCommit}
              loading={committing}
              data-testid="import-commit"
            >
              {t('imports.commit')}
            </Button>
            {!canCommit && !commitId ? <Typography.Text type="secondary">{t('imports.commitDisabled')}</Typography.Text> : null}
          </Flex>
          {commitImport.isError ? <ErrorAlert error={commitImport.error} /> : null}
          {commit.isError ? <ErrorAlert error={commit.error} /> : null}
          {commitJob && isImportRunning(commitJob) ? <JobProgress job={commitJob} label={t('imports.committing')} /> : null}
          {commitJob && !isImportRunning(commitJob) ? <CommitOutcome job={commitJob} onStartOver={startOver} /> : null}
        </Flex>
      </Card>
    </Flex>
  );
}
