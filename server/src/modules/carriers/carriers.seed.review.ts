import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { cases, experts, noticeItems, panelDraws, panelMembers, publicNotices } from '../../db/schema/index.js';
import type { Random } from '../../lib/random.js';
import { addWorkingDays } from '../calendar/index.js';
import { meanScore } from '../experts/index.js';
import { KIND_NAMES } from './carriers.rules.js';

type Kind = 'makerspace' | 'incubator';
export type StepBy = 'operator' | 'district' | 'officer' | 'panel';
export interface SeedStep {
  action: string;
  from: string;
  to: string;
  on: string;
  by: StepBy;
  comment?: string;
}

const SPRING = { submit: '2016-04-06', district: '2016-04-20', draw: '2016-04-25', scored: '2016-05-06', city: '2016-05-11', publish: '2016-05-23', decide: '2016-06-15' };
/** the incubator in the open notice: the summer round, published the Wednesday before the demo date */
const SUMMER = { submit: '2016-07-04', district: '2016-07-15', draw: '2016-07-25', scored: '2016-08-05', city: '2016-08-26', publish: '2016-09-07', decide: '' };
const RETURN_NOTE = '请补充创业导师聘用协议和公共服务面积测绘图';
const REJECT_NOTE = '现场核查：实际可用场地不足申报面积的一半，不符合认定条件';

/**
 * The steps a 2016 application took to reach its status, as the live workflow takes them: a
 * makerspace goes from the district to the city's check; an incubator to an expert panel first.
 */
export function applicationSteps(kind: Kind, status: string): SeedStep[] {
  const d = status === 'in_notice' ? SUMMER : SPRING;
  const s = (action: string, from: string, to: string, on: string, by: StepBy, comment?: string): SeedStep => ({ action, from, to, on, by, comment });
  const submitted = [s('submit', 'draft', 'submitted', d.submit, 'operator')];
  const atCity = [...submitted, s('district_pass', 'submitted', 'district_passed', d.district, 'district')];
  const review = kind === 'incubator' ? [...atCity, s('draw_panel', 'district_passed', 'expert_review', d.draw, 'officer'), s('panel_scored', 'expert_review', 'scored', d.scored, 'panel')] : atCity;
  const passed = [...review, s('city_pass', kind === 'incubator' ? 'scored' : 'district_passed', 'city_passed', d.city, 'officer')];
  const published = [...passed, s('publish', 'city_passed', 'in_notice', d.publish, 'officer')];
  const steps: Record<string, SeedStep[]> = {
    draft: [],
    submitted,
    returned: [...submitted, s('district_return', 'submitted', 'returned', d.district, 'district', RETURN_NOTE)],
    district_passed: atCity,
    scored: review,
    city_passed: passed,
    in_notice: published,
    rejected: [...review, s('city_reject', kind === 'incubator' ? 'scored' : 'district_passed', 'rejected', d.city, 'officer', REJECT_NOTE)],
    recognised: [...published, s('recognise', 'in_notice', 'recognised', d.decide, 'officer')],
  };
  return steps[status];
}

export interface ReviewedCase {
  id: number;
  kind: Kind;
  status: string;
  name: string;
  districtName: string;
  areaM2: number;
  steps: SeedStep[];
}

const at = (day: string, hour: number) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+08:00`);
const summaryOf = (c: ReviewedCase) => `${c.name}（拟认定为市级${KIND_NAMES[c.kind]}，场地面积${c.areaM2}平方米）`;

/**
 * The notices the 2016 applications went through (the notices kernel's records): the spring
 * notice of each kind, closed and decided, and the summer incubator notice, open on the demo date.
 * Returns the notices for the audit.
 */
export async function seedRecognitionNotices(tx: Tx, officerId: number, reviewed: ReviewedCase[]) {
  const published = reviewed.filter((c) => c.steps.some((s) => s.action === 'publish'));
  const groups = new Map<string, ReviewedCase[]>();
  for (const c of published) {
    const key = `${c.kind}|${c.steps.find((s) => s.action === 'publish')!.on}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  const notices = [];
  for (const [key, group] of groups) {
    const [kind, publishedOn] = key.split('|') as [Kind, string];
    const endsOn = await addWorkingDays(publishedOn, 5, tx);
    const batch = publishedOn < '2016-07-01' ? '第一批' : '第二批';
    const [notice] = await tx
      .insert(publicNotices)
      .values({
        module: kind,
        title: `2016年度${batch}市级${KIND_NAMES[kind]}拟认定名单公示`,
        body: `根据《关于发展众创空间推进大众创业万众创新的若干意见》，经区县推荐、市科委审核${kind === 'incubator' ? '和专家评审' : '和现场核查'}，现将拟认定的市级${KIND_NAMES[kind]}名单予以公示。公示期为5个工作日。对公示名单有异议的，请在公示期内以实名方式提出。`,
        subject: 'municipal',
        year: 2016,
        publishedOn,
        workingDays: 5,
        endsOn,
        publishedBy: officerId,
        createdAt: at(publishedOn, 9),
      })
      .returning();
    notices.push(notice);
    await tx.insert(noticeItems).values(group.map((c) => ({ noticeId: notice.id, caseId: c.id, name: c.name, districtName: c.districtName, summary: summaryOf(c) })));
    const ids = group.map((c) => c.id);
    await tx.update(cases).set({ noticeId: notice.id }).where(inArray(cases.id, ids));
    // the open notice's cases wait for its end (the kernel sets the deadline when it publishes)
    await tx
      .update(cases)
      .set({ dueOn: endsOn })
      .where(and(inArray(cases.id, ids), eq(cases.status, 'in_notice')));
  }
  return notices;
}

const COMMENTS = ['场地和公共服务设施完备，孵化服务体系健全，创业导师队伍稳定。', '在孵企业数量和质量较好，投融资服务有待加强。', '运营团队专业，与园区产业结合紧密，建议加强毕业企业跟踪服务。'];

/**
 * The expert panels of the incubator applications that went through review: five experts of the
 * pool (three technical, one finance, one management), every one scored; the case's panel score
 * is their mean, as the experts kernel computes it.
 */
export async function seedIncubatorPanels(tx: Tx, rnd: Random, officerId: number, reviewed: ReviewedCase[]) {
  const pool = await tx.select().from(experts).where(eq(experts.active, true)).orderBy(asc(experts.id));
  const byCategory = (c: string) => pool.filter((e) => e.category === c);
  const pick = <T>(list: T[], n: number) => {
    const rest = [...list];
    return Array.from({ length: n }, () => rest.splice(rnd.int(0, rest.length - 1), 1)[0]);
  };
  const rules = { size: 5, minTechnicalRatio: 0.6, minFinance: 1, loadCap: 8 };
  for (const c of reviewed.filter((x) => x.steps.some((s) => s.action === 'panel_scored'))) {
    const panel = [...pick(byCategory('technical'), 3), ...pick(byCategory('finance'), 1), ...pick(byCategory('management'), 1)];
    const drawDay = c.steps.find((s) => s.action === 'draw_panel')!.on;
    const scoredDay = c.steps.find((s) => s.action === 'panel_scored')!.on;
    const [draw] = await tx
      .insert(panelDraws)
      .values({
        caseId: c.id,
        kind: 'draw',
        reason: '随机抽取评审专家',
        seed: String(rnd.int(1, 2 ** 31 - 2)),
        rules,
        selected: panel.map((e) => ({ expertId: e.id, name: e.name, category: e.category, fieldMatch: false })),
        excluded: [],
        drawnBy: officerId,
        drawnAt: at(drawDay, 11),
      })
      .returning({ id: panelDraws.id });
    const totals = panel.map(() => rnd.int(150, 188) / 2);
    await tx.insert(panelMembers).values(
      panel.map((e, i) => ({ caseId: c.id, drawId: draw.id, expertId: e.id, status: 'scored' as const, declaredAt: at(drawDay, 16), total: totals[i].toFixed(2), comment: COMMENTS[i % COMMENTS.length], scoredAt: at(scoredDay, 10) })),
    );
    await tx.update(cases).set({ panelScore: meanScore(totals).toFixed(2) }).where(eq(cases.id, c.id));
  }
}
