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
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Helvetica Neue', Arial, sans-serif",
  },
};

export function Providers({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(startLang);

  const setLang = useCallback((next: Lang) => {
    dayjs.locale(next === 'en' ? 'en' : 'zh-cn');
    saveLang(next);
    setLangState(next);
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
