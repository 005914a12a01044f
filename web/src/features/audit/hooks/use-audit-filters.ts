import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

export interface AuditFilters {
  objectType?: string;
  objectId?: string;
  actor?: string;
  from?: string;
  to?: string;
}

const KEYS = ['objectType', 'objectId', 'actor', 'from', 'to'] as const;

/** Audit filters live in the URL, so a finding can be shared as a link. */
export function useAuditFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo<AuditFilters>(
    () => Object.fromEntries(KEYS.map((k) => [k, params.get(k) || undefined]).filter(([, v]) => v)),
    [params],
  );
  const set = useCallback(
    (next: AuditFilters) => {
      const sp = new URLSearchParams();
      for (const k of KEYS) {
        const v = next[k];
        if (v) {
          sp.set(k, v);
        }
      }
      setParams(sp, { replace: true });
    },
    [setParams],
  );
  return { filters, set };
}
