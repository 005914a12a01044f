import { createHash } from 'node:crypto';
import type { Tx } from '../../db/client.js';
import type { RequestContext } from '../../http/context.js';
import { businessToday } from '../../lib/clock.js';
import { createRandom } from '../../lib/random.js';
import { casesRepo, lockCase, moveCase, openCase } from '../cases/index.js';
import { addWorkingDays } from '../calendar/index.js';
import { prepareTranche } from '../programmes/index.js';
import { evidenceCode } from './acceptance-review.js';
import { evidencePdf } from './evidence-pdf.js';
import { ACCEPTANCE, CHANGE } from './instruments.js';
import { effectivePlan, type EffectivePlan } from './plan.js';
import * as repo from './projects.repo.js';
import { openMidtermFor } from './projects.service.js';

/**
 * Demo data of the follow-up (runs after the programmes seed, at the demo's business date): every
 * running project has its mid-term check, in every state — passed with tranche 2 prepared for the
 * treasurer, reported and awaiting the officer, returned, due (a few overdue) — and some are in
 * acceptance (materials being prepared, or submitted and waiting for the panel) or have a change
 * request waiting. Deterministic: by project id, values from lib/random.
 */
/** How many running projects the demo follows up (each costs a few dozen statements). */
const SEED_PROJECTS = 20;

export async function seedProjects({ tx, ctx }: { tx: Tx; ctx: RequestContext }): Promise<{ midterms: number; acceptances: number; changes: number }> {
  const rnd = createRandom(20160912);
  // the 2016 projects first, then the earliest of 2015: a sample that shows every state and keeps the first start fast
  const all = await repo.projectsWithoutMidterm(tx);
  const running = [...all].sort((a, b) => b.year - a.year || a.id - b.id).slice(0, SEED_PROJECTS);
  const today = businessToday();
  const earliest = await addWorkingDays(today, 20, tx);
  const changeDue = await addWorkingDays(today, 10, tx);
  const counts = { midterms: 0, acceptances: 0, changes: 0 };
  const report = (plan: EffectivePlan, progress: number) => ({
    kpis: plan.kpis.map((k) => ({ key: k.key, actual: Math.round(k.target * progress * (0.6 + rnd.next() * 0.6) * 10) / 10, evidence: null })),
    spentFen: Math.round((plan.approvedAmountFen * progress * (0.5 + rnd.next() * 0.5)) / 100) * 100,
  });
  for (const [i, p] of running.entries()) {
    const plan = await effectivePlan(tx, p.id);
    if (!plan) {
      continue;
    }
    // 0–3 passed (tranche 2 prepared), 4–5 reported, 6 due (overdue), 7 acceptance being prepared, 8 submitted for acceptance, 9 returned or a change waiting
    const bucket = i % 10;
    const midId = await openMidtermFor(tx, ctx, p.id, earliest);
    counts.midterms++;
    let mid = await lockCase(tx, ctx, midId);
    if (bucket === 6) {
      // due, not yet reported: overdue by five days
      const overdue = new Date(Date.parse(`${today}T00:00:00Z`) - 5 * 86_400_000).toISOString().slice(0, 10);
      await casesRepo.updateAtVersion(tx, mid.id, mid.version, { dueOn: overdue });
      await repo.updateMidterm(tx, mid.id, { dueOn: overdue });
      continue;
    }
    if (bucket === 9 && i % 20 === 19) {
      const ch = await openCase(tx, ctx, { instrument: CHANGE, type: 'extension', year: Number(today.slice(0, 4)), title: `${plan.title}（项目延期）`, enterpriseId: plan.enterpriseId, districtId: plan.districtId });
      const endOn = plan.endOn ? `${Number(plan.endOn.slice(0, 4)) + 1}${plan.endOn.slice(4)}` : `${Number(today.slice(0, 4)) + 2}-12-31`;
      await casesRepo.updateAtVersion(tx, ch.id, ch.version, { dueOn: changeDue });
      await repo.insertChange(tx, { id: ch.id, projectCaseId: p.id, kind: 'extension', reason: '关键设备进口清关延误，样机联调推迟，申请延期一年。', requested: { endOn }, previous: { endOn: plan.endOn ?? undefined } });
      counts.changes++;
      continue;
    }
    const r = report(plan, 0.5);
    await repo.updateMidterm(tx, mid.id, { progress: '已完成方案设计与关键技术攻关，样机研制按计划推进，经费按预算使用。', kpiProgress: r.kpis, spentFen: r.spentFen, submittedAt: new Date() });
    mid = await moveCase(tx, ctx, mid, { action: 'submit', set: { submittedAt: new Date() } });
    if (bucket === 4 || bucket === 5) {
      continue; // reported, awaiting the officer
    }
    if (bucket === 9) {
      await moveCase(tx, ctx, mid, { action: 'return', comment: '请补充经费支出明细和专利受理通知书。' });
      continue;
    }
    await moveCase(tx, ctx, mid, { action: 'pass' });
    if (plan.programme.trancheSplit.length >= 3) {
      const order = await prepareTranche(tx, ctx, p.id, 2);
      await repo.updateMidterm(tx, mid.id, { trancheOrderId: order.id });
    }
    if (bucket === 7 || bucket === 8) {
      const project = await lockCase(tx, ctx, p.id);
      await moveCase(tx, ctx, project, { action: 'start_acceptance' });
      const acc = await openCase(tx, ctx, { instrument: ACCEPTANCE, type: 'acceptance', year: Number(today.slice(0, 4)), title: `${plan.title}（验收）`, enterpriseId: plan.enterpriseId, districtId: plan.districtId });
      await casesRepo.updateAtVersion(tx, acc.id, acc.version, { dueOn: earliest });
      await repo.insertAcceptance(tx, { id: acc.id, projectCaseId: p.id });
      counts.acceptances++;
      if (bucket === 8) {
        const fin = report(plan, 1);
        await repo.updateAcceptance(tx, acc.id, { summary: '项目已按任务书完成全部研究内容，样机通过第三方检测并实现示范应用。', kpiActuals: fin.kpis.map((k) => ({ ...k, evidence: '见佐证材料附件（检测报告、专利受理通知书、销售合同）' })), spentFen: fin.spentFen, submittedAt: new Date() });
        // each KPI's evidence file, as the enterprise uploads it before submitting
        for (const k of fin.kpis) {
          const pdf = evidencePdf([`Evidence of KPI "${k.key}" - project ${plan.contractNo ?? p.id}`, `Actual value: ${k.actual}`, 'Certificates, test reports and contracts (scanned).']);
          await casesRepo.insertAttachment(tx, { caseId: acc.id, code: evidenceCode(k.key), fileName: `佐证材料-${plan.kpis.find((x) => x.key === k.key)?.name ?? k.key}.pdf`, mimeType: 'application/pdf', size: pdf.length, sha256: createHash('sha256').update(pdf).digest('hex'), content: pdf, uploadedBy: null });
        }
        await moveCase(tx, ctx, await lockCase(tx, ctx, acc.id), { action: 'submit', set: { submittedAt: new Date() } });
      }
    }
  }
  return counts;
}
