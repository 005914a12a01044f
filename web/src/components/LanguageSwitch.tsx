import { Segmented } from 'antd';
import { useI18n, type Lang } from '../lib/i18n';
import { languageEndonym } from '../lib/i18n-messages';

/** 中 / EN toggle; the choice is kept in localStorage. */
export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <Segmented<Lang>
      size="small"
      aria-label={t('header.language')}
      value={lang}
      onChange={setLang}
      options={[
        { value: 'zh-CN', label: <span lang="zh-CN">{languageEndonym('zh-CN')}</span> },
        { value: 'en', label: <span lang="en">{languageEndonym('en')}</span> },
      ]}
    />
  );
}
