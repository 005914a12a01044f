import { createContext, useContext } from 'react';
import { messages, type MessageKey } from './i18n-messages';

export type { MessageKey };
export type Lang = 'zh-CN' | 'en';
export type TFunction = (key: MessageKey, vars?: Record<string, string | number>) => string;

const STORAGE_KEY = 'kechuang.lang';

/** Chinese unless the user chose English before (localStorage). */
export function initialLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

export function saveLang(lang: Lang): void {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // private mode: the choice lasts for this page only
  }
  document.documentElement.lang = lang;
}

/** Looks a key up and fills `{name}` placeholders. */
export function translate(lang: Lang, key: MessageKey, vars?: Record<string, string | number>): string {
  const [zh, en] = messages[key];
  const text = lang === 'en' ? en : zh;
  return vars ? text.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? '')) : text;
}

export interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: TFunction;
}

export const I18nContext = createContext<I18n>({
  lang: 'zh-CN',
  setLang: () => undefined,
  t: (key, vars) => translate('zh-CN', key, vars),
});

export function useI18n(): I18n {
  return useContext(I18nContext);
}

export function useT(): TFunction {
  return useContext(I18nContext).t;
}
