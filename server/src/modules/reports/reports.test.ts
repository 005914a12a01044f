import JSZip from 'jszip';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type Session, type TestApp } from '../../test/harness.js';
import { composeAnnualSummary, formatValue } from './annual.compose.js';
import { renderMarkdown } from './annual.render.js';

let t: TestApp;
let officer: Session, auditor: Session, xihu: Session, enterprise: Session;

beforeAll(async () => {
  t = await createTestApp();
  [officer, auditor, xihu, enterprise] = await Promise.all(['officer', 'auditor', 'xihu', 'enterprise'].map((u) => loginAs(t.app, u)));
});
afterAll(async () => {
  await t.close();
});

interface Job {
  id: number;
  status: string;
  progress: number;
  downloads: { docx: string; markdown: string } | null;
}

/** The figures of the seed's 2015 summary that the platform produces, as the summary must write them. */
const SEED_2015 = ['1212.6亿元', '增长9.8%', '4472.21亿元', '增长13.5%', '8296件', '30280件', '6243项', '77.42亿元', '2850.72万元', '1342.82万元', '60839件', '同比增长25.26%', '46254件', '同比增长37.85%', '85分'];

describe('the 2015 annual work summary', () => {
  let job: Job;

  it('when an officer starts it, then the job finishes with both downloads, and the start is audited', async () => {
    const res = await officer.request('POST', '/api/reports/annual?year=2015');
    expect(res.statusCode, res.body).toBe(201);
    job = res.json<Job>();
    expect(job).toMatchObject({ status: 'done', progress: 100 });
    expect((await auditor.request('GET', `/api/reports/jobs/${job.id}`)).json<Job>().status).toBe('done');
    const [{ n }] = await t.deps.database.rows<{ n: number }>(sql`select count(*)::int as n from audit_log where action = 'reports.annual.generate' and object_id = ${String(job.id)}`);
    expect(n).toBe(1);
  });

  it('when the Markdown is downloaded, then it holds the seed figures, each with a footnote naming its indicator code, definition and source', async () => {
    const res = await auditor.request('GET', `${job.downloads!.markdown}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/markdown');
    const md = res.body;
    for (const figure of SEED_2015) {
      expect(md, figure).toContain(figure);
    }
    for (const code of ['stat.hightech_value_added', 'voucher.issued', 'voucher.used', 'techmarket.deals', 'techmarket.amount', 'stat.patent_grants', 'special_fund.performance_score']) {
      expect(md).toMatch(new RegExp(`\\[\\^\\d+\\]: ${code.replace(/\./g, '\\.')}（.+口径：.+来源：.+`));
    }
    // Every footnote marker used in the text has its note.
    const used = new Set([...md.matchAll(/\[\^(\d+)\](?!:)/g)].map((m) => m[1]));
    const defined = new Set([...md.matchAll(/^\[\^(\d+)\]:/gm)].map((m) => m[1]));
    expect([...used].sort()).toEqual([...defined].sort());
    // Modules the platform does not run yet get no sentence and no invented figure.
    expect(md).not.toContain('1979');
    expect(md).not.toContain('6032');
    expect(md).toContain('## （二）创新券');
    expect(md).toContain('## （三）网上技术市场');
  });

  it('when the Word file is downloaded, then its text holds the figures and its footnotes the indicator codes', async () => {
    const res = await officer.request('GET', job.downloads!.docx);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const zip = await JSZip.loadAsync(res.rawPayload);
    const body = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
    for (const figure of SEED_2015) {
      expect(body, figure).toContain(figure);
    }
    const notes = await zip.file('word/footnotes.xml')!.async('string');
    expect(notes).toContain('voucher.issued');
    expect(notes).toContain('杭州市科学技术委员会2015年工作总结和2016年工作思路');
  });

  it('when someone other than a city officer starts one, then 403; a district officer or an enterprise cannot read one', async () => {
    for (const s of [auditor, xihu, enterprise]) {
      expect((await s.request('POST', '/api/reports/annual?year=2015')).statusCode).toBe(403);
    }
    for (const s of [xihu, enterprise]) {
      expect((await s.request('GET', `/api/reports/jobs/${job.id}`)).statusCode).toBe(403);
      expect((await s.request('GET', job.downloads!.docx)).statusCode).toBe(403);
    }
    expect((await officer.request('GET', '/api/reports/jobs/999999')).statusCode).toBe(404);
  });
});

describe('composing', () => {
  it('when a figure has a target and a previous year, then the sentence gives growth and completion; without them, neither is invented', () => {
    const item = (code: string, name: string, value: number | null, target: number | null = null) => ({ code, name, unit: '元', kind: 'computed' as const, value, target, source: '平台记录' });
    const s = composeAnnualSummary({
      year: 2016,
      now: [item('voucher.issued', '创新券发放金额', 27_000_000, 30_000_000), item('voucher.used', '创新券使用金额', 10_000_000)],
      before: [item('voucher.issued', '创新券发放金额', 28_507_200)],
      indicators: [],
      generatedOn: '2017-01-05',
    });
    const md = renderMarkdown(s);
    expect(md).toContain('全年发放创新券2700万元[^1]，下降5.29%，完成年度目标（3000万元）的90%');
    expect(md).toContain('实际使用1000万元[^2]，使用率37.04%');
    expect(md).not.toContain('总体情况');
    expect(formatValue(7_742_000_000, '元')).toBe('77.42亿元');
    expect(formatValue(0.03, '比率')).toBe('3%');
  });
});
