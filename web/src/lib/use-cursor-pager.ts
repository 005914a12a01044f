import { useCallback, useState } from 'react';

export interface CursorPager {
  /** The cursor of the page shown (null for the first page). */
  cursor: string | null;
  /** 1-based page number. */
  page: number;
  hasPrev: boolean;
  next: (nextCursor: string) => void;
  prev: () => void;
  reset: () => void;
}

/**
 * Keyset pagination: the API only knows "the page after this cursor", so going back means
 * keeping the cursors of the pages already seen. The stack restarts when `resetKey`
 * (the serialised filters and sort) changes.
 */
export function useCursorPager(resetKey: string): CursorPager {
  const [state, setState] = useState<{ key: string; stack: (string | null)[] }>({ key: resetKey, stack: [null] });
  let stack = state.stack;
  if (state.key !== resetKey) {
    stack = [null];
    setState({ key: resetKey, stack });
  }
  const next = useCallback(
    (nextCursor: string) => setState((s) => ({ key: s.key, stack: [...s.stack, nextCursor] })),
    [],
  );
  const prev = useCallback(
    () => setState((s) => ({ key: s.key, stack: s.stack.length > 1 ? s.stack.slice(0, -1) : s.stack })),
    [],
  );
  const reset = useCallback(() => setState((s) => ({ key: s.key, stack: [null] })), []);
  return { cursor: stack[stack.length - 1], page: stack.length, hasPrev: stack.length > 1, next, prev, reset };
}
