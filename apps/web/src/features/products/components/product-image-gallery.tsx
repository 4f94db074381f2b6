import { ArrowLeftOutlined, ArrowRightOutlined, DeleteOutlined, HolderOutlined, StarFilled, StarOutlined } from '@ant-design/icons';
import type { ProductImageView } from '@ocop/contracts/registry-files';
import { UPLOAD_LIMITS } from '@ocop/contracts/registry-files';
import { Button, Card, Empty, Flex, Image, Popconfirm, Progress, Tag, Tooltip, Typography, theme } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { FilePicker } from '../../../components/ui/file-picker';
import { useI18n } from '../../../lib/i18n';
import { useAddProductImage } from '../api/add-product-image';
import { useDeleteProductImage } from '../api/delete-product-image';
import { useProductImages } from '../api/list-product-images';
import { useReorderProductImages } from '../api/reorder-product-images';
import { useSetPrimaryProductImage } from '../api/set-primary-product-image';
import { useFeedback } from '../../../components/feedback/feedback';

const IMAGE_TYPES = 'image/jpeg,image/png,image/webp';
const MB = 1024 * 1024;

/** The ids in a new order after moving the picture at `from` to `to`. */
export function movedOrder(images: readonly Pick<ProductImageView, 'id'>[], from: number, to: number): string[] {
  const ids = images.map((image) => image.id);
  if (from === to || from < 0 || to < 0 || from >= ids.length || to >= ids.length) return ids;
  const [moved] = ids.splice(from, 1);
  ids.splice(to, 0, moved as string);
  return ids;
}

/**
 * A product's pictures in their order, medium size; the first tag marks the primary one (the
 * list thumbnail). Editors add several at once, drag a card (or use the arrows) to reorder,
 * choose the primary picture and delete.
 */
export function ProductImageGallery({ productId, productName, canEdit }: { productId: string; productName: string; canEdit: boolean }) {
  const { t, describeError } = useI18n();
  const { message } = useFeedback();
  const { token } = theme.useToken();
  const images = useProductImages(productId);
  const addImage = useAddProductImage();
  const reorder = useReorderProductImages();
  const setPrimary = useSetPrimaryProductImage();
  const deleteImage = useDeleteProductImage();
  const [upload, setUpload] = useState<{ done: number; total: number } | null>(null);
  const [dragging, setDragging] = useState<number | null>(null);
  const [dropTarget, setDropTarget] = useState<number | null>(null);
  const list = images.data ?? [];
  const limit = `${UPLOAD_LIMITS.imageBytes / MB} MB`;

  const uploadFiles = async (files: File[]) => {
    let added = 0;
    setUpload({ done: 0, total: files.length });
    for (const [index, file] of files.entries()) {
      if (file.size > UPLOAD_LIMITS.imageBytes) {
        void message.error(t('images.tooLarge', { name: file.name, limit }));
      } else {
        try {
          await addImage.mutateAsync({ productId, file });
          added++;
        } catch (error) {
          void message.error(t('images.failed', { name: file.name, error: describeError(error) }));
        }
      }
      setUpload({ done: index + 1, total: files.length });
    }
    setUpload(null);
    if (added > 0) void message.success(t('images.uploaded', { count: added }));
  };

  const move = (from: number, to: number) => {
    if (from === to) return;
    reorder.mutate({ productId, imageIds: movedOrder(list, from, to) }, { onError: (error) => void message.error(describeError(error)) });
  };

  return (
    <Card
      title={t('images.title', { count: list.length })}
      extra={
        canEdit ? (
          <FilePicker
            multiple
            accept={IMAGE_TYPES}
            label={t('images.add')}
            disabled={upload !== null}
            testId="image-file"
            onChange={(files) => void uploadFiles(files)}
          />
        ) : null
      }
      data-testid="product-images"
    >
      {canEdit ? (
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
          {t('images.hint', { limit })}
        </Typography.Paragraph>
      ) : null}
      {upload ? (
        <div style={{ marginBottom: 12 }}>
          <Typography.Text>{t('images.uploading', { done: upload.done, total: upload.total })}</Typography.Text>
          <Progress percent={Math.round((upload.done / upload.total) * 100)} size="small" />
        </div>
      ) : null}
      {images.isError ? <ErrorAlert error={images.error} /> : null}
      {images.isSuccess && list.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('images.empty')} /> : null}
      <Image.PreviewGroup>
        <ul
          style={{
            display: 'grid',
            gridTemplateColumns: 'repeat(auto-fill, minmax(150px, 1fr))',
            gap: 12,
            listStyle: 'none',
            padding: 0,
            margin: 0,
          }}
        >
          {list.map((image, index) => (
            <li
              key={image.id}
              draggable={canEdit}
              onDragStart={(event) => {
                setDragging(index);
                event.dataTransfer.effectAllowed = 'move';
              }}
              onDragOver={(event) => {
                if (dragging === null) return;
                event.preventDefault();
                setDropTarget(index);
              }}
              onDragLeave={() => setDropTarget((current) => (current === index ? null : current))}
              onDrop={(event) => {
                event.preventDefault();
                if (dragging !== null) move(dragging, index);
                setDragging(null);
                setDropTarget(null);
              }}
              onDragEnd={() => {
                setDragging(null);
                setDropTarget(null);
              }}
              data-testid="product-image"
              style={{
                border: `2px solid ${dropTarget === index ? token.colorPrimary : image.isPrimary ? token.colorPrimaryBorder : token.colorBorderSecondary}`,
                borderRadius: 8,
                overflow: 'hidden',
                background: token.colorBgContainer,
                opacity: dragging === index ? 0.5 : 1,
                cursor: canEdit ? 'grab' : undefined,
              }}
            >
              <div style={{ position: 'relative', aspectRatio: '1 / 1', background: token.colorFillTertiary }}>
                <Image
                  src={image.file.mediumUrl ?? image.file.url}
                  preview={{ src: image.file.url }}
                  alt={image.altText ?? t('images.alt', { position: index + 1, name: productName })}
                  width="100%"
                  height="100%"
                  style={{ objectFit: 'cover' }}
                  draggable={false}
                />
                {image.isPrimary ? (
                  <Tag color="green" icon={<StarFilled />} style={{ position: 'absolute', top: 6, left: 6, margin: 0 }}>
                    {t('images.primary')}
                  </Tag>
                ) : null}
                <Tag style={{ position: 'absolute', top: 6, right: 6, margin: 0 }}>{index + 1}</Tag>
              </div>
              {canEdit ? (
                <Flex justify="space-between" align="center" style={{ padding: 4 }}>
                  <HolderOutlined style={{ color: token.colorTextTertiary, paddingInline: 4 }} aria-hidden />
                  <Flex gap={0}>
                    <Tooltip title={t('images.moveEarlier')}>
                      <Button
                        type="text"
                        size="small"
                        icon={<ArrowLeftOutlined />}
                        aria-label={t('images.moveEarlier')}
                        disabled={index === 0 || reorder.isPending}
                        onClick={() => move(index, index - 1)}
                      />
                    </Tooltip>
                    <Tooltip title={t('images.moveLater')}>
                      <Button
                        type="text"
                        size="small"
                        icon={<ArrowRightOutlined />}
                        aria-label={t('images.moveLater')}
                        disabled={index === list.length - 1 || reorder.isPending}
                        onClick={() => move(index, index + 1)}
                      />
                    </Tooltip>
                    <Tooltip title={image.isPrimary ? t('images.primary') : t('images.makePrimary')}>
                      <Button
                        type="text"
                        size="small"
                        icon={image.isPrimary ? <StarFilled style={{ color: token.colorWarning }} /> : <StarOutlined />}
                        aria-label={t('images.makePrimary')}
                        disabled={image.isPrimary || setPrimary.isPending}
                        onClick={() =>
                          setPrimary.mutate(
                            { productId, imageId: image.id },
                            { onError: (error) => void message.error(describeError(error)) },
                          )
                        }
                      />
                    </Tooltip>
                    <Popconfirm
                      title={t('images.confirmDelete')}
                      okText={t('common.delete')}
                      cancelText={t('common.cancel')}
                      okButtonProps={{ danger: true }}
                      onConfirm={() =>
                        deleteImage
                          .mutateAsync({ productId, imageId: image.id })
                          .catch((error: unknown) => void message.error(describeError(error)))
                      }
                    >
                      <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={t('images.delete')} />
                    </Popconfirm>
                  </Flex>
                </Flex>
              ) : null}
            </li>
          ))}
        </ul>
      </Image.PreviewGroup>
    </Card>
  );
}
