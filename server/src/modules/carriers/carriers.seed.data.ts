import type { ParkKind } from '../../db/schema/index.js';

/** The 2015 figures the demo reproduces by counting records (INDICATORS.md). */
export const TARGETS_2015 = {
  nationalIncubatorsValid: 24,
  nationalIncubatorsNew: 3,
  municipalIncubatorsValid: 83,
  municipalIncubatorsNew: 15,
  areaTotal: 2_393_600,
  areaNew: 319_700,
  firmsCum: 8719,
  makerspacesValid: 45,
  makerspacesNational: 14,
  /** makerspaces counted in the statistics (70+): the 45 recognised and these unrecognised ones */
  makerspacesStatisticsOnly: 27,
} as const;

export const PARKS: { code: string; name: string; kind: ParkKind; district: string | null }[] = [
  { code: 'hz_hitech', name: '杭州国家高新区（滨江）', kind: 'high_tech_zone', district: '330108' },
  { code: 'linjiang', name: '萧山临江国家高新区', kind: 'high_tech_zone', district: '330109' },
  { code: 'yunqi', name: '云栖小镇', kind: 'town', district: '330106' },
  { code: 'dream', name: '梦想小镇', kind: 'town', district: '330110' },
  { code: 'zijin', name: '紫金港科技城', kind: 'science_city', district: '330106' },
  { code: 'future', name: '未来科技城', kind: 'science_city', district: '330110' },
  { code: 'qingshanhu', name: '青山湖科技城', kind: 'science_city', district: '330185' },
  { code: 'chengxi', name: '城西科创产业集聚区', kind: 'cluster', district: null },
  { code: 'dajiangdong', name: '大江东产业集聚区', kind: 'cluster', district: null },
];

/** Which parks lie in a district (a carrier or enterprise there may sit in one of them). */
export const PARKS_OF_DISTRICT: Record<string, string[]> = {
  '330108': ['hz_hitech'],
  '330109': ['linjiang', 'dajiangdong'],
  '330106': ['yunqi', 'zijin', 'chengxi'],
  '330110': ['dream', 'future', 'chengxi'],
  '330185': ['qingshanhu'],
};

export const DEMO_CARRIER_ORG = '杭州梦想小镇创业服务有限公司';
export const DEMO_MAKERSPACE = '梦想小镇·创客邦众创空间';
export const DEMO_NEW_MAKERSPACE = '云栖小镇·青年创业苑';

export const PLATFORMS = ['杭州市物联网公共科技创新服务平台', '杭州市科技文献公共服务平台', '杭州市生物医药公共技术服务平台', '杭州市工业设计公共服务平台'];

export const NAME_HEADS = ['之江', '钱塘', '西溪', '湖畔', '运河', '良渚', '天目', '富春', '新安', '白马湖', '九堡', '江南', '星光', '智慧', '蓝海', '启迪', '浙大', '海创', '贝壳', '极客', '青创', '火炬', '数字', '云谷', '东部', '北部'];
export const INCUBATOR_TAILS = ['科技企业孵化器', '创业园', '科技园', '创新中心', '孵化基地'];
export const MAKERSPACE_TAILS = ['众创空间', '创客空间', '创业咖啡', '梦工场', '创新工场'];
export const ROADS = ['文三路', '江南大道', '西园路', '古墩路', '滨安路', '文一西路', '莫干山路', '钱江路', '网商路', '仓前街'];
