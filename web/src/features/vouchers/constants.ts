export const CATEGORY_OPTIONS = [
  { value: 'testing', label: '检验检测' },
  { value: 'rd_design', label: '研发设计' },
  { value: 'consulting', label: '技术咨询' },
  { value: 'ip', label: '知识产权' },
  { value: 'tech_transfer', label: '技术转移' },
] as const;

export const categoryLabel = (c: string) => CATEGORY_OPTIONS.find((o) => o.value === c)?.label ?? c;

export const BOOKING_STATUS: Record<string, { label: string; color: string }> = {
  booked: { label: '已预约（冻结中）', color: 'blue' },
  claimed: { label: '已申请兑付', color: 'gold' },
  redeemed: { label: '已兑付', color: 'green' },
  cancelled: { label: '已取消', color: 'default' },
  expired: { label: '已过期', color: 'default' },
};

export const CLAIM_STATUS: Record<string, { label: string; color: string }> = {
  submitted: { label: '待审核', color: 'gold' },
  approved: { label: '已通过', color: 'green' },
  rejected: { label: '已驳回', color: 'red' },
  reversed: { label: '已冲正', color: 'magenta' },
};

export const MODE_LABEL: Record<string, string> = { tongdui: '通兑（机构申请）', tongyong: '通用（持有人报销）' };

export const PROVIDER_STATUS: Record<string, { label: string; color: string }> = {
  pending: { label: '待审核', color: 'gold' },
  approved: { label: '已通过', color: 'green' },
  suspended: { label: '已暂停', color: 'orange' },
  blacklisted: { label: '黑名单', color: 'red' },
};

export const newIdempotencyKey = () => (typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`);
