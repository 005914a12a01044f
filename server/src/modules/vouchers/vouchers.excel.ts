import { writeXlsxBuffer } from '../../lib/xlsx.js';

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
