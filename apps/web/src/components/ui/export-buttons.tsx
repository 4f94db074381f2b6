import { DownloadOutlined, FileExcelOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useI18n } from '../../lib/i18n';

/**
 * "Xuất Excel" and "Xuất CSV" as plain links: the server answers with an attachment, so the
 * browser downloads the filtered list without leaving the page.
 */
export function ExportButtons({ urlFor, compact = false }: { urlFor: (format: 'xlsx' | 'csv') => string; compact?: boolean }) {
  const { t } = useI18n();
  return (
    <>
      <Button href={urlFor('xlsx')} icon={<FileExcelOutlined />} title={t('registry.exportHint')} data-testid="export-xlsx">
        {compact ? 'Excel' : t('common.exportXlsx')}
      </Button>
      <Button href={urlFor('csv')} icon={<DownloadOutlined />} title={t('registry.exportHint')} data-testid="export-csv">
        {compact ? 'CSV' : t('common.exportCsv')}
      </Button>
    </>
  );
}
