import { AlignmentType, Document, FootnoteReferenceRun, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { AnnualSummary, Reference, Segment } from './annual.compose.js';

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
const heading = (i: number, text: string) => `（${NUMERALS[i] ?? i + 1}）${text}`;
const previousText = (r: Reference) => (r.previous ? `${r.year - 1}年：${r.previous.value}（来源：${r.previous.source}）` : '');
const referenceText = (r: Reference) => `${r.code}（${r.name}，${r.year}年：${r.value}）。口径：${r.definition} 来源：${r.source}。${r.previous ? `增长率按${previousText(r)}计算。` : ''}`;

/** Markdown with footnotes ([^n]) and an appendix table of every figure's indicator, definition and source. */
export function renderMarkdown(s: AnnualSummary): string {
  const seg = (x: Segment) => (typeof x === 'string' ? x : `[^${x.ref}]`);
  const cell = (t: string) => t.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const lines = [`# ${s.title}`, '', `> ${s.intro}`, ''];
  s.sections.forEach((sec, i) => {
    lines.push(`## ${heading(i, sec.heading)}`, '');
    for (const p of sec.paragraphs) {
      lines.push(p.map(seg).join(''), '');
    }
  });
  lines.push('## 附表：数据说明', '', '| 序号 | 指标代码 | 指标 | 年度 | 数值 | 口径 | 来源 | 上年（增长率基数） |', '|---|---|---|---|---|---|---|---|');
  for (const r of s.references) {
    lines.push(`| ${r.n} | \`${r.code}\` | ${cell(r.name)} | ${r.year} | ${cell(r.value)} | ${cell(r.definition)} | ${cell(r.source)} | ${cell(previousText(r))} |`);
  }
  lines.push('');
  for (const r of s.references) {
    lines.push(`[^${r.n}]: ${referenceText(r)}`);
  }
  return `${lines.join('\n')}\n`;
}

const FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋' };

/** The same summary as a Word document: real footnotes on every figure, and the appendix table. */
export async function renderDocx(s: AnnualSummary): Promise<Buffer> {
  const runs = (p: Segment[]) => p.map((x) => (typeof x === 'string' ? new TextRun(x) : new FootnoteReferenceRun(x.ref)));
  const cell = (text: string, bold = false) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold, size: 18 })] })] });
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: ['序号', '指标代码', '指标', '年度', '数值', '口径', '来源', '上年（增长率基数）'].map((h) => cell(h, true)) }),
      ...s.references.map((r) => new TableRow({ children: [String(r.n), r.code, r.name, String(r.year), r.value, r.definition, r.source, previousText(r)].map((t) => cell(t)) })),
    ],
  });
  const doc = new Document({
    creator: '科创平台',
    title: s.title,
    styles: { default: { document: { run: { font: FONT, size: 28 } } } },
    footnotes: Object.fromEntries(s.references.map((r) => [String(r.n), { children: [new Paragraph({ children: [new TextRun({ text: referenceText(r), size: 18 })] })] }])),
    sections: [
      {
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun(s.title)] }),
          new Paragraph({ children: [new TextRun({ text: s.intro, italics: true, size: 21 })] }),
          ...s.sections.flatMap((sec, i) => [
            new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(heading(i, sec.heading))] }),
            ...sec.paragraphs.map((p) => new Paragraph({ indent: { firstLine: 560 }, children: runs(p) })),
          ]),
          new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('附表：数据说明')] }),
          table,
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
