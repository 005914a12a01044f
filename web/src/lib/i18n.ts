import { createContext, createElement, Fragment, useCallback, useContext, type ReactNode } from 'react';
import { messages, type MessageKey } from './i18n-messages';

export type { MessageKey };
export type Lang = 'zh-CN' | 'en';
export type TFunction = (key: MessageKey, vars?: Vars) => string;

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

/** A message catalogue: key → [中文, English]. The core one is `i18n-messages.ts`; each feature keeps its
 * own in `features/<name>/messages.ts`, so its text is downloaded with the feature's code. */
export type Catalogue = Record<string, readonly [string, string]>;
export type Vars = Record<string, string | number>;

/** Looks a key up in a catalogue and fills `{name}` placeholders. */
export function translateFrom<C extends Catalogue>(catalogue: C, lang: Lang, key: keyof C, vars?: Vars): string {
  const [zh, en] = catalogue[key];
  const text = lang === 'en' ? en : zh;
  return vars ? text.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? '')) : text;
}

/** Looks a key of the core catalogue up. */
export function translate(lang: Lang, key: MessageKey, vars?: Vars): string {
  return translateFrom(messages, lang, key, vars);
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

/** A feature's translator: `const t = useMessages(vouchersMessages)` then `t('vouchers.title')`. */
export function useMessages<C extends Catalogue>(catalogue: C): (key: keyof C & string, vars?: Vars) => string {
  const { lang } = useContext(I18nContext);
  return useCallback((key: keyof C & string, vars?: Vars) => translateFrom(catalogue, lang, key, vars), [catalogue, lang]);
}

/** Fills the `{name}` placeholders of a translated text with React nodes: data such as a person's name,
 * wrapped by the caller in an element marked translate="no" (t() without vars leaves the placeholders). */
export function fillNodes(text: string, nodes: Record<string, ReactNode>): ReactNode[] {
  return text.split(/\{(\w+)\}/g).map((part, i) => (i % 2 === 1 ? createElement(Fragment, { key: i }, nodes[part]) : part));
}
