import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessToday } from '../../lib/clock.js';
import { multipartFile, xlsxOf } from '../../test/factories.js';
import { createTestApp, loginAs, type Session, type TestApp } from '../../test/harness.js';
import { whenJobSettled } from '../jobs/index.js';
import { IMPORT_COLUMNS } from './indicators.import.js';

let t: TestApp;
let officer: Session, xihu: Session, auditor: Session, enterprise: Session, admin: Session;

interface Item {
  code: string;
  name: string;
  unit: string;
  kind: string;
  value: number | null;
  target: number | null;
  source: string | null;
}
/** The business year (the demo data's business clock, pinned by the harness). */
const thisYear = () => Number(businessToday().slice(0, 4));

beforeAll(async () => {
  t = await createTestApp();
  [officer, xihu, auditor, enterprise, admin] = await Promise.all(['officer', 'xihu', 'auditor', 'enterprise', 'admin'].map((u) => loginAs(t.app, u)));
});
afterAll(async () => {
  await t.close();
});

const figures = async (s: Session, query: string) => {
  const res = await s.request('GET', `/api/indicators?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return new Map(res.json<{ items: Item[] }>().items.map((i) => [i.code, i]));
};
const rows = <T>(q: ReturnType<typeof sql>) => t.deps.database.rows<T>(q);

/** The direct counts over the owning modules' raw tables (the test may look; the indicators module may not). */
async function directCounts(year: number) {
  const from = `${year}-01-01`;
  const to = `${year + 1}-01-01`;
  const v = await rows<{ district_id: number; issued: string; used: string; holders: string }>(sql`
    select district_id, sum(case when kind = 'issue' then amount_fen else 0 end) as issued,
           sum(case when kind = 'redeem' then amount_fen else 0 end) as used,
           count(distinct case when kind = 'issue' then holder_id end) as holders
    from voucher_movements where value_date >= ${from} and value_date < ${to} and district_id is not null group by district_id`);
  const m = await rows<{ district_id: number; deals: string; amount: string }>(sql`
    select d.district_id, count(*) as deals, sum(r.amount_fen) as amount from tm_contract_registrations r join tm_deals d on d.id = r.deal_id
    where r.status = 'registered' and r.registered_on >= ${from}::date and r.registered_on < ${to}::date group by d.district_id`);
  const byDistrict = new Map<number, Record<string, number>>();
  const at = (id: number) => byDistrict.get(Number(id)) ?? byDistrict.set(Number(id), {}).get(Number(id))!;
  for (const r of v) {
    Object.assign(at(r.district_id), { 'voucher.issued': Number(r.issued) / 100, 'voucher.used': Number(r.used) / 100, 'voucher.holders': Number(r.holders) });
  }
  for (const r of m) {
    Object.assign(at(r.district_id), { 'techmarket.deals': Number(r.deals), 'techmarket.amount': Number(r.amount) / 100 });
  }
  const [city] = await rows<{ holders: string }>(sql`select count(distinct holder_id) as holders from voucher_movements where kind = 'issue' and value_date >= ${from} and value_date < ${to}`);
  return { byDistrict, cityHolders: Number(city.holders) };
}

describe('the demo year 2015', () => {
  it('when an officer asks for 2015, then every indicator whose module exists has exactly the seed figure, with its source', async () => {
    const f = await figures(officer, 'year=2015');
    const expected: Record<string, number> = {
      'voucher.issued': 28_507_200,
      'voucher.used': 13_428_200,
      'techmarket.deals': 6243,
      'techmarket.amount': 7_742_000_000,
      'stat.hightech_value_added': 121_260_000_000,
      'stat.new_product_output': 447_221_000_000,
      'stat.patent_applications': 60_839,
      'stat.patent_grants': 46_254,
      'stat.invention_grants': 8296,
      'stat.valid_invention_patents': 30_280,
      'special_fund.performance_score': 85,
      'hnte.valid': 1979,
      'hnte.new': 311,
      'municipal_hte.valid': 4044,
      'municipal_hte.new': 507,
      'tech_sme.valid': 6032,
      'tech_sme.new': 1757,
      'eagle.new': 330,
      'qinglan.new': 83,
      'rd_centre.provincial.valid': 517,
      'rd_centre.provincial.new': 84,
      'rd_centre.municipal.valid': 921,
      'rd_centre.municipal.new': 98,
      'agri_social_rd_centre.new': 10,
      'agri_enterprise.new': 22,
      'major_project.approved': 35,
      'award.national.first': 2,
      'award.national.second': 4,
      'award.provincial': 24,
      'guidance_fund.partner_funds': 33,
      'guidance_fund.scale': 4_650_000_000,
      'guidance_fund.invested_projects': 198,
      'guidance_fund.invested_amount': 2_622_000_000,
      'angel_fund.partner_funds': 13,
      'angel_fund.new': 8,
      'angel_fund.scale': 729_000_000,
      'guarantee.amount': 1_210_000_000,
      'guarantee.firms': 297,
      'guarantee.amount_cum': 6_400_000_000,
      'guarantee.firm_times_cum': 1800,
      'bridge_loan.times_cum': 605,
      'bridge_loan.amount_cum': 3_480_000_000,
      'overseas.projects_invested': 20,
      'overseas.projects_returned': 3,
      'interest_subsidy.firms': 287,
      'interest_subsidy.amount': 18_619_400,
      'incubator.national.valid': 24,
      'incubator.national.new': 3,
      'incubator.municipal.valid': 83,
      'incubator.municipal.new': 15,
      'incubator.area.total': 2_393_600,
      'incubator.area.new': 319_700,
      'incubator.firms_cum': 8719,
      'makerspace.municipal.valid': 45,
      'makerspace.national_system': 14,
      'outreach.events': 6,
    };
    for (const [code, value] of Object.entries(expected)) {
      expect(f.get(code)?.value, code).toBe(value);
    }
    expect(f.get('stat.patent_grants')?.source).toContain('2015年工作总结');
    expect(f.get('voucher.issued')).toMatchObject({ kind: 'computed', unit: '元', target: null });
    // An indicator no module counts yet is not listed, and nothing is invented for it.
    expect(f.has('leading_team.new')).toBe(false);
    expect(f.has('hnte.valid')).toBe(true);
  });

  it('when 2014 is asked, then the reported figures reproduce the seed growth rates', async () => {
    const [now, before] = [await figures(officer, 'year=2015'), await figures(officer, 'year=2014')];
    const growth = (code: string) => Math.round((now.get(code)!.value! / before.get(code)!.value! - 1) * 10000) / 100;
    expect(growth('stat.hightech_value_added')).toBe(9.8);
    expect(growth('stat.new_product_output')).toBe(13.5);
    expect(growth('stat.patent_applications')).toBe(25.26);
    expect(growth('stat.patent_grants')).toBe(37.85);
  });

  it('when 2016 is asked, then the targets of the plan are there', async () => {
    const f = await figures(officer, 'year=2016');
    expect(f.get('voucher.issued')?.target).toBe(30_000_000);
    expect(f.get('voucher.holders')?.target).toBe(1000);
    expect(f.get('techmarket.amount')?.target).toBe(7_000_000_000);
    expect(f.get('stat.rd_gdp_ratio')?.target).toBe(0.03);
  });
});

describe('computed figures equal a direct count', () => {
  it('when each district is asked, then its figures equal the direct count, and the districts sum to the city', async () => {
    for (const year of [2015, 2016]) {
      const direct = await directCounts(year);
      const city = await figures(officer, `year=${year}`);
      for (const code of ['voucher.issued', 'voucher.used', 'techmarket.deals', 'techmarket.amount', 'voucher.holders']) {
        const res = (await officer.request('GET', `/api/indicators/${code}/districts?year=${year}`)).json<{ city: number; districtSum: number; items: { districtId: number; value: number }[] }>();
        for (const d of res.items) {
          expect(d.value, `${code} ${year} district ${d.districtId}`).toBeCloseTo(direct.byDistrict.get(d.districtId)?.[code] ?? 0, 2);
        }
        expect(res.city).toBe(city.get(code)?.value);
        if (code === 'voucher.holders') {
          expect(res.city).toBe(direct.cityHolders);
        } else {
          expect(res.districtSum, `${code} ${year}: districts sum to the city`).toBeCloseTo(res.city, 2);
        }
      }
    }
  });

  it('when vouchers are issued and a contract is registered this year, then the figures of this year move by exactly that', async () => {
    const year = thisYear();
    const before = await figures(officer, `year=${year}`);
    const p = await officer.request('POST', '/api/vouchers/policies', {
      year,
      name: '指标测试政策',
      budget: 1_000_000,
      enterpriseCap: 100_000,
      teamCap: 30_000,
      coverageRatio: 0.5,
      validUntil: `${year}-12-31`,
      categories: ['testing'],
    });
    expect(p.statusCode, p.body).toBe(201);
    const holderId = (await enterprise.request('GET', '/api/vouchers/holders')).json<{ items: { id: number }[] }>().items[0].id;
    expect((await officer.request('POST', '/api/vouchers/issuances', { policyId: p.json<{ id: number }>().id, holderId, amount: 12_345 })).statusCode).toBe(201);
    const deal = await enterprise.request('POST', '/api/techmarket/deals', { source: 'offline', title: '指标测试技术开发合同', buyerName: '杭州甲方有限公司', domain: '电子信息', amount: 250_000, signedOn: businessToday() });
    expect(deal.statusCode, deal.body).toBe(201);
    const reg = await enterprise.request('POST', `/api/techmarket/deals/${deal.json<{ id: number }>().id}/registration`, { contractType: 'service', contractTitle: '指标测试技术服务合同', amount: 250_000 });
    expect(reg.statusCode, reg.body).toBe(201);
    expect((await officer.request('POST', `/api/techmarket/registrations/${reg.json<{ id: number }>().id}/register`, {})).statusCode).toBe(200);
    const after = await figures(officer, `year=${year}`);
    expect(after.get('voucher.issued')!.value! - before.get('voucher.issued')!.value!).toBe(12_345);
    expect(after.get('techmarket.deals')!.value! - before.get('techmarket.deals')!.value!).toBe(1);
    expect(after.get('techmarket.amount')!.value! - before.get('techmarket.amount')!.value!).toBe(250_000);
    const xihuNow = await figures(xihu, `year=${year}`);
    const direct = await directCounts(year);
    const [{ id: xihuId }] = await rows<{ id: number }>(sql`select id from districts where name = '西湖区'`);
    expect(xihuNow.get('voucher.issued')?.value).toBe(direct.byDistrict.get(Number(xihuId))?.['voucher.issued']);
    expect(xihuNow.get('techmarket.deals')?.value).toBe(direct.byDistrict.get(Number(xihuId))?.['techmarket.deals']);
  });
});

describe('drill-down', () => {
  it('when the records behind techmarket.deals are paged through, then the total is the figure and the pages hold every record once', async () => {
    const f = await figures(officer, 'year=2015');
    const ids = new Set<string>();
    let amount = 0;
    let cursor: string | null = null;
    let total = 0;
    do {
      const res = await officer.request('GET', `/api/indicators/techmarket.deals/records?year=2015&limit=500${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json<{ total: number; items: { id: string; amount: number; date: string; type: string }[]; nextCursor: string | null }>();
      total = page.total;
      for (const i of page.items) {
        ids.add(i.id);
        amount += i.amount;
        expect(i.date.startsWith('2015')).toBe(true);
      }
      cursor = page.nextCursor;
    } while (cursor);
    expect(total).toBe(f.get('techmarket.deals')!.value);
    expect(ids.size).toBe(total);
    expect(Math.round(amount)).toBe(f.get('techmarket.amount')!.value);
  });

  it('when the records behind voucher.issued of a district are listed, then they sum to that district figure and link to enterprises', async () => {
    const f = await figures(xihu, 'year=2015');
    let cursor: string | null = null;
    let sum = 0;
    const districts = new Set<string | null>();
    let linked = 0;
    do {
      const res = await xihu.request('GET', `/api/indicators/voucher.issued/records?year=2015&limit=200${cursor ? `&cursor=${cursor}` : ''}`);
      const page: { items: { amount: number; district: string | null; enterpriseId: number | null }[]; nextCursor: string | null } = res.json();
      for (const i of page.items) {
        sum += i.amount;
        districts.add(i.district);
        linked += i.enterpriseId === null ? 0 : 1;
      }
      cursor = page.nextCursor;
    } while (cursor);
    expect(Math.round(sum * 100) / 100).toBe(f.get('voucher.issued')!.value);
    expect([...districts]).toEqual(['西湖区']);
    expect(linked).toBeGreaterThan(0);
    const holders = (await xihu.request('GET', '/api/indicators/voucher.holders/records?year=2015&limit=5')).json<{ total: number }>();
    expect(holders.total).toBe(f.get('voucher.holders')!.value);
  });

  it('when a reported indicator or an unknown code is drilled into, then 400 / 404; a bad cursor is 400', async () => {
    expect((await officer.request('GET', '/api/indicators/stat.patent_grants/records?year=2015')).statusCode).toBe(400);
    expect((await officer.request('GET', '/api/indicators/leading_team.new/records?year=2015')).statusCode).toBe(404);
    expect((await officer.request('GET', '/api/indicators/no.such/records?year=2015')).statusCode).toBe(404);
    expect((await officer.request('GET', '/api/indicators/voucher.issued/records?year=2015&cursor=xyz')).statusCode).toBe(400);
  });

  it('when a series is asked, then each year holds that year figure and target', async () => {
    const res = (await officer.request('GET', '/api/indicators/stat.patent_grants/series?from=2014&to=2016')).json<{ items: { year: number; value: number | null }[] }>();
    expect(res.items.map((i) => i.value)).toEqual([33_554, 46_254, null]);
    const tm = (await officer.request('GET', '/api/indicators/techmarket.amount/series?from=2015&to=2016')).json<{ items: { year: number; value: number; target: number | null }[] }>();
    expect(tm.items[0].value).toBe(7_742_000_000);
    expect(tm.items[1].target).toBe(7_000_000_000);
    expect((await officer.request('GET', '/api/indicators/stat.patent_grants/series?from=2016&to=2014')).statusCode).toBe(400);
  });
});

describe('scopes', () => {
  it('when a district officer asks, then it gets its district, never another; the auditor sees all; others are refused', async () => {
    const own = await figures(xihu, 'year=2015');
    const city = await figures(officer, 'year=2015');
    expect(own.get('voucher.issued')!.value!).toBeLessThan(city.get('voucher.issued')!.value!);
    expect(own).toEqual(await figures(officer, `year=2015&district=${encodeURIComponent('西湖区')}`));
    expect((await xihu.request('GET', `/api/indicators?year=2015&district=${encodeURIComponent('滨江区')}`)).statusCode).toBe(403);
    expect((await xihu.request('GET', `/api/indicators/voucher.issued/records?year=2015&district=${encodeURIComponent('滨江区')}`)).statusCode).toBe(403);
    const d = (await xihu.request('GET', '/api/indicators/voucher.issued/districts?year=2015')).json<{ items: { district: string }[]; city: number | null }>();
    expect(d.items.map((i) => i.district)).toEqual(['西湖区']);
    expect(d.city).toBeNull();
    expect((await auditor.request('GET', '/api/indicators?year=2015')).statusCode).toBe(200);
    expect((await enterprise.request('GET', '/api/indicators?year=2015')).statusCode).toBe(403);
    expect((await officer.request('GET', '/api/indicators?year=2015&district=nowhere')).statusCode).toBe(400);
  });
});

interface ImportJob {
  status: string;
  result: { rows: number; replaced: number } | null;
  rowErrors: { row: number; column: string; message: string }[];
}
/** Posts an import (202, a job), waits for the job and reads it as its creator does. */
async function importJob(kind: 'reported' | 'targets', file: { payload: unknown; headers: Record<string, string> }): Promise<ImportJob> {
  const res = await officer.request('POST', `/api/indicators/imports/${kind}`, file.payload, file.headers);
  expect(res.statusCode, res.body).toBe(202);
  await whenJobSettled(t.deps.database, res.json().id);
  return (await officer.request('GET', `/api/jobs/${res.json().id}`)).json<ImportJob>();
}

const csv = (lines: string[]) => multipartFile(Buffer.from(lines.join('\r\n'), 'utf8'), 'stats.csv', 'text/csv');

describe('reported statistics import', () => {
  it('when a file has a bad district, a negative value, a duplicate, a computed or unknown code, then nothing is imported and every row is named', async () => {
    const file = csv([
      '指标代码,年度,区县,数值,数据来源,文件日期',
      'stat.patent_grants,2013,西湖区,100,知识产权局,2014-01-10',
      'stat.patent_grants,2013,不存在区,100,知识产权局,2014-01-10',
      'stat.patent_grants,2013,滨江区,-5,知识产权局,',
      'stat.patent_grants,2013,西湖,7,知识产权局,',
      'voucher.issued,2013,,7,知识产权局,',
      'stat.nope,2013,,7,知识产权局,',
      'stat.invention_grants,2013,,7,,2014-13-45',
    ]);
    const job = await importJob('reported', file);
    expect(job.status).toBe('failed');
    const at = (row: number) => job.rowErrors.filter((e) => e.row === row).map((e) => `${e.column}:${e.message}`);
    expect(at(2)).toEqual([]);
    expect(at(3)).toEqual([expect.stringContaining('区县:区县“不存在区”不存在')]);
    expect(at(4)).toEqual(['数值:不能为负数']);
    expect(at(5)).toEqual([expect.stringContaining('与第 2 行重复')]);
    expect(at(6)).toEqual([expect.stringContaining('平台根据业务记录计算')]);
    expect(at(7)).toEqual([expect.stringContaining('未知的指标代码')]);
    expect(at(8)).toEqual([expect.stringContaining('数据来源:必填'), expect.stringContaining('文件日期')]);
    expect((await rows<{ n: number }>(sql`select count(*)::int as n from indicator_reported where year = 2013`))[0].n).toBe(0);
  });

  it('when a valid Excel file is imported twice, then the second replaces the first with an audit row, and district rows sum when the city has none', async () => {
    const cols = IMPORT_COLUMNS.reported.map((c) => c.title);
    const upload = async (rowsIn: (string | number | null)[][]) => {
      return importJob('reported', multipartFile(await xlsxOf(cols, rowsIn), '统计.xlsx'));
    };
    const first = await upload([
      ['stat.invention_grants', 2013, '西湖区', 1000, '知识产权局 2013年统计', '2014-02-01'],
      ['stat.invention_grants', 2013, '滨江区', 2000, '知识产权局 2013年统计', '2014-02-01'],
    ]);
    expect(first.status).toBe('done');
    expect((await figures(officer, 'year=2013')).get('stat.invention_grants')?.value).toBe(3000);
    expect((await figures(xihu, 'year=2013')).get('stat.invention_grants')?.value).toBe(1000);
    const second = await upload([['stat.invention_grants', 2013, null, 3500, '知识产权局 2013年统计（修订）', '2014-03-01']]);
    expect(second).toMatchObject({ status: 'done', result: { rows: 1, replaced: 2 } });
    const f = (await figures(officer, 'year=2013')).get('stat.invention_grants');
    expect(f).toMatchObject({ value: 3500, source: '知识产权局 2013年统计（修订）' });
    expect((await figures(xihu, 'year=2013')).get('stat.invention_grants')?.value).toBeNull();
    const audit = await rows<{ n: number }>(sql`select count(*)::int as n from audit_log where action = 'indicators.reported.import' and before is not null`);
    expect(audit[0].n).toBeGreaterThanOrEqual(1);
  });

  it('when someone other than a city officer imports or downloads the template, then 403; the officer gets the template', async () => {
    const file = csv(['指标代码,年度,区县,数值,数据来源,文件日期', 'stat.patent_grants,2013,,1,x,']);
    for (const s of [xihu, auditor, admin, enterprise]) {
      expect((await s.request('POST', '/api/indicators/imports/reported', file.payload, file.headers)).statusCode).toBe(403);
    }
    const tpl = await officer.request('GET', '/api/indicators/imports/reported/template');
    expect(tpl.statusCode).toBe(200);
    expect(tpl.headers['content-type']).toContain('spreadsheetml');
  });
});

describe('targets', () => {
  it('when the 2016 targets are compared with the actuals, then a target below the existing level is flagged, not hidden', async () => {
    const res = (await officer.request('GET', '/api/indicators/targets?year=2016')).json<{ items: { code: string; flags: string[]; target: number; previousActual: number | null }[] }>();
    const by = new Map(res.items.map((i) => [i.code, i]));
    expect(by.get('stat.valid_invention_patents')).toMatchObject({ target: 28_500, previousActual: 30_280 });
    expect(by.get('stat.valid_invention_patents')!.flags).toContain('below_previous_actual');
    expect(by.get('techmarket.amount')!.flags).toContain('already_met');
    expect(by.get('leading_team.new')!.flags).toContain('not_measured');
  });

  it('when district targets do not sum to the city target, then the difference is shown; when they do, no flag', async () => {
    const put = (items: { district?: string | null; value: number }[]) => officer.request('PUT', '/api/indicators/targets', { year: 2017, code: 'voucher.issued', items, source: '测试' });
    expect((await put([{ value: 1000 }, { district: '西湖区', value: 300 }, { district: '滨江区', value: 500 }])).statusCode).toBe(200);
    let item = (await officer.request('GET', '/api/indicators/targets?year=2017')).json<{ items: { code: string; difference: number; districtSum: number; flags: string[] }[] }>().items.find((i) => i.code === 'voucher.issued')!;
    expect(item).toMatchObject({ districtSum: 800, difference: -200 });
    expect(item.flags).toContain('district_sum_mismatch');
    expect((await put([{ value: 1000 }, { district: '西湖区', value: 500 }, { district: '滨江区', value: 500 }])).statusCode).toBe(200);
    item = (await officer.request('GET', '/api/indicators/targets?year=2017')).json<{ items: { code: string; difference: number; districtSum: number; flags: string[] }[] }>().items.find((i) => i.code === 'voucher.issued')!;
    expect(item.difference).toBe(0);
    expect(item.flags).not.toContain('district_sum_mismatch');
    expect((await figures(xihu, 'year=2017')).get('voucher.issued')?.target).toBe(500);
    expect((await put([{ value: 1 }, { value: 2 }])).statusCode).toBe(400);
    expect((await put([{ value: -1 }])).statusCode).toBe(400);
    expect((await xihu.request('PUT', '/api/indicators/targets', { year: 2017, code: 'voucher.issued', items: [] })).statusCode).toBe(403);
  });

  it('when a target is entered on screen, then the answer counts the rows, and bad items come back as field errors the form can place', async () => {
    const ok = await officer.request('PUT', '/api/indicators/targets', { year: 2018, code: 'techmarket.deals', items: [{ value: 7000 }, { district: '西湖区', value: 900 }], source: '2018年工作要点' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ code: 'techmarket.deals', year: 2018, replaced: 0, rows: 2 });
    const fieldsOf = async (items: unknown[]) => {
      const res = await officer.request('PUT', '/api/indicators/targets', { year: 2018, code: 'techmarket.deals', items });
      expect(res.statusCode).toBe(400);
      return res.json<{ error: { details: { fields: { field: string; message: string }[] } } }>().error.details.fields;
    };
    expect(await fieldsOf([{ value: 1 }, { district: '不存在区', value: 1 }])).toEqual([{ field: 'items.1.district', message: '区县“不存在区”不存在' }]);
    const negative = await fieldsOf([{ value: 1 }, { district: '西湖区', value: -5 }]);
    expect(negative.map((f) => f.field)).toEqual(['items.1.value']);
    expect(negative[0].message).toMatch(/[\u4e00-\u9fff]/);
    // Nothing was replaced by the refused requests.
    const item = (await officer.request('GET', '/api/indicators/targets?year=2018')).json<{ items: { code: string; target: number; districtSum: number }[] }>().items.find((i) => i.code === 'techmarket.deals');
    expect(item).toMatchObject({ target: 7000, districtSum: 900 });
  });

  it('when targets are imported from CSV with a district breakdown, then they are stored and the import is audited', async () => {
    const file = csv(['指标代码,年度,区县,目标值,依据,说明', 'techmarket.deals,2017,,100,测试,', 'techmarket.deals,2017,西湖区,60,测试,', 'techmarket.deals,2017,滨江区,40,测试,']);
    expect((await importJob('targets', file)).status).toBe('done');
    const item = (await officer.request('GET', '/api/indicators/targets?year=2017')).json<{ items: { code: string; difference: number; districts: unknown[] }[] }>().items.find((i) => i.code === 'techmarket.deals')!;
    expect(item.difference).toBe(0);
    expect(item.districts).toHaveLength(2);
  });
});

describe('exports', () => {
  it('when the dashboard and a drill-down are exported, then Excel files come back in scope', async () => {
    const dash = await xihu.request('GET', '/api/indicators/export?year=2015');
    expect(dash.statusCode).toBe(200);
    expect(dash.headers['content-type']).toContain('spreadsheetml');
    const rec = await officer.request('GET', '/api/indicators/techmarket.deals/records/export?year=2015');
    expect(rec.statusCode).toBe(200);
    expect((await xihu.request('GET', `/api/indicators/techmarket.deals/records/export?year=2015&district=${encodeURIComponent('滨江区')}`)).statusCode).toBe(403);
  });
});
