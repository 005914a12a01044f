import { monitorEventLoopDelay } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { writeXlsxBuffer } from './xlsx.js';
import { readXlsxRows } from './xlsx.stream.js';

async function chineseWorkbook(rows: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('企业名单');
  ws.addRow(['企业名称', '所属区县']);
  for (let i = 0; i < rows; i++) {
    ws.addRow([`杭州流式读取测试科技${i}号有限公司`, `西湖区${i}`]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const collect = async (buffer: Buffer, onProgress?: (f: number) => void) => {
  const out: { n: number; cells: ExcelJS.CellValue[] }[] = [];
  for await (const row of readXlsxRows(buffer, { onProgress })) {
    out.push(row);
  }
  return out;
};

describe('the streaming .xlsx reader', () => {
  it('when 20,000 rows of Chinese text are read, then every character survives the chunk boundaries (no U+FFFD)', async () => {
    const rows = await collect(await chineseWorkbook(20_000));
    expect(rows).toHaveLength(20_001);
    const garbled = rows.slice(1).filter((r, i) => r.cells[0] !== `杭州流式读取测试科技${i}号有限公司` || r.cells[1] !== `西湖区${i}`);
    expect(garbled).toEqual([]);
  });

  it('when the platform template is read, then text stays text, dates are dates, money a number; only the first sheet is read', async () => {
    const buffer = await writeXlsxBuffer<{ code: string; on: string; yuan: number }>({
      sheet: '名单',
      columns: [
        { header: '代码', value: (r) => r.code },
        { header: '日期', kind: 'date', value: (r) => r.on },
        { header: '金额', kind: 'money', value: (r) => r.yuan },
      ],
      rows: [{ code: '913301060000000001', on: '2015-06-01', yuan: 1234.5 }],
      help: ['说明'],
    });
    const rows = await collect(buffer);
    expect(rows.map((r) => r.n)).toEqual([1, 2]);
    expect(rows[0].cells).toEqual(['代码', '日期', '金额（元）']);
    expect(rows[1].cells).toEqual(['913301060000000001', new Date('2015-06-01T00:00:00Z'), 1234.5]);
  });

  it('when cells hold rich text, formulas, booleans, custom date formats and entities, then they come as exceljs gave them', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('名单');
    ws.addRow(['富文本', '公式', '布尔', '日期', '符号']);
    ws.addRow([{ richText: [{ text: '杭州' }, { font: { bold: true }, text: '科技' }] }, { formula: 'A1&"x"', result: '富文本x' }, true, new Date('2015-06-01T00:00:00Z'), 'A&B <c> "d"']);
    ws.getCell('D2').numFmt = 'yyyy"年"m"月"d"日"';
    ws.addRow([]);
    ws.getCell('E4').value = 7;
    const rows = await collect(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(rows.map((r) => r.n)).toEqual([1, 2, 4]);
    expect(rows[1].cells).toEqual(['杭州科技', { formula: 'A1&"x"', result: '富文本x' }, true, new Date('2015-06-01T00:00:00Z'), 'A&B <c> "d"']);
    expect(rows[2].cells[4]).toBe(7);
    expect(rows[2].cells.slice(0, 4).every((c) => c === undefined)).toBe(true);
  });

  it('when a big file is read, then progress rises to 1 and the event loop gets a turn every few hundred rows', async () => {
    const buffer = await chineseWorkbook(30_000);
    const seen: number[] = [];
    const stalls = monitorEventLoopDelay({ resolution: 10 });
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    stalls.enable();
    await collect(buffer, (f) => seen.push(f));
    stalls.disable();
    clearInterval(timer);
    expect(seen.at(-1)).toBe(1);
    expect(seen.every((f, i) => i === 0 || f >= seen[i - 1])).toBe(true);
    // Timers ran while the file was read: the reader yields between batches of rows.
    expect(ticks).toBeGreaterThan(10);
  });

  it('when an entry of the file is corrupt, then a Chinese 4xx error at once (the reader would otherwise wait forever)', async () => {
    const buffer = Buffer.from(await chineseWorkbook(3000));
    const sheet = buffer.indexOf(Buffer.from('xl/worksheets/sheet1.xml'));
    buffer.fill(0x5a, sheet + 40, sheet + 4000);
    await expect(collect(buffer)).rejects.toMatchObject({ code: 'import_invalid', message: expect.stringContaining('损坏') });
  });
});
