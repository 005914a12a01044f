import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { whenSettled } from '../../modules/reports/reports.service.js';
import { whenJobSettled } from '../../modules/jobs/index.js';
import { multipartFile, uniqueUscc } from '../factories.js';
import { convert, officeTools, pdfPages, python, pythonPath, readXlsxStructure, save, officeSession } from './office.js';

/** Reads a .docx the way Word does: styles and text of paragraphs, sections, footers, footnotes, tables. */
const DOCX_STRUCTURE = String.raw`
import sys, json, zipfile, re
import docx
from docx.shared import Mm
path = sys.argv[1]
d = docx.Document(path)
z = zipfile.ZipFile(path)
doc_xml = z.read('word/document.xml').decode()
notes_xml = z.read('word/footnotes.xml').decode() if 'word/footnotes.xml' in z.namelist() else ''
note_ids = re.findall(r'<w:footnote [^>]*w:id="(-?\d+)"', notes_xml)
note_types = re.findall(r'<w:footnote ([^>]*)>', notes_xml)
real = [i for i, a in zip(note_ids, note_types) if 'w:type=' not in a]
refs = re.findall(r'<w:footnoteReference [^>]*w:id="(\d+)"', doc_xml)
footers = []
for s in d.sections:
    xml = s.footer._element.xml if s.footer is not None else ''
    footers.append('PAGE' in xml)
print(json.dumps({
  'headings': [[p.style.name, p.text] for p in d.paragraphs if p.style.name.startswith('Heading') or p.style.name == 'Title'],
  'paragraphs': [p.text for p in d.paragraphs],
  'sections': [{'landscape': s.page_width > s.page_height, 'width_mm': round(s.page_width / 36000), 'left_mm': round(s.left_margin / 36000)} for s in d.sections],
  'footerPage': footers,
  'refs': refs,
  'notes': real,
  'tables': [{'cols': len(t.columns), 'rows': len(t.rows), 'header': [c.text for c in t.rows[0].cells]} for t in d.tables],
}, ensure_ascii=False))
`;

interface DocxStructure {
  headings: [string, string][];
  paragraphs: string[];
  sections: { landscape: boolean; width_mm: number; left_mm: number }[];
  footerPage: boolean[];
  refs: string[];
  notes: string[];
  tables: { cols: number; rows: number; header: string[] }[];
}

const hasPdfToText = spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).status === 0;


describe.skipIf(!officeTools)('documents opened with LibreOffice and python-docx', () => {
  const o = officeSession();

  it('when the 2015 annual summary is opened, then every footnote reference has its own note, every section a page-number footer, headings run 一、（一）, and the appendix is a landscape table; LibreOffice keeps every note', async () => {
    const res = await o.officer.request('POST', '/api/reports/annual?year=2015');
    const id = res.json<{ id: number }>().id;
    await whenSettled(o.t.deps.database, id);
    const file = await o.officer.request('GET', `/api/reports/jobs/${id}/download?format=docx`);
    expect(file.statusCode).toBe(200);
    const path = save(o.dir, 'annual-2015.docx', file.rawPayload);

    const s = python<DocxStructure>(DOCX_STRUCTURE, path);
    expect(s.refs.length).toBeGreaterThan(20);
    expect(new Set(s.refs).size).toBe(s.refs.length);
    expect([...s.refs].sort()).toEqual([...s.notes].sort());
    expect(s.footerPage).toEqual(s.sections.map(() => true));
    expect(s.sections[0]).toMatchObject({ landscape: false, width_mm: 210, left_mm: 28 });
    expect(s.sections.at(-1)!.landscape).toBe(true);
    const h1 = s.headings.filter(([style]) => style === 'Heading 1').map(([, text]) => text);
    expect(h1.slice(0, 2)).toEqual(['一、2015年工作总结', '二、2016年工作思路']);
    expect(s.headings.filter(([style]) => style === 'Heading 2').map(([, text]) => text)[0]).toMatch(/^（一）/);
    expect(s.paragraphs.some((p) => /^1\.\S+。/.test(p))).toBe(true);
    expect(s.tables).toHaveLength(1);
    expect(s.tables[0].header).toEqual(['序号', '指标', '期间', '数值', '上年数值', '来源', '口径与说明']);
    // No internal code in the body text.
    expect(s.paragraphs.join('').replace(/附表[\s\S]*/, '')).not.toMatch(/[a-z_]+\.[a-z_]+/);

    // LibreOffice: a PDF of a few pages, and a round trip to .docx that still holds every note.
    const pdf = convert(path, 'pdf', join(o.dir, 'pdf'));
    expect(pdfPages(pdf)).toBeGreaterThanOrEqual(3);
    const again = python<DocxStructure>(DOCX_STRUCTURE, convert(path, 'docx', join(o.dir, 'pdf')));
    expect(again.refs.length).toBe(s.refs.length);
    expect(again.notes.length).toBe(s.notes.length);
  });
});

/** Text of a PDF page by page (poppler's pdftotext), to check where lines break. */
const pdfText = (pdf: string) => execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });

describe.skipIf(!officeTools || !hasPdfToText)('certificates opened with LibreOffice', () => {
  const o = officeSession();

  it('when a national, a provincial and a municipal certificate are converted to PDF, then each is one page naming its own issuing authorities, labels and titles unbroken, inside a page border', async () => {
    const expected: Record<string, string[]> = {
      hnte: ['浙江省科学技术厅', '浙江省财政厅', '税务'],
      tech_sme: ['浙江省科学技术厅'],
      agri_social_rd_center: ['杭州市科学技术委员会'],
    };
    for (const [type, authorities] of Object.entries(expected)) {
      const [r] = await o.t.deps.database.rows<{ id: number }>(sql`select id from recognitions where type = ${type} order by id limit 1`);
      expect(r, type).toBeDefined();
      const res = await o.officer.request('GET', `/api/recognitions/${r.id}/certificate.docx`);
      expect(res.statusCode, type).toBe(200);
      const path = save(o.dir, `certificate-${type}.docx`, res.rawPayload);
      const border = python<{ border: boolean }>(String.raw`
import sys, json, docx
d = docx.Document(sys.argv[1])
print(json.dumps({'border': 'w:pgBorders' in d.sections[0]._sectPr.xml}))`, path);
      expect(border.border, type).toBe(true);
      const pdf = convert(path, 'pdf', join(o.dir, 'pdf'));
      expect(pdfPages(pdf), type).toBe(1);
      const text = pdfText(pdf);
      expect(text, type).toMatch(/统\s*一\s*社\s*会\s*信\s*用\s*代\s*码/);
      for (const a of authorities) {
        expect(text, `${type}: ${a}`).toContain(a);
      }
      if (type !== 'agri_social_rd_center') {
        expect(text, type).not.toContain('杭州市科学技术委员会');
      }
      // No line of the title or the labels holds a single character.
      expect(text.split('\n').filter((l) => /^\s*\S\s*$/.test(l)), type).toEqual([]);
    }
  });

  it('when the award certificate and a technology-contract registration certificate are converted to PDF, then each is one page inside a border, names its issuer and breaks no line after one character', async () => {
    const [award] = await o.t.deps.database.rows<{ id: number }>(sql`select id from award_nominations where certificate_no is not null order by id limit 1`);
    const [registration] = await o.t.deps.database.rows<{ id: number }>(sql`select id from tm_contract_registrations where status = 'registered' order by id limit 1`);
    const documents = [
      { name: 'award-certificate', url: `/api/awards/nominations/${award.id}/certificate.docx`, issuer: '杭州市人民政府' },
      { name: 'registration-certificate', url: `/api/techmarket/registrations/${registration.id}/certificate.docx`, issuer: '杭州市科学技术委员会' },
    ];
    for (const d of documents) {
      const res = await o.officer.request('GET', d.url);
      expect(res.statusCode, `${d.name}: ${res.body.slice(0, 200)}`).toBe(200);
      const path = save(o.dir, `${d.name}.docx`, res.rawPayload);
      const border = python<{ border: boolean }>(String.raw`
import sys, json, docx
d = docx.Document(sys.argv[1])
print(json.dumps({'border': 'w:pgBorders' in d.sections[0]._sectPr.xml}))`, path);
      expect(border.border, d.name).toBe(true);
      const pdf = convert(path, 'pdf', join(o.dir, 'pdf'));
      expect(pdfPages(pdf), d.name).toBe(1);
      const text = pdfText(pdf);
      expect(text, d.name).toContain(d.issuer);
      expect(text.split('\n').filter((l) => /^\s*\S\s*$/.test(l)), d.name).toEqual([]);
    }
  });
});

describe.skipIf(!officeTools)('spreadsheets opened with openpyxl and LibreOffice Calc', () => {
  const o = officeSession('calc');

  it('when the registry is exported, then Excel sees the code as text, the date as a date and a landscape print one page wide with the header repeated', async () => {
    const res = await o.officer.request('GET', `/api/enterprises/export?district=${encodeURIComponent('滨江区')}`);
    const [s] = readXlsxStructure(save(o.dir, 'enterprises.xlsx', res.rawPayload));
    expect(s.header[0]).toBe('统一社会信用代码');
    expect(s.header).toContain('注册资本（元）');
    expect(s.formats[0][0]).toBe('@');
    expect(s.types[0][0]).toBe('str');
    expect(s.types[0][s.header.indexOf('成立日期')]).toBe('datetime');
    expect(s).toMatchObject({ orientation: 'landscape', fitToWidth: 1, fitToPage: true });
    expect(s.printTitleRows).toMatch(/^\$?1:\$?1$/);
  });

  it('when the import template is saved again by LibreOffice Calc and filled in, then it imports', async () => {
    const template = save(o.dir, 'template.xlsx', (await o.officer.request('GET', '/api/enterprises/import-template')).rawPayload);
    const resaved = convert(template, 'xlsx:Calc MS Excel 2007 XML', join(o.dir, 'calc'));
    const uscc = uniqueUscc();
    // Fill in the LibreOffice-saved file with openpyxl (an 18-digit code typed into the text column, a date written 2015/6/1).
    execFileSync(pythonPath(), ['-c', String.raw`
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[0]
ws['A2'] = sys.argv[2]
ws['B2'] = '杭州办公软件回环科技有限公司'
ws['D2'] = '2015/6/1'
wb.save(sys.argv[1])
`, resaved, uscc]);
    const { payload, headers } = multipartFile(readFileSync(resaved), 'template.xlsx');
    const res = await o.officer.request('POST', '/api/enterprises/import', payload, headers);
    expect(res.statusCode, res.body).toBe(202);
    await whenJobSettled(o.t.deps.database, res.json().id);
    expect((await o.officer.request('GET', `/api/jobs/${res.json().id}`)).json()).toMatchObject({ status: 'done', result: { imported: 1 } });
  });
});
