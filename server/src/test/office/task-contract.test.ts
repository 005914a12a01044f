import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { convert, officeTools, pdfPages, python, save, officeSession } from './office.js';

const hasPdfToText = spawnSync('pdftotext', ['-v'], { stdio: 'ignore' }).status === 0;


describe.skipIf(!officeTools || !hasPdfToText)('the project task contract (任务书) opened with LibreOffice and python-docx', () => {
  const o = officeSession();

  it('when an approved project’s task contract is opened, then it has page numbers, dates in Chinese, its tables with repeated headers, and both parties’ seal places', async () => {
    const [p] = await o.t.deps.database.rows<{ id: number }>(sql`select c.id from cases c join project_applications pa on pa.id = c.id where c.instrument = 'programmes' and c.status in ('approved', 'in_progress') and pa.approved_fen is not null order by c.id limit 1`);
    expect(p).toBeDefined();
    const res = await o.officer.request('GET', `/api/project-applications/${p.id}/contract.docx`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const path = save(o.dir, 'task-contract.docx', res.rawPayload);
    const pdf = convert(path, 'pdf', join(o.dir, 'pdf'));
    expect(pdfPages(pdf)).toBeGreaterThan(1);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('杭州市科技计划项目任务书');
    // Dates as 公文 write them, never 2016-03-01.
    // (pdftotext puts spaces between Chinese characters and digits)
    expect(text).toMatch(/实施期限\s+\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日至\s*\d{4}\s*年/);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    // Both parties sign, each with its seal place.
    expect(text).toMatch(/甲方（委托方）[\s\S]*杭州市科学技术委员会/);
    expect(text).toMatch(/乙方（承担单位）/);
    expect(text.match(/（盖章）/g)).toHaveLength(2);
    // one line each for the particulars' labels (其中：市财政资助（万元） does not wrap)
    expect(text).toMatch(/其中：市财政资助（万元）\s+[\d,]+\.\d\d/);
    const pages = text.split('\f').filter((p) => p.trim());
    pages.forEach((page, i) => {
      const lines = page.split('\n').map((l) => l.trim()).filter(Boolean);
      // the page number at the foot of every page (— n —), and no section heading left alone at the bottom
      expect(lines.at(-1), `page ${i + 1}`).toMatch(new RegExp(`^—\\s*${i + 1}\\s*—$`));
      expect(lines.at(-2), `page ${i + 1}`).not.toMatch(/^[一二三四五六七八九十]+、/);
    });
    // python-docx: every table's first row repeats as a header on a new page, and no row splits across pages.
    const tables = python<{ header: boolean; cantSplit: boolean }[]>(String.raw`
import sys, json, docx
d = docx.Document(sys.argv[1])
print(json.dumps([{'header': 'w:tblHeader' in t.rows[0]._tr.xml, 'cantSplit': all('w:cantSplit' in r._tr.xml for r in t.rows)} for t in d.tables]))`, path);
    expect(tables.length).toBeGreaterThanOrEqual(5);
    expect(tables.filter((x) => !x.cantSplit)).toEqual([]);
    expect(tables.filter((x) => x.header).length).toBe(4);
  });
});
