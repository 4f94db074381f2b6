import type { InquiryStatus } from '@ocop/domain/catalogue';
import { can } from '@ocop/domain/shared';
import type { InquiryView } from '@ocop/contracts/inquiries';
import { Badge, Button, Card, Descriptions, Space, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useFeedback } from '../../components/feedback/feedback';
import { ErrorAlert } from '../../components/ui/error-alert';
import { PageHeader } from '../../components/ui/page-header';
import { useInquiries, useInquiry, useSetInquiryStatus } from '../../features/inquiries/api/inquiries';
import { ShowPhoneSwitch } from '../../features/inquiries/components/show-phone-switch';
import { useInquiryTexts } from '../../features/inquiries/inquiry-texts';
import { useProducerNames } from '../../features/producers/api/use-producer-names';
import { useCurrentUser } from '../../lib/auth';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';

const STATUS_COLOUR: Record<InquiryStatus, string> = { new: 'green', read: 'default', answered: 'blue', closed: 'default' };

function StatusTag({ status }: { status: InquiryStatus }) {
  const t = useInquiryTexts();
  return (
    <Tag color={STATUS_COLOUR[status]} data-testid="inquiry-status">
      {t(`inquiries.status.${status}`)}
    </Tag>
  );
}

/** The producers whose page settings this user chooses (its own, as a member). */
function useOwnProducers() {
  const { user } = useCurrentUser();
  return [
    ...new Set(
      user.roles
        .filter(
          (grant) =>
            grant.role === 'producer_member' &&
            grant.producerId &&
            can(user.roles, 'producer_page.manage', { producerId: grant.producerId }),
        )
        .map((grant) => grant.producerId as string),
    ),
  ];
}

/**
 * "Hỏi mua": the inquiries buyers sent from the public pages, new ones first; a producer's member
 * also chooses here whether its phone number shows on its public page. Every text the buyer wrote
 * is rendered by React as text.
 */
export function InquiriesPage() {
  const t = useInquiryTexts();
  const navigate = useNavigate();
  const [filter, setFilter] = useState({ page: 1, pageSize: 20 });
  const list = useInquiries(filter);
  const own = useOwnProducers();
  const nameOf = useProducerNames(own);
  const columns: TableColumnsType<InquiryView> = [
    {
      title: t('inquiries.col.from'),
      key: 'from',
      render: (_: unknown, item) => (
        <div style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }}>
          <Badge status={item.status === 'new' ? 'processing' : 'default'} style={{ marginTop: 4 }} />
          <div style={{ minWidth: 0 }}>
            <Link to={`/inquiries/${item.id}`} data-testid="inquiry-open" style={item.status === 'new' ? { fontWeight: 600 } : undefined}>
              {item.name}
            </Link>
            <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
              {item.message}
            </Typography.Paragraph>
          </div>
        </div>
      ),
    },
    {
      title: t('inquiries.col.about'),
      key: 'about',
      responsive: ['md'],
      render: (_: unknown, item) => item.productName ?? item.producerName,
    },
    { title: t('inquiries.col.status'), dataIndex: 'status', width: 120, render: (status: InquiryStatus) => <StatusTag status={status} /> },
    { title: t('inquiries.col.at'), dataIndex: 'createdAt', width: 150, responsive: ['sm'], render: (at: string) => formatDateTime(at) },
  ];
  return (
    <>
      <PageHeader
        title={t('inquiries.title')}
        description={t('inquiries.intro')}
        extra={
          list.data ? (
            <Tag color="green" data-testid="inquiry-unread">
              {t('inquiries.unread', { count: list.data.unread })}
            </Tag>
          ) : null
        }
      />
      {own.map((producerId) => (
        <ShowPhoneSwitch key={producerId} producerId={producerId} producerName={own.length > 1 ? nameOf(producerId) : undefined} />
      ))}
      {list.error ? <ErrorAlert error={list.error} /> : null}
      <Card>
        <Table<InquiryView>
          rowKey="id"
          loading={list.isLoading}
          columns={columns}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: t('inquiries.empty') }}
          onRow={(item) => ({ onDoubleClick: () => void navigate(`/inquiries/${item.id}`) })}
          pagination={{
            current: filter.page,
            pageSize: filter.pageSize,
            total: list.data?.total ?? 0,
            onChange: (page, pageSize) => setFilter({ page, pageSize }),
          }}
        />
      </Card>
    </>
  );
}

/** One inquiry: opened by the producer's member, it becomes "read"; they mark it answered or close it. */
export function InquiryDetailPage() {
  const t = useInquiryTexts();
  const { describeError } = useI18n();
  const { message } = useFeedback();
  const { user } = useCurrentUser();
  const { inquiryId } = useParams<{ inquiryId: string }>();
  const inquiry = useInquiry(inquiryId);
  const setStatus = useSetInquiryStatus();
  const item = inquiry.data;
  const answers = item ? can(user.roles, 'inquiries.answer', { producerId: item.producerId }) : false;
  const { mutate } = setStatus;
  useEffect(() => {
    if (item && answers && item.status === 'new') mutate({ id: item.id, status: 'read' });
  }, [item, answers, mutate]);

  const move = (status: 'answered' | 'closed') =>
    item &&
    setStatus.mutate(
      { id: item.id, status },
      { onSuccess: () => message.success(t('inquiries.saved')), onError: (error) => message.error(describeError(error)) },
    );

  return (
    <>
      <p>
        <Link to="/inquiries">{t('inquiries.back')}</Link>
      </p>
      {inquiry.error ? <ErrorAlert error={inquiry.error} /> : null}
      {item ? (
        <Card
          title={<span data-testid="inquiry-name">{item.name}</span>}
          extra={<StatusTag status={item.status} />}
          actions={
            answers
              ? [
                  <Button
                    key="answered"
                    type="primary"
                    disabled={item.status === 'answered' || item.status === 'closed'}
                    loading={setStatus.isPending}
                    onClick={() => move('answered')}
                    data-testid="inquiry-answered"
                  >
                    {t('inquiries.markAnswered')}
                  </Button>,
                  <Button key="closed" disabled={item.status === 'closed'} loading={setStatus.isPending} onClick={() => move('closed')}>
                    {t('inquiries.close')}
                  </Button>,
                ]
              : undefined
          }
        >
          <Descriptions column={1} size="small">
            <Descriptions.Item label={t('inquiries.contact')}>
              <span data-testid="inquiry-contact">{item.contact}</span>
            </Descriptions.Item>
            {item.quantity ? <Descriptions.Item label={t('inquiries.quantity')}>{item.quantity}</Descriptions.Item> : null}
            <Descriptions.Item label={t('inquiries.producer')}>{item.producerName}</Descriptions.Item>
            <Descriptions.Item label={t('inquiries.product')}>{item.productName ?? t('inquiries.producerOnly')}</Descriptions.Item>
            <Descriptions.Item label={t('inquiries.col.at')}>{formatDateTime(item.createdAt)}</Descriptions.Item>
          </Descriptions>
          <Space direction="vertical" style={{ width: '100%' }}>
            <Typography.Text strong>{t('inquiries.message')}</Typography.Text>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="inquiry-message">
              {item.message}
            </Typography.Paragraph>
          </Space>
        </Card>
      ) : null}
    </>
  );
}
