import { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType } from 'docx';
import { AppError } from '../../http/errors.js';
import { certificatePage, chineseDate, CJK_LANGUAGE, mm } from '../../lib/docx.js';

/** What the registration certificate shows: a registered technology contract (the API's registration). */
export interface RegisteredContract {
  status: 'submitted' | 'returned' | 'registered';
  registrationNo: string | null;
  contractTitle: string;
  contractTypeName: string;
  sellerName: string;
  buyerName: string;
  signedOn: string;
  amount: number;
  nonTechnical: number;
  technicalIncome: number | null;
  registeredOn: string | null;
  districtName: string;
  domain: string;
}

/** The body that registers technology contracts in the city (认定登记), as it signs the certificate. */
export const REGISTRATION_AUTHORITY = '杭州市科学技术委员会';

const FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋' };
const TITLE_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体' };
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const LINE = { style: BorderStyle.SINGLE, size: 4, color: '808080' };
/** 1234567.8 → 1,234,567.80元 */
export const yuan = (v: number) => `${v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}元`;

/**
 * 技术合同登记证明 in Word: the registration number, the contract, the parties, the amounts
 * (成交额, non-technical costs, the technical income the registrar set, on which the tax relief
 * rests), the registration date, the registering body with the seal's place, on A4 with a border.
 * Only a registered contract has one: 409 before.
 */
export async function renderRegistrationCertificate(r: RegisteredContract): Promise<Buffer> {
  if (r.status !== 'registered' || !r.registrationNo || !r.registeredOn) {
    throw new AppError('invalid_state', '该合同尚未认定登记，没有登记证明');
  }
  const LABEL = mm(42);
  const VALUE = mm(118);
  const row = (label: string, value: string) =>
    new TableRow({
      cantSplit: true,
      children: [
        new TableCell({ width: { size: LABEL, type: WidthType.DXA }, borders: { top: LINE, bottom: LINE, left: LINE, right: LINE }, margins: { left: mm(2), right: mm(2), top: 60, bottom: 60 }, children: [new Paragraph({ alignment: AlignmentType.DISTRIBUTE, children: [new TextRun({ text: label, bold: true })] })] }),
        new TableCell({ width: { size: VALUE, type: WidthType.DXA }, borders: { top: LINE, bottom: LINE, left: LINE, right: LINE }, margins: { left: mm(3), right: mm(2), top: 60, bottom: 60 }, children: [new Paragraph({ children: [new TextRun({ text: value, size: 24 })] })] }),
      ],
    });
  const doc = new Document({
    creator: REGISTRATION_AUTHORITY,
    title: `技术合同登记证明 ${r.registrationNo}`,
    styles: { default: { document: { run: { font: FONT, size: 28, language: CJK_LANGUAGE } } } },
    sections: [
      {
        properties: {
          page: certificatePage('1F4E79'),
        },
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 600, after: 240 }, children: [new TextRun({ text: '技术合同登记证明', bold: true, size: 48, font: TITLE_FONT })] }),
          new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { after: 240 }, children: [new TextRun({ text: `登记编号：${r.registrationNo}`, size: 24 })] }),
          new Table({
            width: { size: LABEL + VALUE, type: WidthType.DXA },
            columnWidths: [LABEL, VALUE],
            layout: TableLayoutType.FIXED,
            rows: [
              row('合同名称', r.contractTitle),
              row('合同类型', r.contractTypeName),
              row('技术领域', r.domain),
              row('卖方', `${r.sellerName}（技术输出方）`),
              row('买方', `${r.buyerName}（技术吸纳方）`),
              row('所在区县', r.districtName),
              row('签订日期', chineseDate(r.signedOn)),
              row('合同成交额', yuan(r.amount)),
              row('非技术性费用', yuan(r.nonTechnical)),
              row('核定技术交易额', yuan(r.technicalIncome ?? r.amount - r.nonTechnical)),
              row('登记日期', chineseDate(r.registeredOn)),
            ],
          }),
          new Paragraph({
            spacing: { before: 360, line: 400 },
            indent: { firstLine: 560 },
            children: [new TextRun({ text: '上述技术合同经审查，符合《技术合同认定规则》，准予登记。本证明不是对合同效力的确认。', size: 24 })],
          }),
          new Table({
            width: { size: mm(80), type: WidthType.DXA },
            columnWidths: [mm(80)],
            alignment: AlignmentType.RIGHT,
            borders: { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE },
            rows: [
              new TableRow({
                cantSplit: true,
                children: [
                  new TableCell({
                    width: { size: mm(80), type: WidthType.DXA },
                    borders: { top: NONE, bottom: NONE, left: NONE, right: NONE },
                    children: [
                      new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 720 }, children: [new TextRun({ text: '（盖章处）', color: 'A0A0A0', size: 20 })] }),
                      new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 120 }, children: [new TextRun({ text: `登记机构：${REGISTRATION_AUTHORITY}`, bold: true })] }),
                      new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun(chineseDate(r.registeredOn))] }),
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
