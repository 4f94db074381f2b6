import { Alert, Button } from 'antd';

/** Above a list filtered to one import's records (the import history's link): says so, with a way back to the whole list. */
export function FromImportNotice({ title, clearLabel, onClear }: { title: string; clearLabel: string; onClear: () => void }) {
  return (
    <Alert
      type="info"
      showIcon
      action={
        <Button size="small" type="link" onClick={onClear}>
          {clearLabel}
        </Button>
      }
      title={title}
      style={{ marginBottom: 16 }}
      data-testid="from-import"
    />
  );
}
