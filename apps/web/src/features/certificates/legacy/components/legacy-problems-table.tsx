import type { LegacyImportProblemView } from '@ocop/contracts/certification';
import { Flex, Table, type TableColumnsType, Tag, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useI18n } from '../../../../lib/i18n';
import { useLegacyTexts } from '../legacy-texts';

type Item = LegacyImportProblemView & { key: string };

function Column({ problem }: { problem: LegacyImportProblemView }) {
  if (!problem.column && !problem.header) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Flex gap={6} align="center" wrap>
      {problem.column ? <Tag style={{ fontFamily: 'monospace', marginInlineEnd: 0 }}>{problem.column}</Tag> : null}
      {problem.header ? <span>{problem.header}</span> : null}
    </Flex>
  );
}

/** Every problem of the file by xlsx row and column, in the language on screen. */
export function LegacyProblemsTable({
  problems,
  testId = 'legacy-problems',
}: {
  problems: readonly LegacyImportProblemView[];
  testId?: string;
}) {
  const text = useLegacyTexts();
  const { language } = useI18n();
  const columns: TableColumnsType<Item> = [
    {
      title: text('col.row'),
      key: 'row',
      width: 80,
      render: (_, problem) => (problem.row === null ? text('wholeFile') : String(problem.row)),
    },
    { title: text('col.column'), key: 'column', width: 220, render: (_, problem) => <Column problem={problem} /> },
    { title: text('col.problem'), key: 'message', render: (_, problem) => (language === 'en' ? problem.messageEn : problem.messageVi) },
  ];
  return (
    <div data-testid={testId}>
      <Table<Item>
        rowKey="key"
        size="small"
        scroll={{ x: 640 }}
        columns={columns}
        dataSource={problems.map((problem, index) => ({ ...problem, key: `${problem.row}:${problem.column}:${problem.code}#${index}` }))}
        pagination={problems.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        onRow={() => ({ 'data-testid': 'legacy-problem' }) as HTMLAttributes<HTMLElement>}
      />
    </div>
  );
}
