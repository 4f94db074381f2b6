import type { AuditEntryView } from '@ocop/contracts/identity';
import { Table, type TableColumnsType, Tag, Typography } from 'antd';
import { DATE_TIME_SECONDS_FORMAT, formatDateTime } from '../../../lib/format';
import { Link } from 'react-router';
import { useI18n } from '../../../lib/i18n';
import { type AuditChange, actionLabel, auditChanges, auditEntityLink, auditEntityName, entityTypeLabel } from '../audit-format';
import type { AuditPage } from '../api/list-audit-entries';

/**
 * An entry as a reader wants it: each recorded field with its form label and its value before and
 * after, formatted as the app shows it elsewhere (status labels, "90.000 ₫", "01/07/2025").
 */
export function AuditEntryDetails({ entry }: { entry: AuditEntryView }) {
  const { t } = useI18n();
  const changes = auditChanges(entry, t);
  const hasBefore = entry.before !== null && entry.before !== undefined;
  const hasAfter = entry.after !== null && entry.after !== undefined;
  const columns: TableColumnsType<AuditChange> = [
    { title: t('audit.col.field'), dataIndex: 'label', width: 220, render: (label: string) => <strong>{label}</strong> },
    ...(hasBefore
      ? [{ title: t('audit.before'), dataIndex: 'before', render: (value: string | null) => <ChangeValue value={value} /> }]
      : []),
    ...(hasAfter ? [{ title: t('audit.after'), dataIndex: 'after', render: (value: string | null) => <ChangeValue value={value} /> }] : []),
  ];
  return (
    <div data-testid="audit-details">
      <Typography.Text strong>{t('audit.changes')}</Typography.Text>
      {changes.length === 0 ? (
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0' }}>
          {t('audit.noChanges')}
        </Typography.Paragraph>
      ) : (
        <Table<AuditChange>
          rowKey="field"
          size="small"
          pagination={false}
          columns={columns}
          dataSource={changes}
          rowClassName={(change) => (change.changed && hasBefore && hasAfter ? 'ocop-audit-changed' : '')}
          style={{ marginTop: 8 }}
          data-testid="audit-changes"
        />
      )}
      {entry.requestId ? (
        <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 8 }}>
          {t('audit.requestId', { id: entry.requestId })}
        </Typography.Text>
      ) : null}
    </div>
  );
}

function ChangeValue({ value }: { value: string | null }) {
  return <span style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>{value ?? ''}</span>;
}

/** The object: its name (when the entry holds one) linked to its page, with its type. */
function AuditEntity({ entry }: { entry: AuditEntryView }) {
  const { t } = useI18n();
  const type = entityTypeLabel(entry.entityType, t);
  const name = auditEntityName(entry);
  const link = auditEntityLink(entry);
  const text = name ?? (link ? t('audit.open') : null);
  return (
    <span>
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
        {type}
      </Typography.Text>
      {text ? (
        link ? (
          <Link to={link} data-testid="audit-entity-link">
            {text}
          </Link>
        ) : (
          <span>{text}</span>
        )
      ) : null}
    </span>
  );
}

export function AuditTable({
  page,
  loading,
  onPageChange,
}: {
  page: AuditPage | undefined;
  loading: boolean;
  onPageChange: (page: number, pageSize: number) => void;
}) {
  const { t } = useI18n();
  const columns: TableColumnsType<AuditEntryView> = [
    {
      title: t('audit.col.at'),
      dataIndex: 'at',
      width: 170,
      render: (at: string) => formatDateTime(at, DATE_TIME_SECONDS_FORMAT),
    },
    {
      title: t('audit.col.actor'),
      key: 'actor',
      // No user id means the system itself acted (start-up seeding, scheduled work).
      render: (_, entry) =>
        entry.actorUserId ? (
          (entry.actorName ?? entry.actorUserId)
        ) : (
          <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>
        ),
    },
    {
      title: t('audit.col.action'),
      dataIndex: 'action',
      render: (action: string) => {
        // Known actions read as words; a new action the server starts writing still shows its code.
        const label = actionLabel(action, t);
        return label ? <span title={action}>{label}</span> : <Tag style={{ fontFamily: 'monospace' }}>{action}</Tag>;
      },
    },
    {
      title: t('audit.col.entity'),
      key: 'entity',
      width: 240,
      render: (_, entry) => <AuditEntity entry={entry} />,
    },
    {
      title: t('audit.col.entityId'),
      dataIndex: 'entityId',
      width: 160,
      render: (id: string | null) =>
        id ? (
          <Typography.Text copyable={{ text: id }} ellipsis style={{ fontFamily: 'monospace', fontSize: 12, maxWidth: 140 }}>
            {id}
          </Typography.Text>
        ) : null,
    },
    {
      title: t('audit.col.ip'),
      dataIndex: 'ipAddress',
      width: 140,
      render: (ip: string | null) => (ip ? <span style={{ fontFamily: 'monospace', fontSize: 12 }}>{ip}</span> : null),
    },
  ];

  return (
    <Table<AuditEntryView>
      rowKey="id"
      size="middle"
      loading={loading}
      columns={columns}
      dataSource={page?.items ?? []}
      expandable={{ expandedRowRender: (entry) => <AuditEntryDetails entry={entry} /> }}
      scroll={{ x: 900 }}
      locale={{ emptyText: t('common.empty') }}
      pagination={{
        current: page?.page ?? 1,
        pageSize: page?.pageSize ?? 50,
        total: page?.total ?? 0,
        showSizeChanger: true,
        pageSizeOptions: [20, 50, 100, 200],
        showTotal: (total) => t('common.total', { total }),
        onChange: onPageChange,
      }}
    />
  );
}
