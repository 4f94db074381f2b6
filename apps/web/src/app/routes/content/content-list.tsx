import { PlusOutlined } from '@ant-design/icons';
import type { ContentSummaryView } from '@ocop/contracts/content';
import { Button, Segmented, Table, type TableColumnsType, Tag } from 'antd';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { PageHeader } from '../../../components/ui/page-header';
import { useContentList } from '../../../features/content/api/content';
import { type ContentTranslate, useContentTexts } from '../../../features/content/content-texts';
import { formatDateTime } from '../../../lib/format';
import { intParam, useUrlFilters } from '../../../lib/use-url-filters';

const KEYS = ['kind', 'page'] as const;
export const STATUS_COLOURS: Record<ContentSummaryView['status'], string> = { draft: 'default', published: 'green', unpublished: 'orange' };

function columns(t: ContentTranslate): TableColumnsType<ContentSummaryView> {
  return [
    {
      title: t('content.column.title'),
      key: 'title',
      render: (_, item) => (
        <Link to={`/content/${item.id}`} data-testid="content-row">
          {item.title}
        </Link>
      ),
    },
    { title: t('content.column.kind'), key: 'kind', render: (_, item) => t(`content.kind.${item.kind}`) },
    {
      title: t('content.column.status'),
      key: 'status',
      render: (_, item) => <Tag color={STATUS_COLOURS[item.status]}>{t(`content.status.${item.status}`)}</Tag>,
    },
    { title: t('content.column.publishedAt'), key: 'publishedAt', render: (_, item) => formatDateTime(item.publishedAt) },
    { title: t('content.column.updatedAt'), key: 'updatedAt', render: (_, item) => formatDateTime(item.updatedAt) },
  ];
}

/** "Tin tức và văn bản": the articles and legal texts within the secretariat's reach, last changed first. */
export function ContentListPage() {
  const t = useContentTexts();
  const [params, setParams] = useUrlFilters(KEYS);
  const kind = params.kind === 'news' || params.kind === 'legal' ? params.kind : undefined;
  const page = intParam(params.page, 1);
  const list = useContentList({ kind, page, pageSize: 20 });
  return (
    <>
      <PageHeader
        title={t('content.title')}
        description={t('content.intro')}
        extra={
          <>
            <Link to="/content/new">
              <Button type="primary" icon={<PlusOutlined />} data-testid="content-new">
                {t('content.new')}
              </Button>
            </Link>
            <Link to="/content/new?kind=legal">
              <Button icon={<PlusOutlined />} data-testid="content-new-legal">
                {t('content.newLegal')}
              </Button>
            </Link>
          </>
        }
      />
      <Segmented
        value={kind ?? 'all'}
        onChange={(value) => setParams({ kind: value === 'all' ? undefined : String(value), page: undefined })}
        options={[
          { value: 'all', label: t('content.filter.all') },
          { value: 'news', label: t('content.kind.news') },
          { value: 'legal', label: t('content.kind.legal') },
        ]}
        style={{ marginBottom: 12 }}
      />
      {list.error ? <ErrorAlert error={list.error} /> : null}
      <Table<ContentSummaryView>
        rowKey="id"
        loading={list.isLoading}
        columns={columns(t)}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: t('content.empty') }}
        pagination={{
          current: page,
          pageSize: 20,
          total: list.data?.total ?? 0,
          onChange: (next) => setParams({ page: String(next) }),
        }}
        scroll={{ x: true }}
      />
    </>
  );
}
