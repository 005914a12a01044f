import type { Catalogue } from '../lib/i18n';

/** Text of the shared components (DataTable, FormModal, StatusTag, MoneyInput). */
export const componentsMessages = {
  'components.table.empty': ['暂无数据', 'No data'],
  'components.table.columns': ['列设置', 'Columns'],
  'components.table.columnsHint': ['勾选要显示的列', 'Tick the columns to show'],
  'components.table.columnsReset': ['恢复默认', 'Restore defaults'],
  'components.form.failed': ['提交失败：{reason}', 'Could not submit: {reason}'],
  'components.money.yuan': ['元', 'yuan'],
  'components.money.wanHint': ['约 {amount} 万元', 'About {amount} × 10,000 yuan'],
} as const satisfies Catalogue;
