import { CloseOutlined } from '@ant-design/icons';
import { Drawer } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../lib/i18n';
import { BrandMark } from '../brand-mark';
import { HEADER_BACKGROUND } from './navigation';

/** The phone's navigation: the menu in a drawer from the left, with the user's name under it. */
export function NavDrawer({ open, onClose, menu, footer }: { open: boolean; onClose: () => void; menu: ReactNode; footer: ReactNode }) {
  const { t } = useI18n();
  return (
    <Drawer
      placement="left"
      open={open}
      onClose={onClose}
      size={272}
      title={<BrandMark />}
      closeIcon={<CloseOutlined style={{ color: '#fff' }} aria-label={t('common.close')} />}
      styles={{ body: { padding: 0 }, header: { background: HEADER_BACKGROUND, color: '#fff' } }}
    >
      <nav>{menu}</nav>
      {footer}
    </Drawer>
  );
}
