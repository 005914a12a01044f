import type { Catalogue } from '../../lib/i18n';
import type { Industry } from './constants';

export const enterprisesMessages = {
  'enterprises.exportFile': ['企业库.xlsx', 'enterprises.xlsx'],
  'enterprises.importTemplateFile': ['企业导入模板.xlsx', 'enterprise-import-template.xlsx'],
} as const satisfies Catalogue;

/** The eight technical domains of the high-tech enterprise rules; the key is the value the API takes. */
export const hnteDomainMessages = {
  电子信息: ['电子信息', 'Electronic information'],
  生物与新医药: ['生物与新医药', 'Biotech and new medicine'],
  航空航天: ['航空航天', 'Aerospace'],
  新材料: ['新材料', 'New materials'],
  高技术服务: ['高技术服务', 'High-tech services'],
  新能源与节能: ['新能源与节能', 'New energy and energy saving'],
  资源与环境: ['资源与环境', 'Resources and environment'],
  先进制造与自动化: ['先进制造与自动化', 'Advanced manufacturing and automation'],
} as const satisfies Partial<Record<Industry, readonly [string, string]>>;

/** The industries of the registry: the eight domains plus 其他 (server: INDUSTRIES). */
export const industryMessages = {
  ...hnteDomainMessages,
  其他: ['其他', 'Other'],
} as const satisfies Record<Industry, readonly [string, string]>;
