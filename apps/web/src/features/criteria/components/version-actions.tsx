import {
  CloudUploadOutlined,
  CopyOutlined,
  DeleteOutlined,
  EditOutlined,
  FileExcelOutlined,
  FileTextOutlined,
  SendOutlined,
} from '@ant-design/icons';
import type { CriteriaVersionView } from '@ocop/contracts/evaluation';
import { Button, Tooltip } from 'antd';
import { useFeedback } from '../../../components/feedback/feedback';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../../../lib/i18n';
import { versionExportUrl } from '../api/criteria-queries';
import { useCreateDraft, useDeleteDraft, usePublishDraft } from '../api/criteria-writes';
import { ImportDialog } from './import-dialog';

const draftPath = (id: string) => `/criteria/versions/${id}?edit=1`;

/** Create a draft (or offer the one there is), publish and delete, each confirmed and reported. */
function useVersionCommands(version: CriteriaVersionView) {
  const { t, describeError } = useI18n();
  const { message, modal } = useFeedback();
  const navigate = useNavigate();
  const createDraft = useCreateDraft();
  const publish = usePublishDraft();
  const remove = useDeleteDraft();
  const setsPath = `/criteria?regime=${encodeURIComponent(version.regimeCode)}`;

  const doCreateDraft = () =>
    createDraft.mutate(version.id, {
      onSuccess: (draft) => navigate(draftPath(draft.id)),
      onError: (error) => {
        const draftId = typeof error.details.draftId === 'string' ? error.details.draftId : null;
        if (error.code === 'criteria.draft_exists' && draftId) {
          modal.confirm({
            title: t('criteria.draftExists'),
            okText: t('criteria.action.openDraft'),
            cancelText: t('common.cancel'),
            onOk: () => navigate(draftPath(draftId)),
          });
        } else message.error(describeError(error));
      },
    });

  const doPublish = () =>
    modal.confirm({
      title: t('criteria.action.publish'),
      content: t('criteria.publish.confirm'),
      okText: t('criteria.action.publish'),
      cancelText: t('common.cancel'),
      onOk: () =>
        publish.mutateAsync({ versionId: version.id, revision: version.revision }).then(
          (published) => message.success(t('criteria.publish.done', { version: published.version })),
          (error: unknown) => message.error(describeError(error)),
        ),
    });

  const doDelete = () =>
    modal.confirm({
      title: t('criteria.action.delete'),
      content: t('criteria.delete.confirm'),
      okText: t('criteria.action.delete'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: () =>
        remove.mutateAsync(version.id).then(
          () => {
            message.success(t('criteria.delete.done'));
            void navigate(setsPath);
          },
          (error: unknown) => message.error(describeError(error)),
        ),
    });

  return { createDraft, publish, remove, doCreateDraft, doPublish, doDelete, navigate, message, t };
}

/** The secretariat's buttons for one version; rendered only for holders of criteria.manage. */
export function VersionActions({ version, editing, onEdit }: { version: CriteriaVersionView; editing: boolean; onEdit: () => void }) {
  const { createDraft, publish, remove, doCreateDraft, doPublish, doDelete, navigate, message, t } = useVersionCommands(version);
  const [importing, setImporting] = useState(false);
  const isDraft = version.status === 'draft';
  return (
    <>
      {isDraft && !editing ? (
        <Button type="primary" icon={<EditOutlined />} onClick={onEdit} data-testid="draft-edit">
          {t('criteria.action.edit')}
        </Button>
      ) : null}
      {isDraft ? (
        <Tooltip title={version.issues.length > 0 ? t('criteria.publish.blocked') : undefined}>
          <Button
            icon={<SendOutlined />}
            disabled={version.issues.length > 0 || editing}
            loading={publish.isPending}
            onClick={doPublish}
            data-testid="draft-publish"
          >
            {t('criteria.action.publish')}
          </Button>
        </Tooltip>
      ) : (
        <Button icon={<CopyOutlined />} loading={createDraft.isPending} onClick={doCreateDraft} data-testid="draft-create">
          {t('criteria.action.createDraft')}
        </Button>
      )}
      <Button href={versionExportUrl(version.id, 'xlsx')} icon={<FileExcelOutlined />} data-testid="criteria-export-xlsx">
        {t('criteria.action.exportXlsx')}
      </Button>
      <Button href={versionExportUrl(version.id, 'json')} icon={<FileTextOutlined />} data-testid="criteria-export-json">
        {t('criteria.action.exportJson')}
      </Button>
      <Button icon={<CloudUploadOutlined />} onClick={() => setImporting(true)} data-testid="criteria-import">
        {t('criteria.action.import')}
      </Button>
      {isDraft ? (
        <Button danger icon={<DeleteOutlined />} loading={remove.isPending} onClick={doDelete} data-testid="draft-delete">
          {t('criteria.action.delete')}
        </Button>
      ) : null}
      {importing ? (
        <ImportDialog
          open
          regimeCode={version.regimeCode}
          productSetCode={version.productSetCode}
          onClose={() => setImporting(false)}
          onImported={(draft) => {
            setImporting(false);
            message.success(t('criteria.import.done'));
            void navigate(draftPath(draft.id));
          }}
        />
      ) : null}
    </>
  );
}
