import { PaperClipOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { useRef } from 'react';
import { useI18n } from '../../lib/i18n';

/**
 * A button that opens the file chooser, and the chosen file's name beside it. The `<input>`
 * itself stays in the page (hidden), so tests and screen readers can reach it.
 */
export function FilePicker({
  value,
  onChange,
  accept,
  label,
  multiple = false,
  disabled = false,
  testId,
  id,
  capture,
}: {
  value?: File | null;
  onChange?: (files: File[]) => void;
  accept?: string;
  label?: string;
  multiple?: boolean;
  disabled?: boolean;
  testId?: string;
  id?: string;
  /** On a phone: open the camera rather than the files. */
  capture?: 'environment' | 'user';
}) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  return (
    <Flex align="center" gap={8} wrap>
      <input
        ref={input}
        id={id}
        type="file"
        accept={accept}
        capture={capture}
        multiple={multiple}
        disabled={disabled}
        data-testid={testId}
        aria-label={label ?? t('common.chooseFile')}
        style={{ position: 'absolute', width: 1, height: 1, opacity: 0, overflow: 'hidden', pointerEvents: 'none' }}
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          // Choosing the same file again must fire again.
          event.target.value = '';
          if (files.length > 0) onChange?.(files);
        }}
      />
      <Button icon={<PaperClipOutlined />} onClick={() => input.current?.click()} disabled={disabled}>
        {label ?? t('common.chooseFile')}
      </Button>
      {multiple ? null : (
        <Typography.Text type={value ? undefined : 'secondary'} ellipsis style={{ maxWidth: 280 }}>
          {value ? value.name : t('common.noFile')}
        </Typography.Text>
      )}
    </Flex>
  );
}
