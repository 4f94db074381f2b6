import { PlusOutlined } from '@ant-design/icons';
import { can } from '@ocop/domain/shared';
import { Button, Flex, Form, Input, InputNumber, Modal, Select, Switch, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { PageHeader } from '../../../components/ui/page-header';
import { type CouncilSummary, useCouncils, useCreateCouncil, useRounds } from '../../../features/councils/api/councils';
import { useCurrentUser } from '../../../lib/auth';
import { formatDateTime } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';

type CreateForm = { name: string; establishedBy?: string; quorum: number; spreadLimit: number; writtenOpinion: boolean };

function CreateCouncilModal({ roundId, open, onClose }: { roundId: string; open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const create = useCreateCouncil();
  const [form] = Form.useForm<CreateForm>();
  const submit = (values: CreateForm) =>
    create.mutate(
      {
        roundId,
        name: values.name,
        establishedBy: values.establishedBy?.trim() || null,
        quorum: values.quorum,
        spreadLimit: values.spreadLimit,
        writtenOpinion: values.writtenOpinion,
      },
      { onSuccess: (council) => void navigate(`/councils/${council.id}`) },
    );
  return (
    <Modal
      open={open}
      title={t('councils.create')}
      okText={t('councils.createOk')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      {create.isError ? <ErrorAlert error={create.error} /> : null}
      <Form<CreateForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ quorum: 5, spreadLimit: 10, writtenOpinion: false }}
        style={{ marginTop: 12 }}
      >
        <Form.Item
          name="name"
          label={t('councils.name')}
          rules={[{ required: true, whitespace: true, message: t('councils.nameRequired') }]}
        >
          <Input autoFocus maxLength={300} placeholder={t('councils.namePlaceholder')} data-testid="council-name" />
        </Form.Item>
        <Form.Item name="establishedBy" label={t('councils.establishedBy')}>
          <Input maxLength={300} placeholder={t('councils.establishedByPlaceholder')} />
        </Form.Item>
        <Flex gap={16} wrap>
          <Form.Item name="quorum" label={t('councils.quorum')} tooltip={t('councils.quorumHelp')}>
            <InputNumber min={1} max={50} precision={0} />
          </Form.Item>
          <Form.Item name="spreadLimit" label={t('councils.spreadLimit')} tooltip={t('councils.spreadLimitHelp')}>
            <InputNumber min={0} max={100} step={0.5} precision={2} decimalSeparator="," />
          </Form.Item>
          <Form.Item
            name="writtenOpinion"
            label={t('councils.writtenOpinion')}
            valuePropName="checked"
            tooltip={t('councils.writtenOpinionHelp')}
          >
            <Switch />
          </Form.Item>
        </Flex>
      </Form>
    </Modal>
  );
}

/** The councils of a round (the secretariat's page), with a picker of the province's rounds. */
export function CouncilListPage() {
  const { t } = useI18n();
  const me = useCurrentUser();
  const [search, setSearch] = useSearchParams();
  const rounds = useRounds();
  const openRound = rounds.data?.find((round) => round.status === 'open') ?? rounds.data?.[0];
  const roundId = search.get('roundId') ?? openRound?.id;
  const councils = useCouncils(roundId ?? undefined);
  const [creating, setCreating] = useState(false);
  const canManage = can(me.user.roles, 'councils.manage');
  const columns: ColumnsType<CouncilSummary> = [
    {
      key: 'name',
      title: t('councils.name'),
      render: (_, council) => (
        <Link to={`/councils/${council.id}`} data-testid={`council-${council.id}`}>
          {council.name}
        </Link>
      ),
    },
    { key: 'establishedBy', title: t('councils.establishedBy'), render: (_, council) => council.establishedBy ?? '—' },
    { key: 'quorum', title: t('councils.quorum'), dataIndex: 'quorum', align: 'right' },
    { key: 'createdAt', title: t('councils.createdAt'), render: (_, council) => formatDateTime(council.createdAt), responsive: ['md'] },
  ];
  return (
    <>
      <PageHeader
        title={t('councils.title')}
        description={t('councils.description')}
        extra={
          canManage && roundId ? (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-council">
              {t('councils.create')}
            </Button>
          ) : null
        }
      />
      <Flex gap={8} align="center" wrap style={{ marginBottom: 12 }}>
        <Typography.Text>{t('councils.round')}</Typography.Text>
        <Select
          data-testid="round-picker"
          style={{ minWidth: 320 }}
          loading={rounds.isPending}
          value={roundId}
          placeholder={t('councils.pickRound')}
          options={(rounds.data ?? []).map((round) => ({
            value: round.id,
            label: `${round.name}${round.status === 'closed' ? ` (${t('councils.roundClosed')})` : ''}`,
          }))}
          onChange={(value: string) => setSearch({ roundId: value }, { replace: true })}
          notFoundContent={t('councils.noRounds')}
        />
      </Flex>
      {rounds.isError ? <ErrorAlert error={rounds.error} /> : null}
      {councils.isError ? <ErrorAlert error={councils.error} /> : null}
      <Table<CouncilSummary>
        data-testid="councils"
        rowKey="id"
        size="middle"
        pagination={false}
        loading={Boolean(roundId) && councils.isPending}
        columns={columns}
        dataSource={councils.data?.items ?? []}
        locale={{ emptyText: roundId ? t('councils.empty') : t('councils.noRounds') }}
      />
      {roundId ? <CreateCouncilModal roundId={roundId} open={creating} onClose={() => setCreating(false)} /> : null}
    </>
  );
}
