import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType } from 'docx';
import type { AwardCompleter } from '../../db/schema/index.js';
import { AppError } from '../../http/errors.js';
import { certificatePage, chineseDate, cjkFont, CJK_LANGUAGE, labelValueTable, mm, NO_BORDERS, NO_TABLE_BORDERS } from '../../lib/docx.js';

/** The city's S&T progress award is conferred by the city government (the bureau runs the selection). */
export const AWARD_AUTHORITY = '杭州市人民政府';

export interface AwardCertificateData {
  projectTitle: string;
  gradeName: string;
  /** the completing unit (the nominee) first, then the other completers' units */
  units: string[];
  completers: AwardCompleter[];
  certificateNo: string | null;
  awardedOn: string | null;
  year: number;
}

const RED = 'C00000';

/** The units of a nomination: the completing unit, then each completer's unit once. */
export const awardUnits = (first: string, completers: AwardCompleter[]) => [...new Set([first, ...completers.map((c) => c.unit.trim()).filter(Boolean)])];

/**
 * 杭州市科学技术进步奖证书 in Word, on the same A4 bordered page as the recognition certificates
 * (lib/docx.ts): the award and grade, the project, the units and main completers, the certificate
 * number and award date in a fixed-width table, the conferring authority with the seal's place.
 * Only an awarded nomination has one (409 before).
 */
export async function renderAwardCertificate(a: AwardCertificateData): Promise<Buffer> {
  if (!a.certificateNo || !a.awardedOn) {
    throw new AppError('invalid_state', '该提名尚未授奖，没有获奖证书');
  }
  const doc = new Document({
    creator: AWARD_AUTHORITY,
    title: `杭州市科学技术进步奖证书 ${a.certificateNo}`,
    styles: { default: { document: { run: { font: cjkFont('仿宋'), size: 30, language: CJK_LANGUAGE } } } },
    sections: [
      {
        properties: { page: certificatePage(RED) },
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 720, after: 120 }, children: [new TextRun({ text: '杭州市科学技术进步奖', bold: true, size: 60, color: RED, font: cjkFont('黑体') })] }),
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 600 }, children: [new TextRun({ text: '证　　书', bold: true, size: 52, font: cjkFont('黑体') })] }),
          new Paragraph({
            indent: { firstLine: 600 },
            alignment: AlignmentType.JUSTIFIED,
            spacing: { after: 360, line: 480 },
            children: [new TextRun(`为表彰在推动科学技术进步、促进经济社会发展中作出突出贡献的单位和个人，特颁发${a.year}年度杭州市科学技术进步奖${a.gradeName}，以资鼓励。`)],
          }),
          labelValueTable(
            [
              ['项目名称', a.projectTitle],
              ['奖励等级', a.gradeName],
              ['获奖单位', a.units.join('、')],
              ['主要完成人', a.completers.map((c) => c.name).join('、') || '—'],
              ['证书编号', a.certificateNo],
              ['授奖日期', chineseDate(a.awardedOn)],
            ],
            { label: mm(36), value: mm(124), after: 160, gap: mm(4) },
          ),
          // a paragraph between the two tables (adjacent tables merge into one in Word and LibreOffice)
          new Paragraph({ spacing: { before: 240 }, children: [] }),
          new Table({
            width: { size: mm(80), type: WidthType.DXA },
            columnWidths: [mm(80)],
            alignment: AlignmentType.RIGHT,
            layout: TableLayoutType.FIXED,
            borders: NO_TABLE_BORDERS,
            rows: [
              new TableRow({
                cantSplit: true,
                children: [
                  new TableCell({
                    width: { size: mm(80), type: WidthType.DXA },
                    borders: NO_BORDERS,
                    children: [
                      new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 480 }, children: [new TextRun({ text: '（盖章处）', color: 'A0A0A0', size: 20 })] }),
                      new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 120 }, children: [new TextRun({ text: AWARD_AUTHORITY, bold: true })] }),
                      new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 120 }, children: [new TextRun(chineseDate(a.awardedOn))] }),
                    ],
                  }),
                ],
              }),
            ],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
