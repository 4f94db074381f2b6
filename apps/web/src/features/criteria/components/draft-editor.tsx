import { PlusOutlined, SaveOutlined } from '@ant-design/icons';
import type { CriteriaSetContent, CriteriaVersionView, RegimeView } from '@ocop/contracts/evaluation';
import { Button, Flex, Typography } from 'antd';
import { useFeedback } from '../../../components/feedback/feedback';
import { useCallback, useMemo, useState } from 'react';
import { ErrorAlert } from '../../../components/ui/error-alert';
import { type ApiError, isApiError } from '../../../lib/api-client';
import { useI18n } from '../../../lib/i18n';
import { useSaveDraft } from '../api/criteria-writes';
import { type PartTotal, PartTotals } from './part-totals';
import { type ApplyChange, atKey, CriterionEditor } from './criterion-editor';
import { PathIssues } from './criteria-tree';
import { addCriterion, freeCode, newCriterion, runningMaxima } from './draft-content';
import { indexIssues, type PathIssue } from './issue-index';

// The app's header is sticky too; the maxima bar stops right under it.
const APP_HEADER_HEIGHT = 64;

/** The issues a refused save names (422 with `details.path`, or `details.issues`), to show beside their criteria. */
export function serverIssues(error: ApiError | null): PathIssue[] {
  if (!error || !isApiError(error)) return [];
  const { details } = error;
  if (Array.isArray(details.issues)) {
    return details.issues.flatMap((issue: unknown) => {
      if (typeof issue !== 'object' || issue === null) return [];
      const { path, code, message } = issue as Record<string, unknown>;
      return typeof path === 'string'
        ? [{ path, code: typeof code === 'string' ? code : error.code, message: String(message ?? error.message) }]
        : [];
    });
  }
  return typeof details.path === 'string' ? [{ path: details.path, code: error.code, message: error.message }] : [];
}

/** Stays under the app's header while the sheet scrolls: the parts' running maxima and the save. */
function MaximaBar({
  maxima,
  dirty,
  saving,
  onSave,
  onClose,
}: {
  maxima: PartTotal[];
  dirty: boolean;
  saving: boolean;
  onSave: () => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  return (
    <div
      style={{
        position: 'sticky',
        top: APP_HEADER_HEIGHT,
        zIndex: 5,
        background: '#fff',
        padding: '8px 0',
        borderBottom: '1px solid #e5e7eb',
        marginBottom: 8,
      }}
      data-testid="running-maxima"
    >
      <Flex gap={8} align="center" wrap justify="space-between">
        <div style={{ minWidth: 0 }}>
          <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
            {t('criteria.editor.maxima')}
          </Typography.Text>
          <PartTotals totals={maxima} testId="editor-totals" />
        </div>
        <Flex gap={8} wrap align="center">
          {dirty ? (
            <Typography.Text type="warning" style={{ fontSize: 12 }}>
              {t('criteria.editor.unsaved')}
            </Typography.Text>
          ) : null}
          <Button size="small" onClick={onClose} disabled={saving}>
            {dirty ? t('criteria.editor.discard') : t('criteria.action.stopEditing')}
          </Button>
          <Button size="small" type="primary" icon={<SaveOutlined />} loading={saving} onClick={onSave} data-testid="draft-save">
            {t('criteria.editor.save')}
          </Button>
        </Flex>
      </Flex>
    </div>
  );
}

/**
 * A draft in edit mode: every criterion and option editable, the running maxima of each part always
 * in sight (red while a part does not add up to the regime's maximum), saved whole with its revision.
 */
export function DraftEditor({ version, regime, onClose }: { version: CriteriaVersionView; regime: RegimeView; onClose: () => void }) {
  const { t } = useI18n();
  const { message } = useFeedback();
  const save = useSaveDraft();
  const [content, setContent] = useState<CriteriaSetContent>(version.content);
  const [dirty, setDirty] = useState(false);
  const apply = useCallback<ApplyChange>((change) => {
    setContent((current) => change(current));
    setDirty(true);
  }, []);
  const maxima = runningMaxima(content, regime.parts);
  const starLevels = useMemo(() => regime.starBands.map((band) => band.stars).sort((a, b) => a - b), [regime]);
  const refused = useMemo(() => serverIssues(save.error), [save.error]);
  const index = useMemo(() => indexIssues([...refused, ...version.issues], content), [refused, version.issues, content]);

  const doSave = () =>
    save.mutate(
      { versionId: version.id, content, revision: version.revision },
      {
        onSuccess: (saved) => {
          setContent(saved.content);
          setDirty(false);
          message.success(t('criteria.editor.saved'));
        },
      },
    );

  return (
    <div data-testid="draft-editor">
      <MaximaBar maxima={maxima} dirty={dirty} saving={save.isPending} onSave={doSave} onClose={onClose} />
      {save.error ? (
        <div style={{ marginBottom: 12 }}>
          <ErrorAlert error={save.error} />
        </div>
      ) : null}
      {index.unplaced.map((issue) => (
        <Typography.Paragraph key={`${issue.path}:${issue.message}`} type="danger" data-testid="unplaced-issue">
          {issue.path}: {issue.message}
        </Typography.Paragraph>
      ))}
      {content.parts.map((part, partAt) => {
        const path = `${content.productSetCode}/${part.code}`;
        return (
          <section key={part.code} data-testid="part-editor" data-part={part.code} style={{ marginBottom: 20 }}>
            <Flex
              gap={8}
              align="center"
              justify="space-between"
              wrap
              style={{ background: '#f0fdf4', padding: '6px 8px', borderRadius: 6 }}
            >
              <Typography.Title level={5} style={{ margin: 0 }}>
                {part.code}. {part.label}
              </Typography.Title>
              <PartTotals totals={maxima.filter((total) => total.code === part.code)} testId="part-sum" />
            </Flex>
            <PathIssues index={index} path={path} />
            {part.criteria.map((criterion, at) => (
              <CriterionEditor
                // biome-ignore lint/suspicious/noArrayIndexKey: a code- or id-based key would remount the row (and drop the focus) while its code is typed; every field is controlled
                key={at}
                criterion={criterion}
                at={atKey({ part: partAt, path: [at] })}
                path={`${path}/${criterion.code}`}
                siblings={part.criteria.length}
                index={index}
                starLevels={starLevels}
                apply={apply}
              />
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() =>
                apply((current) =>
                  addCriterion(
                    current,
                    partAt,
                    null,
                    newCriterion(freeCode(current, `${part.code}`), t('criteria.editor.newCriterion'), t('criteria.editor.newOption')),
                  ),
                )
              }
              data-testid="criterion-add"
            >
              {t('criteria.editor.addCriterion')}
            </Button>
          </section>
        );
      })}
    </div>
  );
}
