import type { ContentItemView } from '@ocop/contracts/content';
import { Button, Flex, Typography } from 'antd';
import { useRef } from 'react';
import { useFeedback } from '../../../components/feedback/feedback';
import { useI18n } from '../../../lib/i18n';
import { useContentFiles } from '../api/content';
import { useContentTexts } from '../content-texts';

const ATTACHMENT_TYPES = '.pdf,.docx,.xlsx,.jpg,.jpeg,.png,.webp';
const IMAGE_TYPES = '.jpg,.jpeg,.png,.webp';

/** An item's attachments and pictures: upload (the server sniffs the type and bounds the size), download, remove with confirmation. */
export function ContentFilesPanel({ item }: { item: ContentItemView }) {
  const t = useContentTexts();
  const { describeError } = useI18n();
  const { message, modal } = useFeedback();
  const { upload, remove } = useContentFiles(item.id);
  const attachmentInput = useRef<HTMLInputElement>(null);
  const imageInput = useRef<HTMLInputElement>(null);

  const send = (purpose: 'attachment' | 'image', files: FileList | null) => {
    const file = files?.[0];
    if (!file) return;
    upload.mutate(
      { file, purpose },
      {
        onSuccess: () => void message.success(t('content.uploaded', { name: file.name })),
        onError: (failure) => void message.error(describeError(failure)),
      },
    );
  };
  const confirmRemove = (file: ContentItemView['files'][number]) =>
    modal.confirm({
      title: t('content.removeTitle', { name: file.originalName }),
      okText: t('content.remove'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        remove.mutateAsync({ fileId: file.id }).then(
          () => message.success(t('content.removed')),
          (failure: unknown) => message.error(describeError(failure)),
        ),
    });

  return (
    <section style={{ marginTop: 24, maxWidth: 860 }}>
      <Typography.Title level={4}>{t('content.files')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('content.filesHelp')}</Typography.Paragraph>
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <input
          ref={attachmentInput}
          type="file"
          accept={ATTACHMENT_TYPES}
          hidden
          onChange={(event) => send('attachment', event.target.files)}
          data-testid="content-attachment-input"
        />
        <input
          ref={imageInput}
          type="file"
          accept={IMAGE_TYPES}
          hidden
          onChange={(event) => send('image', event.target.files)}
          data-testid="content-image-input"
        />
        <Button loading={upload.isPending} onClick={() => attachmentInput.current?.click()}>
          {t('content.addAttachment')}
        </Button>
        <Button onClick={() => imageInput.current?.click()}>{t('content.addImage')}</Button>
      </Flex>
      {item.files.length === 0 ? <p>—</p> : null}
      <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {item.files.map((file) => (
          <li key={file.id} style={{ display: 'flex', gap: 8, alignItems: 'center', padding: '6px 0', borderBottom: '1px solid #f0f0f0' }}>
            <a href={`/api/content/items/${item.id}/files/${file.id}`} data-testid="content-file" style={{ flex: 1, minWidth: 0 }}>
              {file.originalName}
            </a>
            <Typography.Text type="secondary">
              {file.purpose === 'image' ? t('content.addImage') : file.mediaType.split('/').pop()},{' '}
              {Math.max(1, Math.round(file.sizeBytes / 1024))} KB
            </Typography.Text>
            <Button size="small" danger onClick={() => confirmRemove(file)} data-testid="content-file-remove">
              {t('content.remove')}
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
