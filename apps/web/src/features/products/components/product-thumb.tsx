import { PictureOutlined } from '@ant-design/icons';
import { theme } from 'antd';
import { useI18n } from '../../../lib/i18n';

/** The primary picture's list-size variant, or a grey placeholder of the same size. */
export function ProductThumb({ url, alt, size = 56 }: { url: string | null; alt: string; size?: number }) {
  const { t } = useI18n();
  const { token } = theme.useToken();
  const box = {
    width: size,
    height: size,
    borderRadius: 6,
    flex: 'none',
    background: token.colorFillTertiary,
    border: `1px solid ${token.colorBorderSecondary}`,
  } as const;
  if (!url) {
    return (
      <div
        style={{ ...box, display: 'flex', alignItems: 'center', justifyContent: 'center', color: token.colorTextQuaternary }}
        title={t('products.noImage')}
      >
        <PictureOutlined style={{ fontSize: size / 2.5 }} aria-label={t('products.noImage')} />
      </div>
    );
  }
  return <img src={url} alt={alt} loading="lazy" width={size} height={size} style={{ ...box, objectFit: 'cover', display: 'block' }} />;
}
