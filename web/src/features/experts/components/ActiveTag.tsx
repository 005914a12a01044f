import { StatusTag } from '../../../components/StatusTag';
import { useMessages } from '../../../lib/i18n';
import { expertsMessages } from '../messages';

/** 在库 / 停用: whether the expert can be drawn (the API sends a flag, not a status code, so the words are the page's own). */
export function ActiveTag({ active }: { active: boolean }) {
  const t = useMessages(expertsMessages);
  return <StatusTag status={active ? 'active' : 'inactive'} name={active ? t('experts.pool.active') : t('experts.pool.inactive')} />;
}
