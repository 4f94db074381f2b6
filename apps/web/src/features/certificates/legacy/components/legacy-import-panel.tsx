import { CheckCircleOutlined, CloudUploadOutlined, FileExcelOutlined, ReloadOutlined } from '@ant-design/icons';
import { LEGACY_IMPORT_MAX_ROWS, type LegacyImportReport } from '@ocop/contracts/certification';
import { UPLOAD_LIMITS } from '@ocop/contracts/registry-files';
import { Alert, Button, Card, Flex, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../../components/ui/error-alert';
import { FilePicker } from '../../../../components/ui/file-picker';
import { buildUrl } from '../../../../lib/api-client';
import { legacyTemplateUrl, rejectedReport, useRunLegacyImport } from '../api/run-legacy-import';
import { useLegacyTexts } from '../legacy-texts';
import { LegacyPreviewTable } from './legacy-preview-table';
import { LegacyProblemsTable } from './legacy-problems-table';

const MB = 1024 * 1024;
const XLSX_TYPES = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Refuses what cannot be the template before uploading it; the server still decides from the bytes. */
export function legacyFileProblem(file: File): 'type' | 'size' | null {
  if (!/\.xlsx$/i.test(file.name)) return 'type';
  if (file.size > UPLOAD_LIMITS.spreadsheetBytes) return 'size';
  return null;
}

/** A dry run that found nothing to fix and something to import: the only state in which "Nhập" is on. */
export function isCleanReport(report: LegacyImportReport | undefined): boolean {
  return report?.dryRun === true && report.problemCount === 0 && report.rowsOk > 0;
}

function Problems({ report, title }: { report: LegacyImportReport; title: string }) {
  const text = useLegacyTexts();
  return (
    <Flex vertical gap={12}>
      <Alert
        type="error"
        showIcon
        role="alert"
        title={title}
        description={
          report.problemCount > report.problems.length ? text('problemsTruncated', { shown: report.problems.length }) : undefined
        }
      />
      <LegacyProblemsTable problems={report.problems} />
    </Flex>
  );
}

function DryRunOutcome({ report }: { report: LegacyImportReport }) {
  const text = useLegacyTexts();
  return (
    <Flex vertical gap={12} data-testid="legacy-dry-run-result">
      {report.sheetName && report.headerRow ? (
        <Typography.Text type="secondary">
          {text('summary', { sheet: report.sheetName, header: report.headerRow, rows: report.dataRows })}
        </Typography.Text>
      ) : null}
      {isCleanReport(report) ? (
        <>
          <Alert type="success" showIcon title={text('clean', { rows: report.rowsOk })} data-testid="legacy-clean" />
          <Typography.Title level={5} style={{ margin: 0 }}>
            {text('preview')}
          </Typography.Title>
          <LegacyPreviewTable preview={report.preview} />
        </>
      ) : (
        <Problems report={report} title={text('hasProblems', { problems: report.problemCount, rows: report.rowsWithProblems })} />
      )}
      {report.notices.length > 0 ? (
        <Alert
          type="info"
          showIcon
          title={text('notices')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {report.notices.map((notice) => (
                <li key={`${notice.row}:${notice.code}`}>
                  {notice.row ? `${text('rowN', { row: notice.row })}: ` : ''}
                  {notice.message}
                </li>
              ))}
            </ul>
          }
        />
      ) : null}
    </Flex>
  );
}

/**
 * The import of certificates issued before the system, step by step: get the template, choose the
 * filled file, check it (nothing is written; every problem by row and column, or a preview), then
 * import it, which the server does all or nothing. Choosing another file starts over.
 */
export function LegacyImportPanel({ provinceCode }: { provinceCode?: string | undefined }) {
  const text = useLegacyTexts();
  const [file, setFile] = useState<File | null>(null);
  const [fileProblem, setFileProblem] = useState<'type' | 'size' | null>(null);
  const check = useRunLegacyImport();
  const commit = useRunLegacyImport();
  const report = check.data;
  const canCommit = file !== null && isCleanReport(report) && !commit.isPending && !commit.isSuccess;
  const limit = `${UPLOAD_LIMITS.spreadsheetBytes / MB} MB`;
  const refused = commit.isError ? rejectedReport(commit.error) : null;

  const reset = () => {
    check.reset();
    commit.reset();
  };
  const chooseFile = (files: File[]) => {
    const chosen = files[0] ?? null;
    reset();
    setFile(chosen);
    setFileProblem(chosen ? legacyFileProblem(chosen) : null);
  };
  const startOver = () => {
    reset();
    setFile(null);
    setFileProblem(null);
  };

  return (
    <Flex vertical gap={16}>
      <Card title={`1. ${text('step.template')}`}>
        <Flex vertical gap={12}>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {text('templateHint')}
          </Typography.Paragraph>
          <div>
            <Button href={buildUrl(legacyTemplateUrl(), { provinceCode })} icon={<FileExcelOutlined />} data-testid="legacy-template">
              {text('template')}
            </Button>
          </div>
        </Flex>
      </Card>

      <Card title={`2. ${text('step.file')}`}>
        <Flex vertical gap={12}>
          <FilePicker
            value={file}
            accept={XLSX_TYPES}
            label={text('chooseFile')}
            disabled={check.isPending || commit.isPending}
            testId="legacy-file"
            onChange={chooseFile}
          />
          <Typography.Text type="secondary">
            {text('fileHint', { limit, rows: LEGACY_IMPORT_MAX_ROWS.toLocaleString('vi-VN') })}
          </Typography.Text>
          {fileProblem ? (
            <Alert
              type="error"
              showIcon
              role="alert"
              title={fileProblem === 'type' ? text('fileWrongType') : text('fileTooLarge', { limit })}
            />
          ) : null}
        </Flex>
      </Card>

      <Card title={`3. ${text('step.check')}`}>
        <Flex vertical gap={12}>
          <Typography.Text type="secondary">{text('checkHint')}</Typography.Text>
          <div>
            <Button
              type={report ? 'default' : 'primary'}
              icon={<CloudUploadOutlined />}
              disabled={!file || fileProblem !== null || commit.isPending}
              loading={check.isPending}
              onClick={() => {
                if (!file || fileProblem) return;
                reset();
                check.mutate({ file, dryRun: true, provinceCode });
              }}
              data-testid="legacy-check"
            >
              {text('check')}
            </Button>
          </div>
          {check.isError ? <ErrorAlert error={check.error} /> : null}
          {report ? <DryRunOutcome report={report} /> : null}
        </Flex>
      </Card>

      <Card title={`4. ${text('step.commit')}`}>
        <Flex vertical gap={12}>
          <Flex gap={12} align="center" wrap>
            <Button
              type="primary"
              icon={<CheckCircleOutlined />}
              disabled={!canCommit}
              loading={commit.isPending}
              onClick={() => file && canCommit && commit.mutate({ file, dryRun: false, provinceCode })}
              data-testid="legacy-commit"
            >
              {text('commit')}
            </Button>
            {!canCommit && !commit.isSuccess ? <Typography.Text type="secondary">{text('commitDisabled')}</Typography.Text> : null}
          </Flex>
          {refused ? (
            <Problems report={refused} title={text('rejected', { problems: refused.problemCount, rows: refused.rowsWithProblems })} />
          ) : commit.isError ? (
            <ErrorAlert error={commit.error} />
          ) : null}
          {commit.data ? (
            <Flex vertical gap={12} data-testid="legacy-result">
              <Alert type="success" showIcon title={text('done', { created: commit.data.created })} />
              <Flex gap={12} wrap>
                <Link to="/certificates">{text('toList')}</Link>
                <Button icon={<ReloadOutlined />} onClick={startOver}>
                  {text('startOver')}
                </Button>
              </Flex>
            </Flex>
          ) : null}
        </Flex>
      </Card>
    </Flex>
  );
}
