import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { CriteriaSetContent, CriterionContent } from '@ocop/contracts/evaluation';
import { Button, Flex, Input, InputNumber, Select, Tag, Tooltip } from 'antd';
import { memo } from 'react';
import { useI18n } from '../../../lib/i18n';
import { formatPoints, samePoints, starMarks, sumPoints } from './criteria-format';
import { PathIssues } from './criteria-tree';
import {
  addCriterion,
  type CriterionAt,
  freeCode,
  moveCriterion,
  newCriterion,
  removeCriterion,
  setOptionStars,
  starsOf,
  updateCriterion,
} from './draft-content';
import type { IssueIndex } from './issue-index';

export type ApplyChange = (change: (content: CriteriaSetContent) => CriteriaSetContent) => void;

/** "0:3.1" ↔ part 0, criteria[3].children[1]: a string, so memoised rows keep their props equal. */
export const atKey = (where: CriterionAt) => `${where.part}:${where.path.join('.')}`;
export function parseAt(key: string): CriterionAt {
  const [part, path] = key.split(':');
  return { part: Number(part), path: path ? path.split('.').map(Number) : [] };
}

function MoveButtons({
  onUp,
  onDown,
  onRemove,
  first,
  last,
}: {
  onUp: () => void;
  onDown: () => void;
  onRemove: () => void;
  first: boolean;
  last: boolean;
}) {
  const { t } = useI18n();
  return (
    <Flex gap={2}>
      <Tooltip title={t('criteria.editor.up')}>
        <Button size="small" icon={<ArrowUpOutlined />} disabled={first} onClick={onUp} aria-label={t('criteria.editor.up')} />
      </Tooltip>
      <Tooltip title={t('criteria.editor.down')}>
        <Button size="small" icon={<ArrowDownOutlined />} disabled={last} onClick={onDown} aria-label={t('criteria.editor.down')} />
      </Tooltip>
      <Tooltip title={t('criteria.editor.remove')}>
        <Button size="small" danger icon={<DeleteOutlined />} onClick={onRemove} aria-label={t('criteria.editor.remove')} />
      </Tooltip>
    </Flex>
  );
}

function swap<T>(list: readonly T[], at: number, delta: -1 | 1): T[] {
  const next = [...list];
  const a = next[at];
  const b = next[at + delta];
  if (a === undefined || b === undefined) return next;
  next[at] = b;
  next[at + delta] = a;
  return next;
}

function OptionsEditor({
  criterion,
  starLevels,
  change,
}: {
  criterion: CriterionContent;
  starLevels: readonly number[];
  change: (next: (criterion: CriterionContent) => CriterionContent) => void;
}) {
  const { t } = useI18n();
  const setOption = (at: number, patch: Partial<CriterionContent['options'][number]>) =>
    change((own) => ({ ...own, options: own.options.map((option, index) => (index === at ? { ...option, ...patch } : option)) }));
  return (
    <Flex vertical gap={6} style={{ paddingLeft: 8 }}>
      {criterion.options.map((option, at) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a code- or id-based key would remount the row (and drop the focus) while its code is typed; every field is controlled
        <Flex key={at} gap={6} wrap align="center" data-testid="option-editor">
          <Input.TextArea
            value={option.label}
            autoSize={{ minRows: 1, maxRows: 4 }}
            onChange={(event) => setOption(at, { label: event.target.value })}
            aria-label={t('criteria.editor.optionLabel')}
            placeholder={t('criteria.editor.optionLabel')}
            style={{ flex: '1 1 220px', minWidth: 0 }}
            data-testid="option-label"
          />
          <InputNumber<number>
            value={option.points}
            min={0}
            max={100}
            step={1}
            onChange={(value) => setOption(at, { points: value ?? 0 })}
            aria-label={t('criteria.editor.optionPoints')}
            style={{ width: 80 }}
            data-testid="option-points"
          />
          <Select<number[]>
            mode="multiple"
            value={starsOf(criterion, option.id)}
            onChange={(stars) => change((own) => setOptionStars(own, option.id, stars))}
            options={starLevels.map((level) => ({ value: level, label: starMarks(level) }))}
            placeholder={t('criteria.editor.optionStars')}
            aria-label={t('criteria.editor.optionStars')}
            style={{ flex: '0 1 170px', minWidth: 120 }}
            data-testid="option-stars"
          />
          <MoveButtons
            first={at === 0}
            last={at === criterion.options.length - 1}
            onUp={() => change((own) => ({ ...own, options: swap(own.options, at, -1) }))}
            onDown={() => change((own) => ({ ...own, options: swap(own.options, at, 1) }))}
            onRemove={() => change((own) => ({ ...own, options: own.options.filter((_option, index) => index !== at) }))}
          />
        </Flex>
      ))}
      <div>
        <Button
          size="small"
          type="dashed"
          icon={<PlusOutlined />}
          onClick={() =>
            change((own) => ({
              ...own,
              options: [...own.options, { id: `${own.code}/${own.options.length + 1}`, label: t('criteria.editor.newOption'), points: 0 }],
            }))
          }
          data-testid="option-add"
        >
          {t('criteria.editor.addOption')}
        </Button>
      </div>
    </Flex>
  );
}

/** A group criterion's maximum beside what its sub-criteria add up to (and its best option, if it has options too). */
function ChildrenSum({ criterion }: { criterion: CriterionContent }) {
  const { t } = useI18n();
  const best = criterion.options.length > 0 ? Math.max(...criterion.options.map((option) => option.points)) : 0;
  const sum = sumPoints([...criterion.children.map((child) => child.maxPoints), best]);
  const ok = samePoints(sum, criterion.maxPoints);
  return (
    <Tag color={ok ? 'green' : 'red'} data-testid="children-sum" data-ok={ok ? 'true' : 'false'}>
      {t('criteria.editor.childrenSum', { sum: formatPoints(sum) })}
    </Tag>
  );
}

type CriterionEditorProps = {
  criterion: CriterionContent;
  at: string;
  path: string;
  siblings: number;
  index: IssueIndex;
  starLevels: readonly number[];
  apply: ApplyChange;
};

/** One criterion of a draft with its options and sub-criteria, every field editable. */
export const CriterionEditor = memo(function CriterionEditor({
  criterion,
  at,
  path,
  siblings,
  index,
  starLevels,
  apply,
}: CriterionEditorProps) {
  const { t } = useI18n();
  const where = parseAt(at);
  const position = where.path[where.path.length - 1] ?? 0;
  const change = (next: (criterion: CriterionContent) => CriterionContent) => apply((content) => updateCriterion(content, where, next));
  return (
    <section data-testid="criterion-editor" data-code={criterion.code} style={{ padding: '10px 0', borderTop: '1px solid #f0f0f0' }}>
      <Flex gap={6} wrap align="center">
        <Input
          value={criterion.code}
          onChange={(event) => change((own) => ({ ...own, code: event.target.value.trim() }))}
          aria-label={t('criteria.editor.code')}
          style={{ width: 90 }}
          data-testid="criterion-code"
        />
        <InputNumber<number>
          value={criterion.maxPoints}
          min={0}
          max={100}
          step={1}
          onChange={(value) => change((own) => ({ ...own, maxPoints: value ?? 0 }))}
          aria-label={t('criteria.editor.maxPoints')}
          addonAfter={t('criteria.editor.maxPoints')}
          style={{ width: 170 }}
          data-testid="criterion-max"
        />
        {criterion.children.length > 0 ? <ChildrenSum criterion={criterion} /> : null}
        <div style={{ marginInlineStart: 'auto' }}>
          <MoveButtons
            first={position === 0}
            last={position === siblings - 1}
            onUp={() => apply((content) => moveCriterion(content, where, -1))}
            onDown={() => apply((content) => moveCriterion(content, where, 1))}
            onRemove={() => apply((content) => removeCriterion(content, where))}
          />
        </div>
      </Flex>
      <Input.TextArea
        value={criterion.label}
        autoSize={{ minRows: 1, maxRows: 4 }}
        onChange={(event) => change((own) => ({ ...own, label: event.target.value }))}
        aria-label={t('criteria.editor.label')}
        placeholder={t('criteria.editor.label')}
        style={{ marginTop: 6 }}
        data-testid="criterion-label"
      />
      <Input.TextArea
        value={criterion.requirementNote ?? ''}
        autoSize={{ minRows: 1, maxRows: 4 }}
        onChange={(event) => change((own) => ({ ...own, requirementNote: event.target.value === '' ? null : event.target.value }))}
        aria-label={t('criteria.editor.requirement')}
        placeholder={t('criteria.editor.requirement')}
        style={{ marginTop: 6, marginBottom: 6 }}
      />
      <OptionsEditor criterion={criterion} starLevels={starLevels} change={change} />
      <PathIssues index={index} path={path} />
      <div style={{ marginLeft: 8, paddingLeft: 8, borderLeft: '2px solid #dcfce7' }}>
        {criterion.children.map((child, childAt) => (
          <CriterionEditor
            // biome-ignore lint/suspicious/noArrayIndexKey: a code- or id-based key would remount the row (and drop the focus) while its code is typed; every field is controlled
            key={childAt}
            criterion={child}
            at={atKey({ part: where.part, path: [...where.path, childAt] })}
            path={`${path}/${child.code}`}
            siblings={criterion.children.length}
            index={index}
            starLevels={starLevels}
            apply={apply}
          />
        ))}
        <Button
          size="small"
          type="link"
          icon={<PlusOutlined />}
          onClick={() =>
            apply((content) =>
              addCriterion(
                content,
                where.part,
                where.path,
                newCriterion(freeCode(content, `${criterion.code}.`), t('criteria.editor.newCriterion'), t('criteria.editor.newOption')),
              ),
            )
          }
        >
          {t('criteria.editor.addChild')}
        </Button>
      </div>
    </section>
  );
});
