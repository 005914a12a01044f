import {
  AlignmentType,
  Document,
  FootnoteReferenceRun,
  HeadingLevel,
  LineRuleType,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import { pageNumberFooter } from '../../lib/docx.js';
import type { AnnualSummary, Segment } from './annual.compose.js';

const APPENDIX_HEADERS = ['序号', '指标', '期间', '数值', '上年数值', '来源', '口径与说明'];

/** Markdown with one footnote ([^n]) per reference and the appendix table of every figure. */
export function renderMarkdown(s: AnnualSummary): string {
  const seg = (x: Segment) => (typeof x === 'string' ? x : `[^${x.ref}]`);
  const cell = (t: string) => t.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const lines = [`# ${s.title}`, '', `> ${s.byline}。${s.remark}`, ''];
  for (const b of s.blocks) {
    if (b.kind === 'heading') {
      lines.push(`${b.level === 1 ? '##' : '###'} ${b.text}`, '');
    } else {
      lines.push(`${b.lead ? `**${b.lead}**` : ''}${b.segments.map(seg).join('')}`, '');
    }
  }
  lines.push('## 附表：数据说明', '', `| ${APPENDIX_HEADERS.join(' | ')} |`, `|${APPENDIX_HEADERS.map(() => '---').join('|')}|`);
  for (const r of s.appendix) {
    lines.push(`| ${r.n} | ${cell(r.name)}（\`${r.code}\`） | ${cell(r.period)} | ${cell(r.value)} | ${cell(r.previous)} | ${cell(r.source)} | ${cell(r.definition)} |`);
  }
  lines.push('');
  for (const n of s.notes) {
    lines.push(`[^${n.n}]: ${n.text}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Fonts of the 公文 (GB/T 9704): 仿宋 body, 黑体 first-level and 楷体 second-level headings,
 * 小标宋 title, Times New Roman for Latin letters and digits. Word and WPS have these on Chinese
 * Windows; elsewhere the reader substitutes (LibreOffice on Linux: Noto Serif/Sans CJK SC).
 */
const font = (eastAsia: string) => ({ ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia, cs: 'Times New Roman' });
const BODY = font('仿宋');
const H1 = font('黑体');
const H2 = font('楷体');
const TITLE = font('方正小标宋简体');
const SIZE = 32; // 三号 (16 pt), in half points
const LINE = { line: 560, lineRule: LineRuleType.EXACT }; // 28 pt: 22 lines on a page
const mm = (v: number) => Math.round((v / 25.4) * 1440);
const A4 = { width: mm(210), height: mm(297) };

/** The title on two lines, broken before 和 (…工作总结 / 和…工作思路), never inside a number. */
const titleLines = (title: string) => {
  const i = title.indexOf('和', title.indexOf('工作总结'));
  return i > 0 ? [new TextRun(title.slice(0, i)), new TextRun({ text: title.slice(i), break: 1 })] : [new TextRun(title)];
};


/**
 * The same document for Word and WPS: A4 portrait with 公文 margins, title, 一、（一）1. hierarchy
 * (Heading 1 and 2 styles, so the navigation pane shows the outline), one footnote per reference,
 * "— n —" page numbers, then the appendix as a landscape section with a repeated header row.
 */
export async function renderDocx(s: AnnualSummary): Promise<Buffer> {
  const runs = (p: Segment[]) => p.filter((x) => x !== '').map((x) => (typeof x === 'string' ? new TextRun(x) : new FootnoteReferenceRun(x.ref)));
  const body = s.blocks.map((b) =>
    b.kind === 'heading'
      ? new Paragraph({ heading: b.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2, children: [new TextRun(b.text)] })
      : new Paragraph({ indent: { firstLine: SIZE * 20 }, alignment: AlignmentType.JUSTIFIED, children: [...(b.lead ? [new TextRun({ text: b.lead, bold: true })] : []), ...runs(b.segments)] }),
  );

  // Landscape A4 minus 20 mm margins: 257 mm of table.
  const widths = [10, 48, 30, 26, 40, 45, 58].map(mm);
  const cell = (text: string, opts: { bold?: boolean; width: number; center?: boolean }) =>
    new TableCell({
      width: { size: opts.width, type: WidthType.DXA },
      verticalAlign: VerticalAlign.CENTER,
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      children: [new Paragraph({ alignment: opts.center ? AlignmentType.CENTER : AlignmentType.LEFT, spacing: { line: 280, lineRule: LineRuleType.AUTO }, children: [new TextRun({ text, bold: opts.bold, size: 20, font: opts.bold ? H1 : BODY })] })],
    });
  const table = new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: APPENDIX_HEADERS.map((h, i) => cell(h, { bold: true, width: widths[i], center: true })) }),
      ...s.appendix.map(
        (r) =>
          new TableRow({
            cantSplit: true,
            children: [String(r.n), r.name, r.period, r.value, r.previous, r.source, r.definition].map((t, i) =>
              i === 1
                ? new TableCell({
                    width: { size: widths[i], type: WidthType.DXA },
                    verticalAlign: VerticalAlign.CENTER,
                    margins: { top: 40, bottom: 40, left: 80, right: 80 },
                    children: [
                      new Paragraph({ spacing: { line: 280, lineRule: LineRuleType.AUTO }, children: [new TextRun({ text: r.name, size: 20, font: BODY })] }),
                      new Paragraph({ spacing: { line: 240, lineRule: LineRuleType.AUTO }, children: [new TextRun({ text: r.code, size: 16, color: '666666', font: BODY })] }),
                    ],
                  })
                : cell(t, { width: widths[i], center: i === 0 || i === 3 }),
            ),
          }),
      ),
    ],
  });

  const doc = new Document({
    creator: '科创平台',
    title: s.title,
    styles: {
      default: {
        document: { run: { font: BODY, size: SIZE, language: { value: 'en-US', eastAsia: 'zh-CN' } }, paragraph: { spacing: LINE } },
        heading1: { run: { font: H1, size: SIZE, bold: false, color: '000000' }, paragraph: { spacing: LINE, indent: { firstLine: SIZE * 20 }, keepNext: true } },
        heading2: { run: { font: H2, size: SIZE, bold: true, color: '000000' }, paragraph: { spacing: LINE, indent: { firstLine: SIZE * 20 }, keepNext: true } },
        title: { run: { font: TITLE, size: 44, bold: false, color: '000000' }, paragraph: { alignment: AlignmentType.CENTER, spacing: { line: 700, lineRule: LineRuleType.EXACT, after: 200 } } },
      },
    },
    footnotes: Object.fromEntries(s.notes.map((n) => [String(n.n), { children: [new Paragraph({ spacing: { line: 260, lineRule: LineRuleType.AUTO }, children: [new TextRun({ text: n.text, size: 18, font: BODY })] })] }])),
    sections: [
      {
        properties: { page: { size: A4, margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26), footer: mm(22) } } },
        footers: { default: pageNumberFooter() },
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: titleLines(s.title) }),
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [new TextRun({ text: s.byline, size: 24, font: font('楷体') })] }),
          ...body,
        ],
      },
      {
        properties: { page: { size: { ...A4, orientation: PageOrientation.LANDSCAPE }, margin: { top: mm(20), bottom: mm(20), left: mm(20), right: mm(20), footer: mm(10) } } },
        footers: { default: pageNumberFooter() },
        children: [
          new Paragraph({ heading: HeadingLevel.HEADING_1, indent: { firstLine: 0 }, children: [new TextRun('附表：数据说明')] }),
          new Paragraph({ spacing: { line: 360, lineRule: LineRuleType.AUTO, after: 120 }, children: [new TextRun({ text: s.remark, size: 21, font: BODY })] }),
          table,
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
