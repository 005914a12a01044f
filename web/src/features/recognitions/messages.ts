import type { Catalogue } from '../../lib/i18n';

/** Recognition type names (the server's TYPE_NAMES), keyed by the type code. */
export const recognitionTypeMessages = {
  hnte: ['国家高新技术企业', 'National high-tech enterprise (HNTE)'],
  tase: ['技术先进型服务企业', 'Technologically advanced service enterprise'],
  municipal_hte: ['杭州市高新技术企业', 'Hangzhou municipal high-tech enterprise'],
  tech_sme: ['科技型中小企业', 'S&T SME'],
  eagle: ['雏鹰计划企业', 'Young Eagle programme enterprise'],
  qinglan: ['青蓝计划企业', 'Qinglan programme enterprise'],
  rd_center_provincial: ['省级高新技术企业研发中心', 'Provincial high-tech enterprise R&D centre'],
  rd_center_municipal: ['市级高新技术企业研发中心', 'Municipal high-tech enterprise R&D centre'],
  research_institute_provincial: ['省企业研究院', 'Provincial enterprise research institute'],
  research_institute_provincial_key: ['省重点企业研究院', 'Provincial key enterprise research institute'],
  agri_enterprise: ['市农业科技企业', 'Municipal agricultural S&T enterprise'],
  agri_social_rd_center: ['市级农业和社会发展企业研发中心', 'Municipal agricultural and social development R&D centre'],
  leading_team: ['领军型创新创业团队', 'Leading innovation and entrepreneurship team'],
} as const satisfies Catalogue;
