import type { ImportProblemView } from '@ocop/contracts/registry-files';
import { Flex, Table, type TableColumnsType, Tag, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useI18n } from '../../../lib/i18n';
import { useMediaQuery } from '../../../lib/use-media-query';

function Column({ problem }: { problem: ImportProblemView }) {
  if (!problem.column && !problem.header) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Flex gap={6} align="center" wrap>
      {problem.column ? <Tag style={{ fontFamily: 'monospace', marginInlineEnd: 0 }}>{problem.column}</Tag> : null}
      {problem.header ? <span>{problem.header}</span> : null}
    </Flex>
  );
}

/** Every problem of a dry run by row and column, in the language of the request (Vietnamese first). */
export function ImportProblemsTable({ problems }: { problems: readonly ImportProblemView[] }) {
  const { t } = useI18n();
  const wide = useMediaQuery('(min-width: 768px)');
  const rowText = (problem: ImportProblemView) => (problem.row === null ? t('imports.wholeFile') : String(problem.row));

  const columns: TableColumnsType<ImportProblemView & { key: string }> = wide
    ? [
        { title: t('imports.col.row'), key: 'row', width: 90, render: (_, problem) => rowText(problem) },
        { title: t('imports.col.column'), key: 'column', width: 260, render: (_, problem) => <Column problem={problem} /> },
        { title: t('imports.col.problem'), dataIndex: 'message' },
      ]
    : [
        {
          title: t('imports.col.problem'),
          key: 'card',
          render: (_, problem) => (
            <Flex vertical gap={4}>
              <Flex gap={6} align="center" wrap>
                <Typography.Text strong>
                  {problem.row === null ? t('imports.wholeFile') : t('imports.rowN', { row: problem.row })}
                </Typography.Text>
                <Column problem={problem} />
              </Flex>
              <span>{problem.message}</span>
            </Flex>
          ),
        },
      ];

  return (
    <div data-testid="import-problems">
      <Table<ImportProblemView & { key: string }>
        rowKey="key"
        size="small"
        columns={columns}
        dataSource={problems.map((problem, index) => ({ ...problem, key: `${problem.row}:${problem.column}:${problem.code}#${index}` }))}
        pagination={
          problems.length > 50 ? { pageSize: 50, showSizeChanger: false, showTotal: (total) => t('common.total', { total }) } : false
        }
        onRow={() => ({ 'data-testid': 'import-problem' }) as HTMLAttributes<HTMLElement>}
      />
    </div>
  );
}
