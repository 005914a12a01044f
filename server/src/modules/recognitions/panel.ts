import type { Executor } from '../../db/client.js';
import type { RecognitionType } from '../../db/schema/index.js';
import { AppError } from '../../http/errors.js';
import { businessToday, chinaDate } from '../../lib/clock.js';
import type { PanelRules, ScoreItemDef, ScoreSheet } from '../cases/index.js';
import { TOTAL_ITEM } from '../experts/index.js';
import { assessHnte, criteriaInForce, hnteInput, scoreOutsideBand, type CriteriaType, type HnteInput, type HnteResult } from '../rules/index.js';
import { hnteRawInput } from './applications.assess.js';
import type { ApplicationRow } from './applications.repo.js';

/**
 * Panel composition per recognition type (the bureau's defaults, not a national rule): hnte's
 * 工作指引 asks for at least 5 experts with technical and finance members.
 */
export const RECOGNITION_PANEL_RULES: { default: PanelRules } & Partial<Record<RecognitionType, PanelRules>> = {
  hnte: { size: 5, minTechnicalRatio: 0.6, minFinance: 1, loadCap: 8 },
  default: { size: 5, minTechnicalRatio: 0.6, minFinance: 1, loadCap: 8 },
};

export const panelRulesFor = (type: RecognitionType): PanelRules => RECOGNITION_PANEL_RULES[type] ?? RECOGNITION_PANEL_RULES.default;

/**
 * Whether applications of a type are reviewed by an expert panel, judged on a date (the
 * application date for a case, today for a type-level hint): hnte always, tech SMEs never, the
 * criteria types as the criteria in force on that date say — the latest version when none was in
 * force yet, and expert review when the type has no criteria at all. The one answer for both the
 * panel draw and the notice.
 */
export async function hasExpertReview(db: Executor, type: RecognitionType, on: string): Promise<boolean> {
  if (type === 'hnte') {
    return true;
  }
  if (type === 'tech_sme') {
    return false;
  }
  const criteriaType = (type === 'research_institute_provincial_key' ? 'research_institute_provincial' : type) as CriteriaType;
  const find = async (date: string) => (await criteriaInForce({ db, on: date })).items.find((i) => i.type === criteriaType);
  const spec = (await find(on)) ?? (await find('9999-12-31'));
  return spec ? spec.spec.reviewerLevels.includes('expert') : true;
}

/** The date an application is judged on: its application date, else its submission day, else today. */
export const judgedOn = (app: Pick<ApplicationRow, 'applicationDate' | 'submittedAt'>): string =>
  app.applicationDate ?? (app.submittedAt ? chinaDate(app.submittedAt) : businessToday());

/**
 * The rule engine's input built from the application's own data (profile, financials with total
 * assets and liabilities, lastYear, ipList, conversions), judged on its application date. Throws
 * invalid_state when the stored data cannot be judged.
 */
export function hnteInputOf(app: ApplicationRow, innovationScore: number | null = null): HnteInput {
  const parsed = hnteInput.safeParse(hnteRawInput(app.data, judgedOn(app), innovationScore));
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new AppError('invalid_state', `申报数据不完整，无法计算评分档位：${first.path.join('.')} ${first.message}`);
  }
  return parsed.data;
}

/** The engine's assessment of the application (rule set in force on its application date). */
export async function assessHnteApplication(db: Executor, app: ApplicationRow, innovationScore: number | null = null): Promise<HnteResult> {
  return assessHnte({ db, input: hnteInputOf(app, innovationScore) });
}

/**
 * The application's assessment after the panel: the hnte engine re-run with the panel's mean as
 * the innovation score, in the recognitions assessment shape.
 */
export async function panelAssessment(db: Executor, app: ApplicationRow, mean: number): Promise<Record<string, unknown>> {
  const input = hnteInputOf(app, mean);
  const r = await assessHnte({ db, input });
  const before = app.assessment && typeof app.assessment === 'object' && !Array.isArray(app.assessment) ? (app.assessment as Record<string, unknown>) : {};
  return { type: 'hnte', complete: true, issues: [], ...before, eligible: r.eligible, pending: r.pending, conditions: r.conditions, detail: r, assessedOn: input.applicationDate, innovationScore: mean };
}

const FIXED = (code: string, label: string, group: string, max: number): ScoreItemDef => ({ code, label, group, band: null, min: 0, max });

/** The hnte innovation-capability items (RULES.md §1), each with the range the expert may score in. */
export function hnteItems(result: HnteResult): ScoreItemDef[] {
  const r = result.scoreRanges;
  const banded = (code: string, label: string, group: string, range: { band: string; min: number; max: number }): ScoreItemDef => ({ code, label, group, band: range.band, min: range.min, max: range.max });
  return [
    FIXED('ipAdvancement', '技术的先进程度', '知识产权（≤30分）', 8),
    FIXED('ipCoreRole', '对主要产品（服务）在技术上发挥核心支持作用', '知识产权（≤30分）', 8),
    banded('ipQuantity', '知识产权数量', '知识产权（≤30分）', r.ipQuantity),
    FIXED('ipAcquisition', '知识产权获得方式', '知识产权（≤30分）', 6),
    FIXED('ipStandards', '参与编制国家、行业标准（加分项）', '知识产权（≤30分）', 2),
    banded('conversion', '科技成果转化能力', '科技成果转化能力（≤30分）', r.conversion),
    FIXED('rdOrganisation', '研究开发组织管理水平', '研究开发组织管理水平（≤20分）', 20),
    banded('netAssetGrowth', '净资产增长率', '企业成长性（≤20分）', r.netAssetGrowth),
    banded('salesGrowth', '销售收入增长率', '企业成长性（≤20分）', r.salesGrowth),
  ];
}

/** The sheet an expert scores: hnte's banded items (bands from the engine on the application), others one total. */
export async function recognitionScoreSheet(db: Executor, app: ApplicationRow): Promise<ScoreSheet> {
  if (app.type === 'hnte') {
    const assessment = await assessHnteApplication(db, app);
    return {
      mode: 'hnte',
      items: hnteItems(assessment),
      maxTotal: 100,
      assessment,
      check: (item, v) =>
        item.band
          ? scoreOutsideBand({ band: item.band, min: item.min, max: item.max }, v, `“${item.label}”`)
          : v < item.min || v > item.max
            ? `“${item.label}”评分${v}超出允许范围（${item.min}–${item.max}分）`
            : null,
    };
  }
  return { mode: 'total', items: [TOTAL_ITEM], maxTotal: 100, assessment: app.assessment ?? null };
}

/** What an expert reads of the form: everything but the applicant's contact phone (personal data, even encrypted). */
export function expertData(data: unknown): unknown {
  const d = (data ?? {}) as { profile?: Record<string, unknown> };
  if (!d.profile) {
    return d;
  }
  const { contactPhoneEnc: _enc, contactPhone: _phone, ...profile } = d.profile;
  return { ...d, profile };
}
