/** Hangzhou's districts as of 2015 with their GB/T 2260 codes (MISSION.md). */
export const HANGZHOU_DISTRICTS = [
  { code: '330102', name: '上城区' },
  { code: '330103', name: '下城区' },
  { code: '330104', name: '江干区' },
  { code: '330105', name: '拱墅区' },
  { code: '330106', name: '西湖区' },
  { code: '330108', name: '滨江区' },
  { code: '330109', name: '萧山区' },
  { code: '330110', name: '余杭区' },
  { code: '330111', name: '富阳区' },
  { code: '330122', name: '桐庐县' },
  { code: '330127', name: '淳安县' },
  { code: '330182', name: '建德市' },
  { code: '330185', name: '临安市' },
] as const;

/** Relative share of the city's technology enterprises, for plausible demo spreads. */
export const DISTRICT_WEIGHTS: Record<string, number> = {
  '330102': 5, '330103': 6, '330104': 8, '330105': 6, '330106': 16, '330108': 20, '330109': 12,
  '330110': 15, '330111': 4, '330122': 2, '330127': 1, '330182': 2, '330185': 3,
};
