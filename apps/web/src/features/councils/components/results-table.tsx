import type { ScoresView } from '@ocop/contracts/councils';
import { Alert, Collapse, Flex, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo } from 'react';
import { useI18n } from '../../../lib/i18n';
import { formatPoints } from '../../self-assessment/components/points';
import { StarIcons } from '../../self-assessment/components/star-icons';
import { DEPARTMENT_LABELS, POSITION_LABELS } from './labels';
import { answerableCriteria, type Content } from './local-score';

type Sheet = ScoresView['sheets'][number];

const OUTLIER_BACKGROUND = '#fef2f2';
const AVERAGE_BACKGROUND = '#f0fdf4';

/** Each member's totals and parts with the council's average row; outliers stand out. */
export function ResultsTable({ scores }: { scores: ScoresView }) {
  const { t, language } = useI18n();
  const partCodes = (scores.average?.parts ?? scores.sheets[0]?.parts ?? []).map((part) => part.code);
  const pts = (value: number | undefined) => (value === undefined ? '—' : formatPoints(value, language));
  const columns: ColumnsType<Sheet> = [
    {
      key: 'member',
      title: t('scoreResults.member'),
      render: (_, sheet) => (
        <Flex vertical gap={0}>
          <Typography.Text strong>{sheet.fullName}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(POSITION_LABELS[sheet.position])} · {t(DEPARTMENT_LABELS[sheet.department])}
          </Typography.Text>
        </Flex>
      ),
    },
    ...partCodes.map((code) => ({
      key: `part-${code}`,
      title: t('scoring.part', { code }),
      align: 'right' as const,
      render: (_: unknown, sheet: Sheet) => pts(sheet.parts.find((part) => part.code === code)?.total),
    })),
    {
      key: 'total',
      title: t('scoreResults.total'),
      align: 'right',
      render: (_, sheet) => <Typography.Text strong>{pts(sheet.total)}</Typography.Text>,
    },
    {
      key: 'deviation',
      title: t('scoreResults.deviation'),
      align: 'right',
      render: (_, sheet) =>
        sheet.deviation === null ? '—' : `${sheet.deviation > 0 ? '+' : ''}${formatPoints(sheet.deviation, language)}`,
    },
    {
      key: 'flag',
      title: t('scoreResults.flag'),
      render: (_, sheet) =>
        sheet.outlier ? (
          <Tag color="red" data-testid={`outlier-${sheet.memberId}`}>
            {t('scoreResults.outlier', { spread: formatPoints(scores.council.spreadLimit, language) })}
          </Tag>
        ) : null,
    },
  ];
  const average = scores.average;
  return (
    <Table<Sheet>
      data-testid="results-table"
      size="small"
      rowKey="memberId"
      pagination={false}
      scroll={{ x: 'max-content' }}
      columns={columns}
      dataSource={scores.sheets}
      locale={{ emptyText: t('scoreResults.noSheets') }}
      onRow={(sheet) => ({
        'data-testid': `sheet-row-${sheet.memberId}`,
        'data-outlier': sheet.outlier ? 'true' : undefined,
        style: sheet.outlier ? { background: OUTLIER_BACKGROUND } : undefined,
      })}
      summary={() =>
        average ? (
          <Table.Summary fixed>
            <Table.Summary.Row style={{ background: AVERAGE_BACKGROUND }} data-testid="average-row">
              <Table.Summary.Cell index={0}>
                <Typography.Text strong>{t('scoreResults.average')}</Typography.Text>
              </Table.Summary.Cell>
              {partCodes.map((code, index) => (
                <Table.Summary.Cell key={code} index={index + 1} align="right">
                  <Typography.Text strong data-testid={`average-part-${code}`}>
                    {pts(average.parts.find((part) => part.code === code)?.total)}
                  </Typography.Text>
                </Table.Summary.Cell>
              ))}
              <Table.Summary.Cell index={partCodes.length + 1} align="right">
                <Typography.Text strong data-testid="average-total">
                  {pts(average.total)}
                </Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={partCodes.length + 2} colSpan={2}>
                <Flex gap={6} align="center">
                  <StarIcons stars={average.stars} size={14} />
                  <Typography.Text strong data-testid="average-stars">
                    {t('scoring.stars', { stars: average.stars })}
                  </Typography.Text>
                  {average.band !== average.stars ? (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('scoring.bandHeldBack', { band: average.band })}
                    </Typography.Text>
                  ) : null}
                </Flex>
              </Table.Summary.Cell>
            </Table.Summary.Row>
          </Table.Summary>
        ) : null
      }
    />
  );
}

type CriterionRow = { code: string; label: string; average: number | undefined; maxPoints: number | null };

/** Per criterion: the council's average and each member's points (a comment shows on hover). */
export function CriteriaBreakdown({ scores, content }: { scores: ScoresView; content: Content | undefined }) {
  const { t, language } = useI18n();
  const rows = useMemo<CriterionRow[]>(() => {
    if (content)
      return answerableCriteria(content).map(({ criterion }) => ({
        code: criterion.code,
        label: criterion.label,
        average: scores.average?.criteria[criterion.code],
        maxPoints: criterion.maxPoints,
      }));
    const codes = new Set(scores.sheets.flatMap((sheet) => Object.keys(sheet.criteria)));
    return [...codes].sort().map((code) => ({ code, label: '', average: scores.average?.criteria[code], maxPoints: null }));
  }, [content, scores]);
  const unmet = new Set((scores.average?.unmetMinima ?? []).flatMap((level) => level.unmet.map((entry) => entry.criterionCode)));
  const columns: ColumnsType<CriterionRow> = [
    {
      key: 'criterion',
      title: t('scoreResults.criterion'),
      fixed: 'left',
      width: 260,
      render: (_, row) => (
        <span>
          <Typography.Text strong>{row.code}</Typography.Text> {row.label}
          {unmet.has(row.code) ? (
            <Tag color="red" style={{ marginLeft: 6 }}>
              {t('scoreResults.belowMinimum')}
            </Tag>
          ) : null}
        </span>
      ),
    },
    {
      key: 'average',
      title: t('scoreResults.average'),
      align: 'right',
      render: (_, row) => (
        <Typography.Text strong data-testid={`criterion-average-${row.code}`}>
          {row.average === undefined ? '—' : formatPoints(row.average, language)}
          {row.maxPoints !== null ? <Typography.Text type="secondary">/{formatPoints(row.maxPoints, language)}</Typography.Text> : null}
        </Typography.Text>
      ),
    },
    ...scores.sheets.map((sheet) => ({
      key: sheet.memberId,
      title: (
        <span style={{ color: sheet.outlier ? '#b91c1c' : undefined }} title={sheet.fullName}>
          {sheet.fullName}
        </span>
      ),
      align: 'right' as const,
      render: (_: unknown, row: CriterionRow) => {
        const entry = sheet.criteria[row.code];
        if (!entry) return '—';
        const text = formatPoints(entry.points, language);
        return entry.comment ? (
          <Tooltip title={entry.comment}>
            <Typography.Text underline>{text}*</Typography.Text>
          </Tooltip>
        ) : (
          text
        );
      },
    })),
  ];
  return (
    <Collapse
      size="small"
      data-testid="criteria-breakdown"
      items={[
        {
          key: 'criteria',
          label: t('scoreResults.byCriterion'),
          children: (
            <Table<CriterionRow>
              size="small"
              rowKey="code"
              pagination={false}
              scroll={{ x: 'max-content' }}
              columns={columns}
              dataSource={rows}
            />
          ),
        },
      ]}
    />
  );
}

/** The starred minima the average misses, level by level. */
export function UnmetMinima({ scores, content }: { scores: ScoresView; content: Content | undefined }) {
  const { t, language } = useI18n();
  const levels = (scores.average?.unmetMinima ?? []).filter((level) => level.unmet.length > 0);
  if (!scores.average) return null;
  if (levels.length === 0) return <Alert type="success" showIcon title={t('scoreResults.minimaMet')} />;
  const labels = new Map(content ? answerableCriteria(content).map(({ criterion }) => [criterion.code, criterion.label]) : []);
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="unmet-minima"
      title={t('scoreResults.minimaUnmet')}
      description={
        <Flex vertical gap={4}>
          {levels.map((level) => (
            <div key={level.stars}>
              <Typography.Text strong>{t('scoreResults.forStars', { stars: level.stars })}</Typography.Text>{' '}
              {level.unmet
                .map((entry) =>
                  t('scoreResults.unmetEntry', {
                    code: entry.criterionCode,
                    label: labels.get(entry.criterionCode) ?? '',
                    average: formatPoints(entry.averagePoints, language),
                    required: formatPoints(entry.requiredPoints, language),
                  }),
                )
                .join('; ')}
            </div>
          ))}
        </Flex>
      }
    />
  );
}
