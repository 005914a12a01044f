import { QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { onUnauthenticated } from '../lib/api';
import { I18nContext, initialLang, saveLang, translate, type I18n, type Lang } from '../lib/i18n';
import { queryClient } from '../lib/query-client';
import { meQueryKey } from '../features/auth/api/get-me';

const startLang = initialLang();
dayjs.locale(startLang === 'en' ? 'en' : 'zh-cn');
document.documentElement.lang = startLang;

const theme = {
  token: {
    colorPrimary: '#1558d6',
    // WCAG 2.1 AA contrast (≥ 4.5:1 on white and on the light tag/alert backgrounds; axe in e2e/a11y.e2e.ts):
    // antd's defaults for secondary text (0.45), placeholders (0.25), success/warning/error are lighter.
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.58)',
    colorSuccess: '#237804',
    colorWarning: '#ad6800',
    colorError: '#cf1322',
    colorInfo: '#1558d6',
    colorLink: '#1558d6',
    colorTextQuaternary: 'rgba(0, 0, 0, 0.58)',
    borderRadius: 6,
    // Latin fonts first, so that English punctuation (’ “ ”) is not drawn full-width by a CJK font; Chinese
    // characters fall through to the CJK fonts
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'Helvetica Neue', Arial, 'Liberation Sans', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif",
  },
};

export function Providers({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(startLang);

  const setLang = useCallback((next: Lang) => {
    dayjs.locale(next === 'en' ? 'en' : 'zh-cn');
    saveLang(next);
    setLangState(next);
    // the API's names (statuses, types, districts) come in the chosen language: fetch them again
    void queryClient.invalidateQueries();
  }, []);

  const i18n = useMemo<I18n>(() => ({ lang, setLang, t: (key, vars) => translate(lang, key, vars) }), [lang, setLang]);

  // A 401 on any call means the session ended (idle timeout, disabled account): re-check who we are,
  // which sends the user to the login page and back here afterwards.
  useEffect(() => onUnauthenticated(() => void queryClient.invalidateQueries({ queryKey: meQueryKey })), []);

  return (
    <I18nContext.Provider value={i18n}>
      <ConfigProvider locale={lang === 'en' ? enUS : zhCN} theme={theme} button={{ autoInsertSpace: false }}>
        <AntApp>
          <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
        </AntApp>
      </ConfigProvider>
    </I18nContext.Provider>
  );
}
