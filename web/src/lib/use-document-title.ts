import { useEffect } from 'react';

const BASE_TITLE = '科创 · 杭州市科技局业务平台';

/** The browser tab and screen readers name the page; no argument restores the platform title. */
export function useDocumentTitle(title?: string): void {
  useEffect(() => {
    document.title = title ? `${title} · 科创` : BASE_TITLE;
  }, [title]);
}
