import type { AuditEntryView } from '@ocop/contracts/identity';
import { Col, Row, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { DATE_TIME_SECONDS_FORMAT, formatDateTime } from '../../../lib/format';
import { isMessageKey, useI18n } from '../../../lib/i18n';
import type { AuditPage } from '../api/list-audit-entries';

function JsonBlock({ label, value }: { label: string; value: unknown }) {
  const { t } = useI18n();
  return (
    <div>
      <Typography.Text strong>{label}</Typography.Text>
      <pre className="ocop-json">{value === null || value === undefined ? t('audit.empty') : JSON.stringify(value, null, 2)}</pre>
    </div>
  );
}

export function AuditEntryDetails({ entry }: { entry: AuditEntryView }) {
  const { t } = useI18n();
  return (
    <div data-testid="audit-details">
      <Row gutter={[16, 12]}>
        <Col xs={24} md={12}>
          <JsonBlock label={t('audit.before')} value={entry.before} />
        </Col>
        <Col xs={24} md={12}>
          <JsonBlock label={t('audit.after')} value={entry.after} />
        </Col>
      </Row>
      {entry.requestId ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('audit.requestId', { id: entry.requestId })}
        </Typography.Text>
      ) : null}
    </div>
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
        const key = `audit.action.${action}`;
        return isMessageKey(key) ? <span title={action}>{t(key)}</span> : <Tag style={{ fontFamily: 'monospace' }}>{action}</Tag>;
      },
    },
    {
      title: t('audit.col.entity'),
      dataIndex: 'entityType',
      width: 130,
      render: (entityType: string) => {
        const key = `audit.entity.${entityType}`;
        return isMessageKey(key) ? t(key) : entityType;
      },
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
