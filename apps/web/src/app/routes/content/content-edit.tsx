import type { ContentItemView } from '@ocop/contracts/content';
import { Button, Flex, Tag } from 'antd';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useFeedback } from '../../../components/feedback/feedback';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { PageHeader } from '../../../components/ui/page-header';
import { PageLoading } from '../../../components/ui/page-loading';
import { useContentItem, useContentStep, useCreateContent, useUpdateContent } from '../../../features/content/api/content';
import { ContentFilesPanel } from '../../../features/content/components/content-files-panel';
import { bodyOf, ContentForm, type ContentFormValues, formValuesOf } from '../../../features/content/components/content-form';
import { useContentTexts } from '../../../features/content/content-texts';
import { useI18n } from '../../../lib/i18n';
import { STATUS_COLOURS } from './content-list';

/** Publish or take down, by the item's status, at the version shown. */
function StepButtons({ item }: { item: ContentItemView }) {
  const t = useContentTexts();
  const { describeError } = useI18n();
  const { message } = useFeedback();
  const step = useContentStep();
  const run = (action: 'publish' | 'unpublish') =>
    step.mutate(
      { id: item.id, action, version: item.version },
      {
        onSuccess: () => void message.success(t(action === 'publish' ? 'content.published' : 'content.unpublishedDone')),
        onError: (failure) => void message.error(describeError(failure)),
      },
    );
  return (
    <>
      {item.status === 'published' ? (
        <>
          <a href={item.publicUrl} target="_blank" rel="noopener noreferrer" data-testid="content-public-link">
            <Button>{t('content.view')}</Button>
          </a>
          <Button danger loading={step.isPending} onClick={() => run('unpublish')} data-testid="content-unpublish">
            {t('content.unpublish')}
          </Button>
        </>
      ) : (
        <Button type="primary" loading={step.isPending} onClick={() => run('publish')} data-testid="content-publish">
          {t('content.publish')}
        </Button>
      )}
    </>
  );
}

/** Writing a new article or legal text: saved as a draft, then the edit screen takes over. */
function NewContent() {
  const t = useContentTexts();
  const { describeError } = useI18n();
  const { message } = useFeedback();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const create = useCreateContent();
  const kind = params.get('kind') === 'legal' ? 'legal' : 'news';
  const submit = (values: ContentFormValues) =>
    create.mutate(
      { kind: values.kind, ...bodyOf(values) },
      {
        onSuccess: (item) => {
          void message.success(t('content.created'));
          void navigate(`/content/${item.id}`, { replace: true });
        },
        onError: (failure) => void message.error(describeError(failure)),
      },
    );
  return (
    <>
      <PageHeader title={t('content.form.newTitle')} extra={<Link to="/content">{t('content.back')}</Link>} />
      {create.error ? <ErrorAlert error={create.error} /> : null}
      <ContentForm initial={{ kind, title: '', bodyHtml: '' }} images={[]} saving={create.isPending} onSubmit={submit} lockedKind={false} />
      <p style={{ marginTop: 16 }}>{t('content.filesAfterSave')}</p>
    </>
  );
}

function EditContent({ itemId }: { itemId: string }) {
  const t = useContentTexts();
  const { describeError } = useI18n();
  const { message } = useFeedback();
  const item = useContentItem(itemId);
  const update = useUpdateContent();
  if (item.error) return <ErrorAlert error={item.error} />;
  if (!item.data) return <PageLoading />;
  const current = item.data;
  const submit = (values: ContentFormValues) =>
    update.mutate(
      { id: current.id, body: { ...bodyOf(values), coverFileId: values.coverFileId ?? null, version: current.version } },
      {
        onSuccess: () => void message.success(t('content.saved')),
        onError: (failure) => void message.error(describeError(failure)),
      },
    );
  return (
    <>
      <PageHeader
        title={
          <Flex gap={8} align="center" wrap>
            {t('content.form.editTitle')}
            <Tag color={STATUS_COLOURS[current.status]} data-testid="content-status">
              {t(`content.status.${current.status}`)}
            </Tag>
          </Flex>
        }
        extra={
          <>
            <Link to="/content">{t('content.back')}</Link>
            <StepButtons item={current} />
          </>
        }
      />
      {update.error ? <ErrorAlert error={update.error} /> : null}
      {/* Keyed by version: a saved or published item starts the form afresh from what the server kept. */}
      <ContentForm
        key={current.version}
        initial={formValuesOf(current)}
        images={current.files.filter((file) => file.purpose === 'image')}
        saving={update.isPending}
        onSubmit={submit}
        lockedKind
      />
      <ContentFilesPanel item={current} />
    </>
  );
}

/** `/content/new` and `/content/:itemId`: the secretariat's editor of an article or legal text. */
export function ContentEditPage() {
  const { itemId } = useParams();
  return itemId ? <EditContent key={itemId} itemId={itemId} /> : <NewContent />;
}
