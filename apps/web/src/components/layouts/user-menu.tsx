import { Dropdown, type MenuProps } from 'antd';
import type { ReactElement } from 'react';

/** The header's account menu (change password, log out) opening under its button. */
export function UserMenu({ menu, children }: { menu: MenuProps; children: ReactElement }) {
  return (
    <Dropdown menu={menu} trigger={['click']} placement="bottomRight">
      {children}
    </Dropdown>
  );
}
