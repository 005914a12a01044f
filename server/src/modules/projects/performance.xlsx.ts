import { writeXlsxSheets, type XlsxColumn } from '../../lib/xlsx.js';
import type { evaluate, ProjectScore } from './performance.js';

type Evaluation = Awaited<ReturnType<typeof evaluate>>;
type ProgrammeScore = Evaluation['programmes'][number];

const percent = (x: number | null) => (x === null ? null : x / 100);

const PROJECT_COLUMNS: XlsxColumn<ProjectScore>[] = [
  { header: '项目编号', kind: 'number', width: 10, value: (p) => p.id },
  { header: '项目名称', width: 40, value: (p) => p.title },
  { header: '承担单位', width: 32, value: (p) => p.enterpriseName },
  { header: '计划类别', width: 20, value: (p) => p.programmeName },
  { header: '立项年度', kind: 'number', width: 10, value: (p) => p.year },
  { header: '项目状态', width: 12, value: (p) => p.statusName },
  { header: '立项金额', kind: 'money', width: 16, total: true, value: (p) => p.approved },
  { header: '已拨付', kind: 'money', width: 16, total: true, value: (p) => p.paid },
  { header: '已支出', kind: 'money', width: 16, total: true, value: (p) => p.spent },
  { header: '数据来源', width: 10, value: (p) => p.source ?? '未报告' },
  { header: '考核指标完成度', kind: 'percent', width: 16, value: (p) => percent(p.kpiAttainment) },
  { header: '经费执行率', kind: 'percent', width: 12, value: (p) => percent(p.spendRate) },
  { header: '得分', kind: 'number', width: 8, value: (p) => p.score },
  { header: '等级', width: 8, value: (p) => p.grade },
];

const PROGRAMME_COLUMNS: XlsxColumn<ProgrammeScore>[] = [
  { header: '计划类别', width: 28, value: (p) => p.name },
  { header: '项目数', kind: 'integer', width: 10, total: true, value: (p) => p.projects },
  { header: '已报告项目数', kind: 'integer', width: 14, total: true, value: (p) => p.reported },
  { header: '立项金额', kind: 'money', width: 18, total: true, value: (p) => p.approved },
  { header: '已拨付', kind: 'money', width: 18, total: true, value: (p) => p.paid },
  { header: '已报告项目支出', kind: 'money', width: 18, total: true, value: (p) => p.spent },
  { header: '计划得分', kind: 'number', width: 10, value: (p) => p.score },
  { header: '等级', width: 8, value: (p) => p.grade },
];

/** 绩效评价 as a workbook: the projects, the programmes, and how the scores are computed. */
export function performanceWorkbook(r: Evaluation): Promise<Buffer> {
  const title = `${r.year ? `${r.year}年度立项` : '全部'}科技计划项目绩效评价`;
  return writeXlsxSheets<[ProjectScore, ProgrammeScore]>(
    [
      { sheet: '项目得分', title: `${title}（项目）`, columns: PROJECT_COLUMNS, rows: r.projects },
      { sheet: '计划得分', title: `${title}（计划）`, columns: PROGRAMME_COLUMNS, rows: r.programmes },
    ],
    {
      sheet: '评价方法',
      lines: [
        title,
        r.formula,
        '考核指标完成度：各考核指标“实际值 ÷ 目标值”（超过 1 按 1 计）的平均数；实际值取验收报告，未验收的取中期报告。',
        '经费执行率：报告的已支出 ÷ 立项金额（超过 1 按 1 计）。',
        '等级：90 分及以上为优秀，80 分及以上为良好，60 分及以上为合格，其余为不合格；未报告的项目不计入计划得分。',
        '金额单位：元。',
      ],
    },
  );
}
