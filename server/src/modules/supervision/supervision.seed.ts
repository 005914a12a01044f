import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { organizations, recognitions, users } from '../../db/schema/index.js';
import type { RequestContext } from '../../http/context.js';
import { createRandom } from '../../lib/random.js';
import { recordAuditMany } from '../audit/index.js';
import { moveCase, openCase } from '../cases/index.js';
import { TYPE_NAMES } from '../recognitions/index.js';
import { INSTRUMENT } from './instrument.js';
import { drawSample, type Stratum } from './spotchecks.service.js';
import * as repo from './supervision.repo.js';
import { REPORTED_TYPES } from './supervision.schema.js';

const at = (day: string, hour = 10) => new Date(`${day}T${String(hour).padStart(2, '0')}:00:00+08:00`);

/**
 * The demo's supervision: 2015 annual reports of the recognitions valid at the end of 2015 (most
 * accepted, some awaiting review, a few returned, some not filed — the demo enterprise's among
 * them, so its user can file), and the June 2016 spot check of hnte drawn at 1 % by district with
 * a logged seed, its findings half recorded: one rectification and one proposed revocation.
 */
export async function seedSupervision(opts: { tx: Tx; ctx: RequestContext }): Promise<void> {
  const { tx, ctx } = opts;
  const rnd = createRandom(2016_0615);
  const [demoUser] = await tx
    .select({ enterpriseId: organizations.enterpriseId })
    .from(users)
    .innerJoin(organizations, eq(organizations.id, users.organizationId))
    .where(eq(users.username, 'enterprise'));
  const [officer] = await tx.select({ id: users.id }).from(users).where(eq(users.username, 'officer'));

  // ── annual reports for 2015 ──
  const valid = await tx
    .select({ id: recognitions.id, enterpriseId: recognitions.enterpriseId, districtId: recognitions.districtId })
    .from(recognitions)
    .where(and(inArray(recognitions.type, [...REPORTED_TYPES]), repo.validOn('2015-12-31')))
    .orderBy(recognitions.id);
  const rows = valid.flatMap((r) => {
    const x = rnd.next();
    if (r.enterpriseId === demoUser?.enterpriseId || x < 0.1) {
      return [];
    }
    const status = x < 0.8 ? 'accepted' : x < 0.95 ? 'submitted' : 'returned';
    const revenue = rnd.int(8, 600) * 1_000_000;
    const employees = rnd.int(30, 900);
    const day = `2016-0${rnd.int(3, 5)}-${String(rnd.int(1, 28)).padStart(2, '0')}`;
    return [
      {
        recognitionId: r.id,
        enterpriseId: r.enterpriseId,
        districtId: r.districtId,
        year: 2015,
        data: {
          revenue,
          highTechRevenue: Math.round(revenue * (0.6 + rnd.next() * 0.35)),
          rdExpenses: Math.round(revenue * (0.03 + rnd.next() * 0.07)),
          employees,
          stEmployees: Math.round(employees * (0.1 + rnd.next() * 0.4)),
          ipCount: rnd.int(1, 40),
        },
        status: status as 'accepted' | 'submitted' | 'returned',
        submittedAt: at(day),
        reviewedBy: status === 'submitted' ? null : (officer?.id ?? null),
        reviewedAt: status === 'submitted' ? null : at(day, 16),
        reviewComment: status === 'returned' ? '研究开发费用与高新技术产品收入数据与年度审计报告不一致，请核实后重新填报。' : null,
      },
    ];
  });
  await repo.insertReports(tx, rows);

  // ── the June 2016 spot check ──
  const drawnOn = '2016-06-15';
  const pop = await repo.population(tx, ['hnte'], drawnOn);
  const byDistrict = new Map<number, Omit<Stratum, 'drawn'>>();
  for (const r of pop) {
    const s = byDistrict.get(r.districtId) ?? { districtId: r.districtId, districtName: r.districtName, population: 0, ids: [] };
    s.population += 1;
    s.ids.push(r.id);
    byDistrict.set(r.districtId, s);
  }
  const seed = 1_234_567_891;
  const { strata, selected } = drawSample([...byDistrict.values()], 0.01, seed);
  const draw = await repo.insertDraw(tx, { year: 2016, title: '2016年度高新技术企业认定后抽查', types: ['hnte'], rate: '0.01', seed: String(seed), strata, drawnOn, drawnBy: officer?.id ?? null });
  const popById = new Map(pop.map((r) => [r.id, r]));
  const items = await repo.insertItems(
    tx,
    selected.map((id) => ({ drawId: draw.id, recognitionId: id, enterpriseId: popById.get(id)!.enterpriseId, districtId: popById.get(id)!.districtId })),
  );
  const checked = items.slice(0, Math.floor(items.length / 2));
  for (const [i, item] of checked.entries()) {
    const finding = i === 0 ? 'rectify' : i === 1 ? 'revoke' : 'compliant';
    const note =
      finding === 'rectify'
        ? '现场核查：2015年度科技人员占比8.6%，低于10%；研究开发费用归集未设辅助账。'
        : finding === 'revoke'
          ? '现场核查：企业2015年发生重大安全生产事故，且申报材料中研发人员名单与社保缴纳记录严重不符。'
          : '现场核查：知识产权、科技人员、研发费用与高新技术产品收入符合认定条件。';
    let caseId: number | null = null;
    if (finding !== 'compliant') {
      const rec = (await repo.findRecognition(tx, item.recognitionId))!;
      const c = await openCase(tx, ctx, {
        instrument: INSTRUMENT,
        type: finding === 'rectify' ? 'rectification' : 'revocation',
        year: 2016,
        title: `${TYPE_NAMES[rec.type]}认定后抽查：${finding === 'rectify' ? '限期整改' : '撤销认定'}（${rec.certificateNo}）`,
        enterpriseId: rec.enterpriseId,
        districtId: rec.districtId,
      });
      const requirement = finding === 'rectify' ? '按《高新技术企业认定管理工作指引》设置研究开发费用辅助账，补充科技人员聘用材料，提交整改报告。' : null;
      await repo.insertCaseDetail(tx, { id: c.id, recognitionId: rec.id, spotCheckItemId: item.id, finding: note, requirement, rectifyBy: finding === 'rectify' ? '2016-10-31' : null });
      await moveCase(tx, ctx, c, finding === 'rectify' ? { action: 'order_rectification', comment: `${requirement}（整改期限 2016-10-31）`, dueOn: '2016-10-31' } : { action: 'propose_revocation', comment: note });
      caseId = c.id;
    }
    await repo.setFinding(tx, item.id, { finding, findingNote: note, checkedOn: `2016-0${7 + (i % 2)}-${String(5 + i).padStart(2, '0')}`, caseId, recordedBy: officer?.id ?? null });
  }
  await recordAuditMany(tx, ctx, [{ action: 'spot_check.draw', objectType: 'spot_check', objectId: draw.id, after: { seed, population: pop.length, selected, reports2015: rows.length } }]);
}
