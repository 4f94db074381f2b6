import { CheckCircleOutlined } from '@ant-design/icons';
import type { CriteriaVersionView } from '@ocop/contracts/evaluation';
import { Alert, Button, Flex, Modal, Table, Typography } from 'antd';
import { type HTMLAttributes, useEffect, useState } from 'react';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { FilePicker } from '../../../components/ui/file-picker';
import { useI18n } from '../../../lib/i18n';
import { type CriteriaImportIssue, useCriteriaDryRun, useCriteriaImportCommit } from '../api/import-criteria';
import { PartTotals } from './part-totals';

/**
 * "Nhập từ tệp" with the registry's dry run first: the file is checked and its issues listed by
 * row; only a clean check enables the commit, which makes the file the set's draft.
 */
export function ImportDialog({
  regimeCode,
  productSetCode,
  open,
  onClose,
  onImported,
}: {
  regimeCode: string;
  productSetCode: string;
  open: boolean;
  onClose: () => void;
  onImported: (version: CriteriaVersionView) => void;
}) {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const dryRun = useCriteriaDryRun();
  const commit = useCriteriaImportCommit();
  const result = dryRun.data;
  const input = file ? { regimeCode, productSetCode, file } : null;

  // Opened again, the dialog starts empty: neither the last file nor its check result carries over.
  const { reset: resetDryRun } = dryRun;
  const { reset: resetCommit } = commit;
  useEffect(() => {
    if (!open) return;
    setFile(null);
    resetDryRun();
    resetCommit();
  }, [open, resetDryRun, resetCommit]);

  const choose = (files: File[]) => {
    setFile(files[0] ?? null);
    dryRun.reset();
    commit.reset();
  };

  return (
    <Modal
      open={open}
      onCancel={onClose}
      title={t('criteria.import.title', { code: productSetCode })}
      width={760}
      footer={
        <Flex gap={8} justify="flex-end" wrap>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            disabled={!input}
            loading={dryRun.isPending}
            onClick={() => input && dryRun.mutate(input)}
            data-testid="criteria-import-check"
          >
            {t('criteria.import.check')}
          </Button>
          <Button
            type="primary"
            disabled={!input || !result?.ok}
            loading={commit.isPending}
            onClick={() => input && commit.mutate(input, { onSuccess: onImported })}
            data-testid="criteria-import-commit"
          >
            {t('criteria.import.commit')}
          </Button>
        </Flex>
      }
    >
      <Typography.Paragraph type="secondary">{t('criteria.import.hint')}</Typography.Paragraph>
      <FilePicker value={file} onChange={choose} accept=".xlsx,.json,application/json" testId="criteria-import-file" />
      {dryRun.error ? (
        <div style={{ marginTop: 12 }}>
          <ErrorAlert error={dryRun.error} />
        </div>
      ) : null}
      {commit.error ? (
        <div style={{ marginTop: 12 }}>
          <ErrorAlert error={commit.error} />
        </div>
      ) : null}
      {result ? (
        <div style={{ marginTop: 12 }} data-testid="criteria-import-result">
          {result.ok ? (
            <Alert
              type="success"
              showIcon
              icon={<CheckCircleOutlined />}
              title={t('criteria.import.clean', { criteria: result.summary.criteria, options: result.summary.options })}
            />
          ) : (
            <Alert type="error" showIcon title={t('criteria.import.problems', { count: result.issues.length })} />
          )}
          <div style={{ margin: '8px 0' }}>
            <PartTotals totals={result.summary.parts} testId="import-totals" />
          </div>
          {result.issues.length > 0 ? (
            <Table<CriteriaImportIssue>
              size="small"
              rowKey={(issue) => `${issue.row ?? ''}:${issue.path}:${issue.code}:${issue.message}`}
              dataSource={result.issues}
              pagination={false}
              scroll={{ y: 320 }}
              onRow={() => ({ 'data-testid': 'criteria-import-issue' }) as HTMLAttributes<HTMLElement>}
              columns={[
                {
                  key: 'row',
                  title: t('criteria.import.row'),
                  width: 80,
                  render: (_value, issue) => (issue.rows && issue.rows.length > 0 ? issue.rows.join(', ') : (issue.row ?? '')),
                },
                { key: 'path', title: t('criteria.import.path'), dataIndex: 'path', width: 150, responsive: ['sm'] },
                { key: 'message', title: t('criteria.import.message'), dataIndex: 'message' },
              ]}
            />
          ) : null}
        </div>
      ) : null}
    </Modal>
  );
}
