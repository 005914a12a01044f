import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { isIndustry, isSize, type EnterpriseSize, type Industry } from '../constants';

export type SortField = 'name' | 'registeredOn' | 'id';
export type SortOrder = 'asc' | 'desc';

export interface EnterpriseFilters {
  q?: string;
  district?: string;
  industry?: Industry;
  size?: EnterpriseSize;
  sort: SortField;
  order: SortOrder;
  limit: number;
}

const LIMITS = [20, 50, 100];

/** Filters, sort and page size live in the URL, so a list view can be bookmarked and shared. */
export function useEnterpriseFilters() {
  const [params, setParams] = useSearchParams();

  const filters = useMemo<EnterpriseFilters>(() => {
    const sort = params.get('sort');
    const limit = Number(params.get('limit'));
    const industry = params.get('industry');
    const size = params.get('size');
    return {
      q: params.get('q') || undefined,
      district: params.get('district') || undefined,
      industry: isIndustry(industry) ? industry : undefined,
      size: isSize(size) ? size : undefined,
      sort: sort === 'name' || sort === 'registeredOn' ? sort : 'id',
      order: params.get('order') === 'asc' ? 'asc' : 'desc',
      limit: LIMITS.includes(limit) ? limit : 20,
    };
  }, [params]);

  const update = useCallback(
    (patch: Partial<EnterpriseFilters>) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(patch)) {
            if (v === undefined || v === null || v === '') {
              next.delete(k);
            } else {
              next.set(k, String(v));
            }
          }
          if (next.get('sort') === 'id' && next.get('order') !== 'asc') {
            next.delete('sort');
            next.delete('order');
          }
          if (next.get('limit') === '20') {
            next.delete('limit');
          }
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  const clear = useCallback(() => setParams(new URLSearchParams(), { replace: true }), [setParams]);

  return { filters, update, clear };
}
