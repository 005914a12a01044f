import { businessDayjs } from '../../../../lib/business-clock';

/** The recognition types as the register shows them (same names as the server's TYPE_NAMES). */
export const TYPE_OPTIONS = [
  { value: 'hnte', label: '国家高新技术企业' },
  { value: 'tase', label: '技术先进型服务企业' },
  { value: 'municipal_hte', label: '杭州市高新技术企业' },
  { value: 'tech_sme', label: '科技型中小企业' },
  { value: 'eagle', label: '雏鹰计划企业' },
  { value: 'qinglan', label: '青蓝计划企业' },
  { value: 'rd_center_provincial', label: '省级高新技术企业研发中心' },
  { value: 'rd_center_municipal', label: '市级高新技术企业研发中心' },
  { value: 'research_institute_provincial', label: '省企业研究院' },
  { value: 'research_institute_provincial_key', label: '省重点企业研究院' },
  { value: 'agri_enterprise', label: '市农业科技企业' },
  { value: 'agri_social_rd_center', label: '市级农业和社会发展企业研发中心' },
  { value: 'leading_team', label: '领军型创新创业团队' },
] as const;
export type RecognitionTypeCode = (typeof TYPE_OPTIONS)[number]['value'];

export const STATUS_OPTIONS = [
  { value: 'valid', label: '有效' },
  { value: 'expired', label: '已过期' },
  { value: 'revoked', label: '已撤销' },
] as const;
export type StatusFilter = (typeof STATUS_OPTIONS)[number]['value'];

export const STATUS_COLOR: Record<string, string> = { valid: 'green', expired: 'default', revoked: 'red', pending: 'blue' };

/** "2019-11-30" or 长期有效 for the types without a fixed validity (tech SMEs: dynamic management). */
export const validityLabel = (validUntil: string | null) => validUntil ?? '长期有效（动态管理）';

/** Years the register can be filtered by: from the first recognitions on record to next year. */
export function yearOptions(): { value: number; label: string }[] {
  const last = businessDayjs().year() + 1;
  return Array.from({ length: last - 2010 }, (_, i) => last - i).map((y) => ({ value: y, label: `${y}年` }));
}
