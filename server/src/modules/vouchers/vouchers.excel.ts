import { writeXlsxBuffer, writeXlsxStream, type XlsxColumn } from '../../lib/xlsx.js';
import type { settlementLines } from './claims.service.js';
import { CATEGORY_NAMES } from './vouchers.schema.js';

export const ISSUE_HEADERS = ['持有人编号', '统一社会信用代码', '发放金额（元）'] as const;

/** The issuance list template: the holder number and credit code as text, the amount in yuan with a thousands format. */
export async function issuanceTemplate(): Promise<Buffer> {
  return writeXlsxBuffer<{ holder: string; uscc: string; amount: number }>({
    sheet: '发放名单',
    columns: [
      { header: ISSUE_HEADERS[0], kind: 'text', width: 14, note: '持有人编号与统一社会信用代码填一项即可', value: (r) => r.holder },
      { header: ISSUE_HEADERS[1], kind: 'text', width: 24, note: '18位，本列为文本格式（粘贴时请选“只粘贴值”）', value: (r) => r.uscc },
      { header: ISSUE_HEADERS[2], kind: 'money', width: 18, required: true, note: '单位：元，最多两位小数', value: (r) => r.amount },
    ],
    rows: [{ holder: '', uscc: '91330106MA27XXXXXX', amount: 50000 }],
    help: ['第一行为表头，请勿修改；示例行请删除后再导入。', '每行填持有人编号或统一社会信用代码（企业须已登记为创新券持有人）和发放金额（元）。', '整个名单校验通过才会发放，任何一行有误则全部不发放，并列出错误所在的行和列。', '只接受 .xlsx 文件：旧版 .xls 或 CSV 请先用 Excel/WPS“另存为 → Excel 工作簿（*.xlsx）”。'],
  });
}

const MODE_NAMES = { tongdui: '通兑', tongyong: '通用' } as const;

type Settlement = Awaited<ReturnType<typeof settlementLines>>['settlement'];
type Line = Awaited<ReturnType<typeof settlementLines>>['lines'][number];

const SETTLEMENT_COLUMNS = (settlement: Settlement): XlsxColumn<Line>[] => [
  { header: '批次号', kind: 'text', width: 8, value: () => String(settlement.id) },
  { header: '兑付申请号', kind: 'text', width: 10, value: (l) => String(l.id) },
  { header: '兑付方式', width: 10, value: (l) => MODE_NAMES[l.mode] },
  { header: '收款方', width: 32, value: (l) => l.payee },
  { header: '持有人', width: 32, value: (l) => l.holderName },
  { header: '服务机构', width: 32, value: (l) => l.providerName },
  { header: '服务类别', width: 14, value: (l) => CATEGORY_NAMES[l.serviceCategory as keyof typeof CATEGORY_NAMES] ?? l.serviceCategory },
  { header: '服务名称', width: 28, value: (l) => l.serviceName },
  { header: '合同编号', kind: 'text', width: 20, value: (l) => l.contractNo },
  { header: '金额', kind: 'money', width: 16, total: true, value: (l) => l.amount },
  { header: '审核日期', kind: 'date', width: 12, value: (l) => l.decidedOn },
];

/** A settlement batch's payment list: codes as text, the amounts in yuan with their total, real dates. */
export const settlementWorkbook = (settlement: Settlement, lines: Line[]) =>
  writeXlsxStream('付款清单', SETTLEMENT_COLUMNS(settlement), lines, { title: `创新券结算批次 ${settlement.id} 付款清单（${settlement.providerName}）` });
