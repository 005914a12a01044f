export const CATEGORY_OPTIONS = [
  { value: 'technical', label: '技术专家' },
  { value: 'finance', label: '财务专家' },
  { value: 'management', label: '管理专家' },
] as const;

export const LINK_KIND_OPTIONS = [
  { value: 'employer', label: '任职单位' },
  { value: 'shareholding', label: '持股企业' },
  { value: 'former_employer', label: '原任职单位（离职未满3年须回避）' },
  { value: 'relative', label: '近亲属任职或持股' },
] as const;

/** Suggested fields of expertise: the eight hnte domains plus the finance and management ones. */
export const FIELD_SUGGESTIONS = ['电子信息', '生物与新医药', '航空航天', '新材料', '高技术服务', '新能源与节能', '资源与环境', '先进制造与自动化', '财务审计', '税务', '科技管理', '知识产权'];

export const MEMBER_STATUS_COLORS: Record<string, string> = {
  assigned: 'default',
  accepted: 'processing',
  conflict: 'error',
  scored: 'success',
  replaced: 'default',
};

/** Why an expert was not drawn, in Chinese (the draw log keeps the server's codes). */
export function excludedReason(reason: string): string {
  if (reason === 'inactive') {
    return '不在库（停用）';
  }
  if (reason === 'load cap') {
    return '在评任务已达上限';
  }
  if (reason === 'replaced earlier') {
    return '此前已从本评审组替换';
  }
  if (reason.startsWith('conflict: ')) {
    return `利益回避：${reason.slice('conflict: '.length)}`;
  }
  if (reason.startsWith('replaced: ')) {
    return `本次被替换：${reason.slice('replaced: '.length)}`;
  }
  return reason;
}
