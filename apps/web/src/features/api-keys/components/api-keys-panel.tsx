import type { ApiKeyView } from '@ocop/contracts/api-keys';
import { type ApiKeyTranslate, useApiKeyTexts } from '../api-key-texts';
import { Button, Space, Table, type TableColumnsType, Tag } from 'antd';
import { type HTMLAttributes, type ReactNode, useState } from 'react';
import { useFeedback } from '../../../components/feedback/feedback';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { formatDateTime, formatIsoDate } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { useMediaQuery } from '../../../lib/use-media-query';
import { useApiKeys, useRevokeApiKey } from '../api/api-keys';
import { CreateApiKeyModal } from './create-api-key-modal';

const STATUS_COLOURS: Record<ApiKeyView['status'], string> = { active: 'green', revoked: 'default', expired: 'orange' };

/** One producer's API keys: the count against the limit, the list (cards on a phone), a new key, revocation with confirmation. */
export function ApiKeysPanel({ producerId }: { producerId: string }) {
  const { describeError } = useI18n();
  const t = useApiKeyTexts();
  const { message, modal } = useFeedback();
  const keys = useApiKeys(producerId);
  const revoke = useRevokeApiKey();
  const [creating, setCreating] = useState(false);
  const wide = useMediaQuery('(min-width: 768px)');

  const confirmRevoke = (key: ApiKeyView) =>
    modal.confirm({
      title: t('apiKeys.revokeTitle', { name: key.name }),
      content: t('apiKeys.revokeText', { prefix: key.prefix }),
      okText: t('apiKeys.revoke'),
      okButtonProps: { danger: true, ...{ 'data-testid': 'api-key-revoke-confirm' } },
      cancelText: t('common.cancel'),
      onOk: () =>
        revoke.mutateAsync({ id: key.id }).then(
          () => message.success(t('apiKeys.revoked', { name: key.name })),
          (failure: unknown) => message.error(describeError(failure)),
        ),
    });

  const revokeButton = (key: ApiKeyView) =>
    key.status === 'active' ? (
      <Button danger size="small" onClick={() => confirmRevoke(key)} data-testid="api-key-revoke">
        {t('apiKeys.revoke')}
      </Button>
    ) : null;

  const list = keys.data;
  const full = list ? list.liveCount >= list.liveMax : false;
  const columns: TableColumnsType<ApiKeyView> = wide
    ? [...wideColumns(t), { title: t('common.actions'), key: 'actions', render: (_, key) => revokeButton(key) }]
    : [{ key: 'card', render: (_, key) => <ApiKeyCard view={key} t={t} action={revokeButton(key)} /> }];

  return (
    <>
      <Space wrap style={{ marginBottom: 12, width: '100%', justifyContent: 'space-between' }}>
        <span data-testid="api-key-count">{list ? t('apiKeys.count', { live: list.liveCount, max: list.liveMax }) : null}</span>
        <Button type="primary" disabled={!list || full} onClick={() => setCreating(true)} data-testid="api-key-create">
          {t('apiKeys.create')}
        </Button>
      </Space>
      {full && list ? <p data-testid="api-key-full">{t('apiKeys.full', { max: list.liveMax })}</p> : null}
      {keys.isError ? <ErrorAlert error={keys.error} /> : null}
      <Table<ApiKeyView>
        rowKey="id"
        size="middle"
        loading={keys.isPending}
        columns={columns}
        dataSource={list?.items ?? []}
        showHeader={wide}
        pagination={false}
        scroll={wide ? { x: 900 } : undefined}
        onRow={() => ({ 'data-testid': 'api-key-row' }) as HTMLAttributes<HTMLElement>}
        locale={{ emptyText: t('apiKeys.empty') }}
      />
      {creating ? <CreateApiKeyModal producerId={producerId} open onClose={() => setCreating(false)} /> : null}
    </>
  );
}

function StatusTag({ status, t }: { status: ApiKeyView['status']; t: ApiKeyTranslate }) {
  return <Tag color={STATUS_COLOURS[status]}>{t(`apiKeys.status.${status}`)}</Tag>;
}

function wideColumns(t: ApiKeyTranslate): TableColumnsType<ApiKeyView> {
  return [
    { title: t('apiKeys.column.name'), dataIndex: 'name', key: 'name' },
    { title: t('apiKeys.column.prefix'), dataIndex: 'prefix', key: 'prefix', render: (prefix: string) => <code>{prefix}</code> },
    {
      title: t('apiKeys.column.scopes'),
      key: 'scopes',
      render: (_, key) => key.scopes.map((scope) => <Tag key={scope}>{scope}</Tag>),
    },
    { title: t('apiKeys.column.status'), key: 'status', render: (_, key) => <StatusTag status={key.status} t={t} /> },
    { title: t('apiKeys.column.createdAt'), key: 'createdAt', render: (_, key) => formatDateTime(key.createdAt) },
    {
      title: t('apiKeys.column.expiresOn'),
      key: 'expiresOn',
      render: (_, key) => (key.expiresOn ? formatIsoDate(key.expiresOn) : t('apiKeys.noExpiry')),
    },
    {
      title: t('apiKeys.column.lastUsedAt'),
      key: 'lastUsedAt',
      render: (_, key) => (key.lastUsedAt ? formatDateTime(key.lastUsedAt) : t('apiKeys.neverUsed')),
    },
  ];
}

/** A key on a phone: its name and status, then the facts one under another, the revoke button last. */
function ApiKeyCard({ view, t, action }: { view: ApiKeyView; t: ApiKeyTranslate; action: ReactNode }) {
  const line = (label: string, value: ReactNode) => (
    <div style={{ fontSize: 13 }}>
      <span style={{ color: 'rgba(0,0,0,0.55)' }}>{label}: </span>
      {value}
    </div>
  );
  return (
    <div>
      <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8, alignItems: 'baseline' }}>
        <strong style={{ overflowWrap: 'anywhere' }}>{view.name}</strong>
        <StatusTag status={view.status} t={t} />
      </div>
      {line(t('apiKeys.column.prefix'), <code style={{ overflowWrap: 'anywhere' }}>{view.prefix}</code>)}
      {line(t('apiKeys.column.scopes'), view.scopes.join(', '))}
      {line(t('apiKeys.column.expiresOn'), view.expiresOn ? formatIsoDate(view.expiresOn) : t('apiKeys.noExpiry'))}
      {line(t('apiKeys.column.lastUsedAt'), view.lastUsedAt ? formatDateTime(view.lastUsedAt) : t('apiKeys.neverUsed'))}
      {action ? <div style={{ marginTop: 8 }}>{action}</div> : null}
    </div>
  );
}
