import { useCallback, useSyncExternalStore } from 'react';

/** Whether a CSS media query matches, read on the first render too (no flash of the wrong layout). */
export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (typeof window === 'undefined' || !window.matchMedia) return () => {};
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    [query],
  );
  const getSnapshot = () =>
    typeof window !== 'undefined' && typeof window.matchMedia === 'function' ? window.matchMedia(query).matches : true;
  return useSyncExternalStore(subscribe, getSnapshot, () => true);
}

/** antd's `lg` breakpoint: from here up the menu sits in a sider, below it in a drawer. */
export const DESKTOP_QUERY = '(min-width: 992px)';
