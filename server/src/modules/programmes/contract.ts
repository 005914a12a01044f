import { createHash } from 'node:crypto';
import { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType, type ITableCellBorders } from 'docx';
import type { Db, Executor } from '../../db/client.js';
import type { Actor, RequestContext } from '../../http/context.js';
import { actorOf, hasRole } from '../../http/context.js';
import { AppError, forbidden, notFound } from '../../http/errors.js';
import { businessToday } from '../../lib/clock.js';
import { chineseDate, CJK_LANGUAGE, cjkFont, mm, NO_BORDERS, NO_TABLE_BORDERS, pageNumberFooter } from '../../lib/docx.js';
import { recordAudit } from '../audit/index.js';
import { assertCaseInScope, casesRepo, lockCase, moveCase } from '../cases/index.js';
import { paymentsOfCase } from '../payments/index.js';
import { checkFile } from './attachments.js';
import { presentApplication } from './applications.service.js';
import { BUDGET_CATEGORIES, type BudgetCategory } from './form.js';
import { getProjectPlan, trancheAmounts, trancheLabel } from './plan.js';
import * as repo from './programmes.repo.js';
import { prepareTranche } from './tranche.js';

const yuanText = (fen: number) => `${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const wanText = (fen: number) => (fen / 1_000_000).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

const OBLIGATIONS = [
  '承担单位应按本任务书确定的目标、内容和进度组织实施，按期完成考核指标。',
  '市财政资助资金实行专款专用、单独核算，不得截留、挪用；自筹资金应按预算足额到位。',
  '项目实施中确需调整考核指标、预算或延期的，须提出变更申请，经市科委批准后执行。',
  '承担单位应按要求报送中期执行情况报告，接受中期检查、验收、绩效评价和审计监督。',
  '项目验收不通过或因承担单位原因终止的，市科委有权收回已拨付的全部或部分资助资金。',
];

const thin = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const borders: ITableCellBorders = { top: thin, bottom: thin, left: thin, right: thin };
type Align = (typeof AlignmentType)[keyof typeof AlignmentType];
const { LEFT, CENTER, RIGHT } = AlignmentType;
const cell = (text: string, opts: { bold?: boolean; width?: number; align?: Align } = {}) =>
  new TableCell({
    borders,
    width: opts.width ? { size: opts.width, type: WidthType.PERCENTAGE } : undefined,
    margins: { left: mm(1.5), right: mm(1.5), top: mm(0.8), bottom: mm(0.8) },
    children: [new Paragraph({ alignment: opts.align ?? LEFT, children: [new TextRun({ text, bold: opts.bold, size: 21 })] })],
  });
/** A table whose header row repeats on every page and whose rows never split; amounts align right. */
const table = (header: string[], rows: string[][], widths: number[], aligns: Align[]) =>
  new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: header.map((h, i) => cell(h, { bold: true, width: widths[i], align: CENTER })) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((v, i) => cell(v, { width: widths[i], align: aligns[i] })) })),
    ],
  });
/** The project's particulars: a bold label column, no header row. */
const particulars = (rows: [string, string][]) =>
  new Table({
    width: { size: mm(156), type: WidthType.DXA },
    columnWidths: [mm(58), mm(98)],
    layout: TableLayoutType.FIXED,
    rows: rows.map(([label, value]) => new TableRow({ cantSplit: true, children: [cell(label, { bold: true }), cell(value)] })),
  });
/** The two parties side by side, each with its seal place, signature and date. */
const signatures = (enterpriseName: string) => {
  const party = (lines: string[]) =>
    new TableCell({
      borders: NO_BORDERS,
      width: { size: 50, type: WidthType.PERCENTAGE },
      children: lines.map((text, i) => new Paragraph({ spacing: { before: i === 0 ? 0 : 360 }, children: [new TextRun({ text, size: 24 })] })),
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_TABLE_BORDERS,
    rows: [
      new TableRow({
        cantSplit: true,
        children: [
          party(['甲方（委托方）：', '杭州市科学技术委员会', '（盖章）', '代表（签字）：', '        年    月    日']),
          party(['乙方（承担单位）：', enterpriseName, '（盖章）', '法定代表人或授权代表（签字）：', '        年    月    日']),
        ],
      }),
    ],
  });
};
const period = (from: string | null, to: string | null) => (from && to ? `${chineseDate(from)}至${chineseDate(to)}` : '');
const heading = (text: string) => new Paragraph({ keepNext: true, keepLines: true, spacing: { before: 240, after: 120 }, children: [new TextRun({ text, bold: true, size: 28, font: cjkFont('黑体') })] });
const para = (text: string) => new Paragraph({ spacing: { before: 80, after: 80 }, indent: { firstLine: mm(7.4) }, children: [new TextRun({ text, size: 24 })] });

/** The task contract (任务书) of an approved project, as a Word document built from its approved plan. */
export async function contractDocx(opts: { db: Executor; actor: Actor; id: number }): Promise<{ buffer: Buffer; fileName: string }> {
  const c = await casesRepo.findCase(opts.db, opts.id);
  if (!c || c.instrument !== repo.INSTRUMENT) {
    throw notFound('项目');
  }
  assertCaseInScope({ actor: opts.actor, requestId: '', ip: '' }, c, '项目');
  if (hasRole(opts.actor, 'expert')) {
    throw notFound('项目');
  }
  const plan = await getProjectPlan(opts.db, c.id);
  const d = await repo.findDetail(opts.db, c.id);
  if (!plan || !d) {
    throw new AppError('invalid_state', '项目立项后方可生成任务书');
  }
  const split = plan.programme.trancheSplit;
  const amounts = trancheAmounts(plan.approvedAmountFen, split);
  const selfFen = plan.budgetLines.reduce((s, l) => s + l.selfFen, 0);
  const cityFen = plan.budgetLines.reduce((s, l) => s + l.cityFen, 0);
  const doc = new Document({
    styles: { default: { document: { run: { font: cjkFont('仿宋'), language: CJK_LANGUAGE } } } },
    sections: [
      {
        properties: { page: { size: { width: mm(210), height: mm(297) }, margin: { top: mm(25), bottom: mm(25), left: mm(28), right: mm(26) } } },
        footers: { default: pageNumberFooter() },
        children: [
          new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: `任务书编号：${plan.contractNo ?? ''}`, size: 21 })] }),
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 480, after: 240 }, children: [new TextRun({ text: '杭州市科技计划项目任务书', bold: true, size: 44, font: cjkFont('黑体') })] }),
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 360 }, children: [new TextRun({ text: `（${plan.programme.name}）`, size: 28 })] }),
          particulars([
            ['项目名称', plan.title],
            ['承担单位', plan.enterpriseName],
            ['计划类别', plan.programme.name],
            ['实施期限', period(plan.startOn, plan.endOn)],
            ['项目总预算（万元）', wanText(cityFen + selfFen)],
            ['其中：市财政资助（万元）', wanText(plan.approvedAmountFen)],
            ['单位自筹（万元）', wanText(selfFen)],
            ['立项日期', d.approvedOn ? chineseDate(d.approvedOn) : ''],
          ]),
          heading('一、项目目标与主要内容'),
          para(d.plan.objectives),
          para(d.plan.content),
          heading('二、考核指标'),
          table(
            ['序号', '指标', '单位', '目标值'],
            plan.kpis.map((k, i) => [String(i + 1), k.name, k.unit, k.target.toLocaleString('zh-CN')]),
            [10, 50, 15, 25],
            [CENTER, LEFT, CENTER, RIGHT],
          ),
          heading('三、进度安排'),
          table(
            ['序号', '节点', '完成时间'],
            plan.milestones.map((m, i) => [String(i + 1), m.name, chineseDate(m.due)]),
            [10, 65, 25],
            [CENTER, LEFT, CENTER],
          ),
          heading('四、经费预算（元）'),
          table(
            ['科目', '市财政资助', '单位自筹', '合计'],
            [
              ...plan.budgetLines.map((l) => [BUDGET_CATEGORIES[l.category as BudgetCategory] ?? l.category, yuanText(l.cityFen), yuanText(l.selfFen), yuanText(l.cityFen + l.selfFen)]),
              ['合计', yuanText(cityFen), yuanText(selfFen), yuanText(cityFen + selfFen)],
            ],
            [34, 22, 22, 22],
            [LEFT, RIGHT, RIGHT, RIGHT],
          ),
          cityFen !== plan.approvedAmountFen ? para(`经审定，市财政资助核定为 ${yuanText(plan.approvedAmountFen)} 元，承担单位按核定金额调整预算后执行。`) : para('市财政资助按申报预算核定。'),
          heading('五、拨款计划'),
          table(
            ['笔次', '拨付条件', '比例', '金额（元）'],
            amounts.map((a, i) => [`第${i + 1}笔`, trancheLabel(i + 1, split.length), `${split[i]}%`, yuanText(a)]),
            [15, 45, 15, 25],
            [CENTER, LEFT, CENTER, RIGHT],
          ),
          heading('六、双方责任与义务'),
          ...OBLIGATIONS.map((o, i) => para(`${i + 1}. ${o}`)),
          new Paragraph({ spacing: { before: 240, after: 480 }, alignment: AlignmentType.CENTER, children: [new TextRun({ text: '（以下无正文）', size: 24 })] }),
          signatures(plan.enterpriseName),
        ],
      },
    ],
  });
  return { buffer: await Packer.toBuffer(doc), fileName: `任务书-${plan.contractNo ?? c.id}.docx` };
}

/**
 * The officer uploads the signed task contract: it is kept with the case, the project moves to
 * 执行中 and tranche 1 is prepared through the payments kernel — one transaction.
 */
export async function signContract(opts: { db: Db; ctx: RequestContext; id: number; fileName: string; buffer: Buffer }) {
  const actor = actorOf(opts.ctx);
  if (!hasRole(actor, 'city_officer')) {
    throw forbidden('仅市科委业务处室可登记签订的任务书');
  }
  const mimeType = checkFile(opts.fileName, opts.buffer, ['pdf', 'jpg', 'png', 'docx']);
  return opts.db.transaction(async (tx) => {
    const c = await lockCase(tx, opts.ctx, opts.id, repo.INSTRUMENT, '项目');
    if (c.status !== 'approved') {
      throw new AppError('invalid_state', '只有已立项、待签任务书的项目可以登记任务书');
    }
    const file = await casesRepo.insertAttachment(tx, {
      caseId: c.id,
      code: 'signed_contract',
      fileName: opts.fileName,
      mimeType,
      size: opts.buffer.length,
      sha256: createHash('sha256').update(opts.buffer).digest('hex'),
      content: opts.buffer,
      uploadedBy: actor.userId,
    });
    await repo.updateDetail(tx, c.id, { contractSignedOn: businessToday(), contractAttachmentId: file.id });
    const moved = await moveCase(tx, opts.ctx, c, { action: 'sign_contract', comment: `任务书已签订（${opts.fileName}）` });
    const order = await prepareTranche(tx, opts.ctx, c.id, 1);
    await recordAudit(tx, opts.ctx, { action: 'project_case.contract', objectType: 'project_case', objectId: c.id, after: { attachmentId: file.id, trancheOrderId: order.id } });
    return presentApplication(tx, actor, moved);
  });
}

/** The tranche schedule of a project with the payment order of each tranche (when prepared). */
export async function tranches(opts: { db: Executor; actor: Actor; id: number }) {
  const c = await casesRepo.findCase(opts.db, opts.id);
  if (!c || c.instrument !== repo.INSTRUMENT) {
    throw notFound('项目');
  }
  assertCaseInScope({ actor: opts.actor, requestId: '', ip: '' }, c, '项目');
  const plan = await getProjectPlan(opts.db, c.id);
  if (!plan) {
    return { items: [] };
  }
  const orders = await paymentsOfCase(opts.db, c.id);
  const amounts = trancheAmounts(plan.approvedAmountFen, plan.programme.trancheSplit);
  return {
    items: amounts.map((a, i) => {
      const o = orders.find((x) => x.idempotencyKey === `tranche:${c.id}:${i + 1}`);
      return { n: i + 1, percent: plan.programme.trancheSplit[i], amount: a / 100, condition: trancheLabel(i + 1, amounts.length), orderId: o?.id ?? null, status: o?.status ?? null, statusName: o?.statusName ?? null };
    }),
  };
}
