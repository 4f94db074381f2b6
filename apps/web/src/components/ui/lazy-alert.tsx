import type { AlertProps } from 'antd';
import { lazy, Suspense } from 'react';

// antd's Alert shows only when something went wrong; on the login page and in the guards it is
// fetched then, so it stays out of the first load.
const AntdAlert = lazy(() => import('antd/es/alert'));

/** antd's Alert, loaded on first use. */
export function LazyAlert(props: AlertProps) {
  return (
    <Suspense fallback={null}>
      <AntdAlert {...props} />
    </Suspense>
  );
}
