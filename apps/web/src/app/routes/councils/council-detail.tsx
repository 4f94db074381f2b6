import { ArrowLeftOutlined, DeleteOutlined } from '@ant-design/icons';
import type { CouncilView } from '@ocop/contracts/councils';
import { Button, Card, Flex, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { Link, useParams } from 'react-router';
import { useFeedback } from '../../../components/feedback/feedback';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { PageHeader } from '../../../components/ui/page-header';
import { PageLoading } from '../../../components/ui/page-loading';
import { useCouncil, useDossiers, useRemoveMember } from '../../../features/councils/api/councils';
import { AssignDossiersButton } from '../../../features/councils/components/assign-dossiers';
import { CouncilRoundTable } from '../../../features/councils/components/council-round-table';
import { DEPARTMENT_LABELS, POSITION_LABELS } from '../../../features/councils/components/labels';
import { AddMemberForm } from '../../../features/councils/components/member-form';
import { formatPoints } from '../../../features/self-assessment/components/points';
import { describeError, useI18n } from '../../../lib/i18n';

type Member = CouncilView['members'][number];

const POSITION_ORDER = { chair: 0, member: 1, secretary: 2, advisory: 3 } as const;

function MembersTable({ council }: { council: CouncilView }) {
  const { t } = useI18n();
  const { modal, message } = useFeedback();
  const { language } = useI18n();
  const remove = useRemoveMember(council.id);
  const members = [...council.members].sort((a, b) => POSITION_ORDER[a.position] - POSITION_ORDER[b.position]);
  const columns: ColumnsType<Member> = [
    {
      key: 'name',
      title: t('councils.member.name'),
      render: (_, member) => (
        <Flex vertical gap={0}>
          <Typography.Text strong>{member.fullName}</Typography.Text>
          {member.title ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {member.title}
            </Typography.Text>
          ) : null}
        </Flex>
      ),
    },
    { key: 'department', title: t('councils.member.department'), render: (_, member) => t(DEPARTMENT_LABELS[member.department]) },
    {
      key: 'position',
      title: t('councils.member.position'),
      render: (_, member) => (
        <Tag color={member.position === 'chair' ? 'green' : member.position === 'member' ? 'blue' : 'default'}>
          {t(POSITION_LABELS[member.position])}
        </Tag>
      ),
    },
    {
      key: 'actions',
      title: '',
      align: 'right',
      render: (_, member) => (
        <Button
          size="small"
          danger
          type="text"
          icon={<DeleteOutlined />}
          aria-label={t('councils.member.remove', { name: member.fullName })}
          data-testid={`remove-member-${member.id}`}
          onClick={() =>
            modal.confirm({
              title: t('councils.member.removeTitle', { name: member.fullName }),
              content: t('councils.member.removeText'),
              okText: t('councils.member.removeOk'),
              okButtonProps: { danger: true },
              cancelText: t('common.cancel'),
              onOk: () =>
                remove.mutateAsync(member.id).then(
                  () => message.success(t('councils.member.removed')),
                  (error: unknown) => message.error(describeError(error, language)),
                ),
            })
          }
        />
      ),
    },
  ];
  return (
    <Table<Member>
      data-testid="members"
      size="small"
      rowKey="id"
      pagination={false}
      scroll={{ x: 'max-content' }}
      columns={columns}
      dataSource={members}
      locale={{ emptyText: t('councils.member.none') }}
    />
  );
}

/** A council: its members, the dossiers it scores with their progress and results (the round as the chair sees it). */
export function CouncilDetailPage() {
  const { councilId = '' } = useParams();
  const { t, language } = useI18n();
  const query = useCouncil(councilId);
  const roundDossiers = useDossiers({ roundId: query.data?.roundId }, Boolean(query.data));
  if (query.isPending) return <PageLoading />;
  if (query.isError) return <ErrorAlert error={query.error} />;
  const council = query.data;
  const briefs = new Map((roundDossiers.data?.items ?? []).map((brief) => [brief.id, brief]));
  const scoring = council.members.filter((member) => member.position === 'chair' || member.position === 'member').length;
  return (
    <>
      <PageHeader
        title={council.name}
        description={
          <Flex vertical gap={2} component="span">
            {council.establishedBy ? <span>{t('councils.establishedByValue', { value: council.establishedBy })}</span> : null}
            <span data-testid="council-rules">
              {t('councils.rules', {
                quorum: council.quorum,
                spread: formatPoints(council.spreadLimit, language),
                scoring,
              })}
              {council.writtenOpinion ? ` · ${t('councils.writtenOpinion')}` : ''}
            </span>
          </Flex>
        }
        extra={
          <Link to={`/councils?roundId=${council.roundId}`}>
            <Button icon={<ArrowLeftOutlined />}>{t('councils.backToList')}</Button>
          </Link>
        }
      />
      <Flex vertical gap={16}>
        <Card size="small" title={t('councils.members', { count: council.members.length })}>
          <Flex vertical gap={12}>
            <MembersTable council={council} />
            <AddMemberForm council={council} />
          </Flex>
        </Card>
        <Card
          size="small"
          title={t('councils.dossiers', { count: council.dossiers.length })}
          extra={<AssignDossiersButton council={council} roundDossiers={roundDossiers.data?.items ?? []} />}
        >
          {roundDossiers.isError ? <ErrorAlert error={roundDossiers.error} /> : null}
          <CouncilRoundTable rows={council.dossiers.map((dossier) => ({ ...dossier, brief: briefs.get(dossier.id) }))} />
        </Card>
      </Flex>
    </>
  );
}
