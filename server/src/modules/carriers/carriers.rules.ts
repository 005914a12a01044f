import type { AssessmentGrade, CarrierKind } from '../../db/schema/index.js';

/** Chinese names of the carrier kinds, levels, grades. */
export const KIND_NAMES: Record<CarrierKind, string> = { makerspace: '众创空间', incubator: '科技企业孵化器', platform: '科技创新服务平台' };
export const LEVEL_NAMES = { municipal: '市级', national: '国家级' } as const;
export const GRADE_NAMES: Record<AssessmentGrade, string> = { excellent: '优秀', good: '良好', pass: '合格', fail: '不合格' };
export const SERVICE_OPTIONS = ['创业辅导', '投融资对接', '技术支撑', '知识产权', '法律财务', '人才招聘', '市场推广', '政策申报', '国际交流', '公共实验设备'] as const;

/**
 * The recognition criteria of the policy 《关于发展众创空间推进大众创业万众创新的若干意见》 as the
 * bureau applies them (data, not logic): the least area (m²), firms or teams in incubation,
 * mentors, service kinds, and the least share of the area for public services.
 */
export const CRITERIA: Record<'makerspace' | 'incubator', { areaM2: number; firms: number; mentors: number; services: number; publicShare: number }> = {
  makerspace: { areaM2: 500, firms: 10, mentors: 5, services: 3, publicShare: 0.2 },
  incubator: { areaM2: 3000, firms: 20, mentors: 5, services: 4, publicShare: 0.1 },
};

/** The assessment score sheet (100 points) and the grade bands. */
export const SCORE_ITEMS = [
  { code: 'management', label: '运营管理', max: 20 },
  { code: 'services', label: '孵化服务', max: 25 },
  { code: 'performance', label: '孵化绩效', max: 35 },
  { code: 'finance', label: '投融资与资金使用', max: 20 },
] as const;

/**
 * A public S&T service platform's sheets (科技创新服务平台建设和运行管理办法): the annual
 * performance appraisal (绩效考评), and the acceptance of its construction (建设验收).
 */
export const PLATFORM_SCORE_ITEMS = [
  { code: 'capacity', label: '平台条件与能力建设', max: 20 },
  { code: 'service', label: '服务绩效', max: 35 },
  { code: 'operation', label: '运行管理与机制', max: 25 },
  { code: 'sharing', label: '开放共享与辐射带动', max: 20 },
] as const;
export const PLATFORM_ACCEPTANCE_ITEMS = [
  { code: 'tasks', label: '建设任务与考核指标完成', max: 40 },
  { code: 'funds', label: '建设资金使用与管理', max: 20 },
  { code: 'capacity', label: '服务能力形成', max: 25 },
  { code: 'mechanism', label: '运行机制建立', max: 15 },
] as const;

export type ScoreItem = { code: string; label: string; max: number };

/** The score sheet of an assessment: the carriers' one, or a platform's appraisal or acceptance. */
export function scoreSheetOf(carrierKind: CarrierKind, kind: 'annual' | 'acceptance'): readonly ScoreItem[] {
  if (carrierKind !== 'platform') {
    return SCORE_ITEMS;
  }
  return kind === 'acceptance' ? PLATFORM_ACCEPTANCE_ITEMS : PLATFORM_SCORE_ITEMS;
}

/** Acceptance passes at this total. */
export const ACCEPTANCE_PASS = 60;

/** Grades by total score, highest first (the lowest band starts at 0). */
export const GRADE_BANDS: readonly { grade: AssessmentGrade; min: number }[] = [
  { grade: 'excellent', min: 90 },
  { grade: 'good', min: 75 },
  { grade: 'pass', min: 60 },
  { grade: 'fail', min: 0 },
];

export function gradeOf(score: number): AssessmentGrade {
  return GRADE_BANDS.find((b) => score >= b.min)?.grade ?? 'fail';
}

/** Grade-based annual subsidy in yuan per carrier kind (科技创新服务平台建设和运行管理办法: rewards by grade, none for 不合格). */
export const SUBSIDY_YUAN: Record<CarrierKind, Record<AssessmentGrade, number>> = {
  incubator: { excellent: 300_000, good: 200_000, pass: 100_000, fail: 0 },
  makerspace: { excellent: 200_000, good: 100_000, pass: 50_000, fail: 0 },
  platform: { excellent: 500_000, good: 300_000, pass: 100_000, fail: 0 },
};

/** The exit rule: this many 不合格 annual assessments in consecutive years and the carrier exits. */
export const FAILS_IN_A_ROW_TO_EXIT = 2;

/** A year-on-year change beyond these ratios is flagged for the reviewer. */
export const JUMP_UP = 2;
export const JUMP_DOWN = 0.5;
