import { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { RecognitionType } from '../../db/schema/index.js';

/** The certificate's title per type (the bureau's own certificates carry the city's name). */
export const CERTIFICATE_TITLES: Record<RecognitionType, string> = {
  hnte: '高新技术企业证书',
  tase: '技术先进型服务企业证书',
  municipal_hte: '杭州市高新技术企业证书',
  tech_sme: '科技型中小企业证书',
  eagle: '杭州市雏鹰计划企业证书',
  qinglan: '杭州市青蓝计划企业证书',
  rd_center_provincial: '省级高新技术企业研发中心证书',
  rd_center_municipal: '杭州市高新技术企业研发中心证书',
  research_institute_provincial: '省企业研究院证书',
  research_institute_provincial_key: '省重点企业研究院证书',
  agri_enterprise: '杭州市农业科技企业证书',
  agri_social_rd_center: '杭州市农业和社会发展企业研发中心证书',
  leading_team: '杭州市领军型创新创业团队证书',
};

export const ISSUING_AUTHORITY = '杭州市科学技术委员会';

export interface CertificateData {
  type: RecognitionType;
  typeName: string;
  enterpriseName: string;
  uscc: string;
  certificateNo: string;
  issuedOn: string;
  validUntil: string | null;
  revocation: { effectiveOn: string; reason: string } | null;
}

/** 2016-12-01 → 2016年12月01日 */
export const chineseDate = (d: string) => `${d.slice(0, 4)}年${d.slice(5, 7)}月${d.slice(8, 10)}日`;

export function validityText(c: Pick<CertificateData, 'issuedOn' | 'validUntil'>): string {
  return c.validUntil ? `${chineseDate(c.issuedOn)}至${chineseDate(c.validUntil)}` : `自${chineseDate(c.issuedOn)}起长期有效（实行动态管理，撤销前有效）`;
}

const FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '仿宋' };
const TITLE_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体' };
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

/**
 * The Word certificate: title, holder, credit code, certificate number, issue date, validity and
 * the issuing authority; a revoked certificate stays downloadable but carries 已撤销 with the date
 * and reason, in red, above everything else.
 */
export async function renderCertificate(c: CertificateData): Promise<Buffer> {
  const line = (label: string, value: string) =>
    new TableRow({
      children: [
        new TableCell({ width: { size: 28, type: WidthType.PERCENTAGE }, borders: { top: NONE, bottom: NONE, left: NONE, right: NONE }, children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: `${label}：`, bold: true })] })] }),
        new TableCell({ width: { size: 72, type: WidthType.PERCENTAGE }, borders: { top: NONE, bottom: NONE, left: NONE, right: NONE }, children: [new Paragraph({ children: [new TextRun(value)] })] }),
      ],
    });
  const revoked = c.revocation
    ? [
        new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 120 }, children: [new TextRun({ text: '已撤销', bold: true, color: 'C00000', size: 56, font: TITLE_FONT })] }),
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { after: 240 },
          children: [new TextRun({ text: `本证书自${chineseDate(c.revocation.effectiveOn)}起撤销，不再有效。撤销原因：${c.revocation.reason}`, color: 'C00000', size: 24 })],
        }),
      ]
    : [];
  const doc = new Document({
    creator: ISSUING_AUTHORITY,
    title: `${CERTIFICATE_TITLES[c.type]} ${c.certificateNo}`,
    styles: { default: { document: { run: { font: FONT, size: 30 } } } },
    sections: [
      {
        properties: { page: { margin: { top: 1440, bottom: 1440, left: 1440, right: 1440 } } },
        children: [
          ...revoked,
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 480, after: 480 }, children: [new TextRun({ text: CERTIFICATE_TITLES[c.type], bold: true, size: 52, font: TITLE_FONT })] }),
          new Paragraph({
            indent: { firstLine: 600 },
            spacing: { after: 360, line: 480 },
            children: [new TextRun(`${c.enterpriseName}：经审核，你单位被认定为${c.typeName}，特发此证。`)],
          }),
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            borders: { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE },
            rows: [
              line('企业名称', c.enterpriseName),
              line('统一社会信用代码', c.uscc),
              line('证书编号', c.certificateNo),
              line('发证日期', chineseDate(c.issuedOn)),
              line('有效期', validityText(c)),
              ...(c.revocation ? [line('证书状态', `已撤销（${chineseDate(c.revocation.effectiveOn)}起）`)] : []),
            ],
          }),
          new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { before: 960 }, children: [new TextRun({ text: `发证机关：${ISSUING_AUTHORITY}`, bold: true })] }),
          new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun(chineseDate(c.issuedOn))] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
