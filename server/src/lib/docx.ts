import { AlignmentType, BorderStyle, Footer, PageBorderDisplay, PageBorderOffsetFrom, PageNumber, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType } from 'docx';

/** Millimetres → twentieths of a point (Word's unit). */
export const mm = (v: number) => Math.round((v / 25.4) * 1440);

/** Chinese text with Latin letters and digits in Times New Roman; `eastAsia` the Chinese face (仿宋, 黑体, 楷体…). */
export const cjkFont = (eastAsia: string) => ({ ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia, cs: 'Times New Roman' });

/** English for Latin text, Simplified Chinese for the rest (LibreOffice then picks the SC faces when falling back). */
export const CJK_LANGUAGE = { value: 'en-US', eastAsia: 'zh-CN' };

/** 'YYYY-MM-DD' as 公文 write it: 2016年3月1日 (no leading zeros). */
export const chineseDate = (d: string) => `${d.slice(0, 4)}年${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`;

/** The 公文 page number, centred at the foot of every page: — 1 —. */
export const pageNumberFooter = () =>
  new Footer({
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: 28, font: cjkFont('宋体') })] })],
  });

/** An A4 portrait certificate page: 30/25 mm margins and a double border of `color` inside them. */
export function certificatePage(color: string) {
  const border = { style: BorderStyle.DOUBLE, size: 18, color, space: 20 };
  return {
    size: { width: mm(210), height: mm(297) },
    margin: { top: mm(30), bottom: mm(25), left: mm(25), right: mm(25) },
    borders: { pageBorderTop: border, pageBorderBottom: border, pageBorderLeft: border, pageBorderRight: border, pageBorders: { display: PageBorderDisplay.ALL_PAGES, offsetFrom: PageBorderOffsetFrom.TEXT } },
  };
}

const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
/** A cell or table without lines. */
export const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE };
export const NO_TABLE_BORDERS = { ...NO_BORDERS, insideHorizontal: NONE, insideVertical: NONE };

export interface LabelValueLayout {
  /** column widths in twips (use mm()) */
  label: number;
  value: number;
  /** space after each line, twips */
  after: number;
  /** gap between the label and the value, twips */
  gap: number;
  /** the value's size in half-points (the document's default when unset) */
  valueSize?: number;
}

/**
 * A certificate's "label：value" lines as a borderless fixed table: the label in bold, spread over its
 * column (统一社会信用代码 never wraps), the value after a full-width colon; a line never splits across pages.
 */
export function labelValueTable(lines: [label: string, value: string][], o: LabelValueLayout): Table {
  return new Table({
    width: { size: o.label + o.value, type: WidthType.DXA },
    columnWidths: [o.label, o.value],
    layout: TableLayoutType.FIXED,
    borders: NO_TABLE_BORDERS,
    rows: lines.map(
      ([label, value]) =>
        new TableRow({
          cantSplit: true,
          children: [
            new TableCell({ width: { size: o.label, type: WidthType.DXA }, borders: NO_BORDERS, children: [new Paragraph({ alignment: AlignmentType.DISTRIBUTE, spacing: { after: o.after }, children: [new TextRun({ text: label, bold: true })] })] }),
            new TableCell({ width: { size: o.value, type: WidthType.DXA }, borders: NO_BORDERS, margins: { left: o.gap }, children: [new Paragraph({ spacing: { after: o.after }, children: [new TextRun({ text: `：${value}`, size: o.valueSize })] })] }),
          ],
        }),
    ),
  });
}
