import type { Catalogue } from '../../lib/i18n';

export const inboxMessages = {
  'inbox.title': ['待办', 'To do'],
  'inbox.overdue': ['已超期', 'Overdue'],
  'inbox.dueSoon': ['3个工作日内到期', 'Due within 3 working days'],
  'inbox.noDeadline': ['无办理期限', 'No deadline'],
  'inbox.dueOn': ['期限 {date}', 'Due {date}'],
  'inbox.scope': ['待办范围', 'Cases shown'],
  'inbox.mine': ['等待我办理', 'Waiting for me'],
  'inbox.all': ['我可见的全部办件', 'All cases I can see'],
  'inbox.total': ['合计', 'Total'],
  'inbox.asOf': ['按业务日期 {today} 计；期限按工作日', 'As of business date {today}; deadlines count working days'],
  'inbox.byInstrument': ['按业务类别', 'By instrument'],
  'inbox.allInstruments': ['全部', 'All'],
  'inbox.emptyMine': ['没有等待您办理的事项', 'Nothing is waiting for you'],
  'inbox.empty': ['暂无办件', 'No cases'],
  'inbox.loadMore': ['加载更多', 'Load more'],
} as const satisfies Catalogue;
