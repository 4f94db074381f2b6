import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

type Patch<K extends string> = Partial<Record<K, string | number | null | undefined>>;

/**
 * List filters kept in the address (`?q=che&status=on_sale&page=2`), so the back button, a
 * reload and a shared link all show the same list. Changing a filter other than the page goes
 * back to page 1.
 */
export function useUrlFilters<K extends string>(keys: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const search = params.toString();
  // biome-ignore lint/correctness/useExhaustiveDependencies: `search` stands for `params`, which is a new object on every render
  const values = useMemo(() => {
    const read = {} as Record<K, string | undefined>;
    for (const key of keys) read[key] = params.get(key) ?? undefined;
    return read;
  }, [search, keys]);

  const update = useCallback(
    (patch: Patch<K>) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(patch) as [K, string | number | null | undefined][]) {
            if (value === undefined || value === null || value === '') next.delete(key);
            else next.set(key, String(value));
          }
          if (!('page' in patch)) next.delete('page');
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  return [values, update] as const;
}

/** A page number or size from the address, within bounds, else the default. */
export function intParam(value: string | undefined, fallback: number, max = 100_000): number {
  const parsed = Number(value);
  return Number.isInteger(parsed) && parsed >= 1 && parsed <= max ? parsed : fallback;
}
