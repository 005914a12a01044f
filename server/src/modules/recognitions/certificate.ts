import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType } from 'docx';
import type { RecognitionType } from '../../db/schema/index.js';
import { certificatePage, CJK_LANGUAGE, labelValueTable, mm, NO_BORDERS, NO_TABLE_BORDERS } from '../../lib/docx.js';

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

const CITY = '杭州市科学技术委员会';
const PROVINCE = '浙江省科学技术厅';
/** The provincial tax bureaus merged on 2018-06-15 (国税地税征管体制改革): before, two bureaus signed. */
const TAX_MERGED_ON = '2018-06-15';
const taxBureaus = (issuedOn: string) => (issuedOn < TAX_MERGED_ON ? ['浙江省国家税务局', '浙江省地方税务局'] : ['国家税务总局浙江省税务局']);

/**
 * Who issues the certificate (发证机关), by type and issue date: the national high-tech enterprise
 * by the province's science department, finance department and tax bureau(s) together; the
 * technology-advanced service enterprise also with the commerce department and the development
 * and reform commission; the provincial types by the province's science department; the city's
 * own types by the city's science and technology commission.
 */
export function issuingAuthorities(type: RecognitionType, issuedOn: string): string[] {
  switch (type) {
    case 'hnte':
      return [PROVINCE, '浙江省财政厅', ...taxBureaus(issuedOn)];
    case 'tase':
      return [PROVINCE, '浙江省商务厅', '浙江省财政厅', ...taxBureaus(issuedOn), '浙江省发展和改革委员会'];
    case 'tech_sme':
    case 'rd_center_provincial':
    case 'research_institute_provincial':
    case 'research_institute_provincial_key':
      return [PROVINCE];
    default:
      return [CITY];
  }
}

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
/** A4 with 25 mm margins: 160 mm of line, in points. */
const LINE_PT = (160 / 25.4) * 72;
const RED = 'C00000';
const GOLD = 'B8860B';

/**
 * The title in one line at the largest size up to 26 pt that fits; a title too long even at 20 pt
 * goes on two balanced lines (never one character alone on the second line). Sizes in half points.
 */
export function titleLayout(title: string): { lines: string[]; size: number } {
  const fit = Math.floor((LINE_PT / title.length) * 2);
  if (fit >= 40) {
    return { lines: [title], size: Math.min(52, fit) };
  }
  const half = Math.ceil(title.length / 2);
  return { lines: [title.slice(0, half), title.slice(half)], size: Math.min(52, Math.floor((LINE_PT / half) * 2)) };
}

/**
 * The Word certificate on A4 with a double gold border: title, the award sentence, holder, credit
 * code, certificate number, issue date and validity in a fixed-width table (labels never wrap),
 * then the issuing authorities with the place of each seal (盖章处; one authority on the right,
 * several side by side) and the date. A revoked
 * certificate stays downloadable but carries 已撤销 with the date and reason, in red, above
 * everything else.
 */
export async function renderCertificate(c: CertificateData): Promise<Buffer> {
  const authorities = issuingAuthorities(c.type, c.issuedOn);
  const revoked = c.revocation
    ? [
        new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 120 }, children: [new TextRun({ text: '已撤销', bold: true, color: RED, size: 56, font: TITLE_FONT })] }),
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { after: 240 },
          children: [new TextRun({ text: `本证书自${chineseDate(c.revocation.effectiveOn)}起撤销，不再有效。撤销原因：${c.revocation.reason}`, color: RED, size: 24 })],
        }),
      ]
    : [];
  const title = titleLayout(CERTIFICATE_TITLES[c.type]);
  // The seals: one cell per authority (at most three a row), a dashed circle's place above each name.
  const perRow = authorities.length === 4 ? 2 : Math.min(3, authorities.length);
  const sealWidth = perRow === 1 ? mm(80) : Math.floor(mm(160) / perRow);
  const sealRows: TableRow[] = [];
  for (let i = 0; i < authorities.length; i += perRow) {
    const group = authorities.slice(i, i + perRow);
    sealRows.push(
      new TableRow({
        cantSplit: true,
        children: Array.from({ length: perRow }, (_, j) => {
          const name = group[j];
          return new TableCell({
            width: { size: sealWidth, type: WidthType.DXA },
            borders: NO_BORDERS,
            children: name
              ? [
                  new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 240 }, children: [new TextRun({ text: '（盖章处）', color: 'A0A0A0', size: 20 })] }),
                  new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 120 }, children: [new TextRun({ text: name, size: perRow > 1 ? 24 : 30, bold: true })] }),
                ]
              : [new Paragraph('')],
          });
        }),
      }),
    );
  }
  const doc = new Document({
    creator: authorities.join('、'),
    title: `${CERTIFICATE_TITLES[c.type]} ${c.certificateNo}`,
    styles: { default: { document: { run: { font: FONT, size: 30, language: CJK_LANGUAGE } } } },
    sections: [
      {
        properties: {
          page: certificatePage(GOLD),
        },
        children: [
          ...revoked,
          new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 960, after: 600 }, children: title.lines.map((t, i) => new TextRun({ text: t, bold: true, size: title.size, font: TITLE_FONT, break: i > 0 ? 1 : 0 })) }),
          new Paragraph({
            indent: { firstLine: 600 },
            alignment: AlignmentType.JUSTIFIED,
            spacing: { after: 360, line: 480 },
            children: [new TextRun(`${c.enterpriseName}：经审核，你单位被认定为${c.typeName}，特发此证。`)],
          }),
          // values at 14 pt with a narrow gap: the longest (a validity range, widened by the CJK/Latin spacing office programs add) keeps one line
          labelValueTable(
            [
              ['企业名称', c.enterpriseName],
              ['统一社会信用代码', c.uscc],
              ['证书编号', c.certificateNo],
              ['发证日期', chineseDate(c.issuedOn)],
              ['有效期', validityText(c)],
              ...(c.revocation ? [['证书状态', `已撤销（${chineseDate(c.revocation.effectiveOn)}起）`] as [string, string]] : []),
            ],
            { label: mm(48), value: mm(112), after: 120, gap: mm(1), valueSize: 28 },
          ),
          new Paragraph({ spacing: { before: 960 }, children: [new TextRun({ text: '发证机关：', bold: true })] }),
          new Table({
            width: { size: sealWidth * perRow, type: WidthType.DXA },
            alignment: perRow === 1 ? AlignmentType.RIGHT : AlignmentType.CENTER,
            columnWidths: Array.from({ length: perRow }, () => sealWidth),
            layout: TableLayoutType.FIXED,
            borders: NO_TABLE_BORDERS,
            rows: sealRows,
          }),
          new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { before: 360 }, children: [new TextRun(chineseDate(c.issuedOn))] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
