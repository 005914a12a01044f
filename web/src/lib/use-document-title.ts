import { useEffect } from 'react';
import { useI18n } from './i18n';


/** The browser tab and screen readers name the page; no argument restores the platform title. */
export function useDocumentTitle(title?: string): void {
  const { t } = useI18n();
  useEffect(() => {
    document.title = title ? t('app.documentTitleOf', { title }) : t('app.documentTitle');
  }, [title, t]);
}
