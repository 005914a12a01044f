import JSZip from 'jszip';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type Session, type TestApp } from '../../test/harness.js';
import { composeAnnualSummary, formatValue } from './annual.compose.js';
import { renderMarkdown } from './annual.render.js';
import { ABANDONED_AFTER_MS, ABANDONED_MESSAGE, failAbandonedJobs, whenSettled } from './reports.service.js';

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
  error: string | null;
  finishedAt: string | null;
  downloads: { docx: string; markdown: string } | null;
}

/** Waits for the background build through the service's promise, then reads the job as a client would. */
async function settled(id: number): Promise<Job> {
  await whenSettled(t.deps.database, id);
  const res = await officer.request('GET', `/api/reports/jobs/${id}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Job>();
}

/** The figures of the seed's 2015 summary that the platform produces, as the summary must write them. */
const SEED_2015 = ['1212.6亿元', '增长9.8%', '4472.21亿元', '增长13.5%', '8296件', '30280件', '6243项', '77.42亿元', '2850.72万元', '1342.82万元', '60839件', '同比增长25.26%', '46254件', '同比增长37.85%', '85分'];

describe('the 2015 annual work summary', () => {
  let job: Job;

  it('when an officer starts it, then 202 comes back at once with the running job, which finishes in the background with both downloads, and the start is audited', async () => {
    const res = await officer.request('POST', '/api/reports/annual?year=2015');
    expect(res.statusCode, res.body).toBe(202);
    const started = res.json<Job>();
    expect(started).toMatchObject({ status: 'running', progress: 0, downloads: null, finishedAt: null });
    job = await settled(started.id);
    expect(job).toMatchObject({ id: started.id, status: 'done', progress: 100, error: null });
    expect(job.finishedAt).not.toBeNull();
    expect((await auditor.request('GET', `/api/reports/jobs/${job.id}`)).json<Job>().status).toBe('done');
    const [{ n }] = await t.deps.database.rows<{ n: number }>(sql`select count(*)::int as n from audit_log where action = 'reports.annual.generate' and object_id = ${String(job.id)}`);
    expect(n).toBe(1);
  });

  it('when the Markdown is downloaded, then it holds the seed figures, each reference with its own footnote in plain words, and the appendix names the indicator codes', async () => {
    const res = await auditor.request('GET', `${job.downloads!.markdown}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/markdown');
    const md = res.body;
    for (const figure of SEED_2015) {
      expect(md, figure).toContain(figure);
    }
    // One footnote per reference: every marker in the text is used once and has its note.
    const used = [...md.matchAll(/\[\^(\d+)\](?!:)/g)].map((m) => m[1]);
    const defined = [...md.matchAll(/^\[\^(\d+)\]:/gm)].map((m) => m[1]);
    expect(new Set(used).size).toBe(used.length);
    expect(used.sort()).toEqual(defined.sort());
    for (const note of md.matchAll(/^\[\^\d+\]: (.*)$/gm)) {
      expect(note[1]).toMatch(/来源：|见附表第\d+项/);
      expect(note[1], 'no internal code in a footnote').not.toMatch(/[a-z_]+\.[a-z_]+/);
    }
    const body = md.slice(0, md.indexOf('## 附表'));
    expect(body, 'no internal code in the body').not.toMatch(/[a-z_]+\.[a-z_]+/);
    for (const code of ['stat.hightech_value_added', 'voucher.issued', 'voucher.used', 'techmarket.deals', 'techmarket.amount', 'stat.patent_grants', 'special_fund.performance_score']) {
      expect(md.slice(md.indexOf('## 附表'))).toContain(`\`${code}\``);
    }
    // The 公文 hierarchy: 一、the year's work, （一）areas, 1. leads; 二、next year's plan from the 2016 targets.
    expect(md).toContain('# 杭州市科学技术委员会2015年工作总结和2016年工作思路');
    expect(md).toContain('## 一、2015年工作总结');
    expect(md).toContain('### （一）产业助推作用日益增强');
    expect(md).toContain('**1.推进高新技术企业发展。**');
    expect(md).toContain('## 二、2016年工作思路');
    expect(md).toContain('### （一）目标任务');
    expect(md).toMatch(/新认定国家高新技术企业150家\[\^\d+\]（2015年为311家）/);
    expect(md).toMatch(/创新券发放金额达到3000万元\[\^\d+\]（2015年为2850.72万元）/);
    // The performance evaluation of 2015 covers the 2011–2014 funds.
    expect(md).toMatch(/开展了2011—2014年科技专项资金绩效评价的专项监督工作，绩效评价85分\[\^\d+\]，为良好/);
    expect(md).toMatch(/\| 2011—2014年资金（2015年评价） \| 85分 \|/);
    // District comparison from the register.
    expect(md).toMatch(/分区县看，\S+区最多（\d+家）/);
    // The recognitions module runs: its figures are counted from the register, as the seed states them.
    for (const figure of ['新认定国家重点扶持的高新技术企业和技术先进型服务企业311家', '累计认定国家高新技术企业1979家', '新认定雏鹰企业330家', '新认定省科技型中小企业1757家', '累计达6032家']) {
      expect(md, figure).toContain(figure);
    }
    expect(md).toContain('### （三）科技创新资源有效集聚');
    expect(md).toContain('**2.加快网上技术市场建设。**');
    // S&T finance runs now: the guidance fund's sentence is written from its records (33 partner funds, 46.5亿元).
    expect(md).toContain('46.5亿元');
    expect(md).not.toMatch(/平台尚未运行的业务（[^）]*科技金融/);
    expect(md).not.toMatch(/平台尚未运行的业务（[^）]*资质认定/);
  });

  it('when the Word file is downloaded, then its text holds the figures, each reference its own footnote, a page-number footer, and the appendix the indicator codes', async () => {
    const res = await officer.request('GET', job.downloads!.docx);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('wordprocessingml');
    const zip = await JSZip.loadAsync(res.rawPayload);
    const xml = await zip.file('word/document.xml')!.async('string');
    const body = xml.replace(/<[^>]+>/g, '');
    for (const figure of SEED_2015) {
      expect(body, figure).toContain(figure);
    }
    expect(body).toContain('voucher.issued');
    const refs = [...xml.matchAll(/<w:footnoteReference w:id="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(refs).size).toBe(refs.length);
    const notes = await zip.file('word/footnotes.xml')!.async('string');
    const noteIds = [...notes.matchAll(/<w:footnote w:id="(\d+)"/g)].map((m) => m[1]).filter((id) => Number(id) > 0);
    expect(noteIds.sort()).toEqual(refs.sort());
    expect(notes).toContain('科创平台创新券业务记录');
    expect(notes).toContain('杭州市科学技术委员会2015年工作总结和2016年工作思路');
    const footers = Object.keys(zip.files).filter((f) => /^word\/footer\d*\.xml$/.test(f));
    expect(footers.length).toBeGreaterThan(0);
    for (const f of footers) {
      expect(await zip.file(f)!.async('string')).toMatch(/PAGE/);
    }
    expect(xml).toContain('w:orient="landscape"');
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

describe('job life cycle', () => {
  it('when a job is still running, then its download is refused with a Chinese message and the job shows no links', async () => {
    const [{ id }] = await t.deps.database.rows<{ id: number }>(sql`insert into report_jobs (kind, year, status, progress) values ('annual', 2015, 'running', 50) returning id`);
    const early = await officer.request('GET', `/api/reports/jobs/${id}/download?format=md`);
    expect(early.statusCode).toBe(409);
    expect(early.json<{ error: { message: string } }>().error.message).toBe('报告尚未生成完成');
    expect((await officer.request('GET', `/api/reports/jobs/${id}`)).json<Job>()).toMatchObject({ status: 'running', progress: 50, downloads: null });
  });

  it('when building fails, then the job is failed with a Chinese message naming the stage, and nothing is left unhandled', async () => {
    // The reported statistics table is moved away for this build, so reading the year's figures fails.
    await t.deps.database.db.execute(sql`alter table indicator_reported rename to indicator_reported_away`);
    try {
      const res = await officer.request('POST', '/api/reports/annual?year=2013');
      expect(res.statusCode).toBe(202);
      const job = await settled(res.json<Job>().id);
      expect(job).toMatchObject({ status: 'failed', downloads: null });
      expect(job.error).toBe('读取本年指标数据时出错，报告未生成，请稍后重新生成');
      expect(job.finishedAt).not.toBeNull();
    } finally {
      await t.deps.database.db.execute(sql`alter table indicator_reported_away rename to indicator_reported`);
    }
  });

  it('when a job was left running by a crashed process, then after the abandonment time it reads as failed; a recent one is left alone', async () => {
    const old = new Date(Date.now() - ABANDONED_AFTER_MS - 60_000);
    const [{ id: stale }] = await t.deps.database.rows<{ id: number }>(sql`insert into report_jobs (kind, year, status, progress, created_at) values ('annual', 2015, 'running', 30, ${old.toISOString()}) returning id`);
    const [{ id: fresh }] = await t.deps.database.rows<{ id: number }>(sql`insert into report_jobs (kind, year, status, progress) values ('annual', 2015, 'running', 30) returning id`);
    const read = await officer.request('GET', `/api/reports/jobs/${stale}`);
    expect(read.json<Job>()).toMatchObject({ status: 'failed', error: ABANDONED_MESSAGE });
    expect((await officer.request('GET', `/api/reports/jobs/${fresh}`)).json<Job>()).toMatchObject({ status: 'running', progress: 30 });
    // The start-up sweep: nothing abandoned now; ten minutes on, the fresh one is too.
    expect(await failAbandonedJobs(t.deps.database)).toBe(0);
    expect(await failAbandonedJobs(t.deps.database, { now: new Date(Date.now() + ABANDONED_AFTER_MS + 60_000) })).toBeGreaterThanOrEqual(1);
    expect((await officer.request('GET', `/api/reports/jobs/${fresh}`)).json<Job>()).toMatchObject({ status: 'failed', error: ABANDONED_MESSAGE });
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
