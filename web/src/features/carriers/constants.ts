export const KIND_OPTIONS = [
  { value: 'makerspace', label: '众创空间' },
  { value: 'incubator', label: '科技企业孵化器' },
  { value: 'platform', label: '科技创新服务平台' },
] as const;
export type CarrierKindCode = (typeof KIND_OPTIONS)[number]['value'];

export const SERVICE_OPTIONS = ['创业辅导', '投融资对接', '技术支撑', '知识产权', '法律财务', '人才招聘', '市场推广', '政策申报', '国际交流', '公共实验设备'] as const;

export const STAT_FIELDS = [
  { key: 'areaM2', label: '场地面积（平方米）' },
  { key: 'firmsInIncubation', label: '在孵企业数' },
  { key: 'newFirms', label: '当年新孵企业数' },
  { key: 'graduatedFirms', label: '当年毕业企业数' },
  { key: 'revenue', label: '在孵企业总收入（元）', money: true },
  { key: 'jobs', label: '从业人员数' },
  { key: 'investment', label: '获得投融资额（元）', money: true },
  { key: 'ipCount', label: '知识产权数' },
  { key: 'events', label: '创业活动场次' },
] as const;

export const GRADE_COLORS: Record<string, string> = { excellent: 'green', good: 'blue', pass: 'default', fail: 'red' };
