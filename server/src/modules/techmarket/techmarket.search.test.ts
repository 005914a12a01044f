import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type Session, type TestApp } from '../../test/harness.js';
import * as repo from './techmarket.repo.js';
import { buildTsQuery, queryTerms } from './techmarket.text.js';

let t: TestApp;
let ent: Session;
let officer: Session;

/** Posts and approves a listing; returns its id. */
async function publish(title: string, description: string, kind: 'supply' | 'demand' = 'supply', domain = '电子信息') {
  const res = await ent.request('POST', '/api/techmarket/listings', { kind, title, description, domain, priceMode: 'negotiable' });
  expect(res.statusCode, res.body).toBe(201);
  const { id } = res.json<{ id: number }>();
  const ok = await officer.request('POST', `/api/techmarket/listings/${id}/approve`);
  expect(ok.statusCode, ok.body).toBe(200);
  return id;
}

async function search(q: string, extra = '&limit=100') {
  const res = await t.app.inject({ method: 'GET', url: `/api/techmarket/listings?q=${encodeURIComponent(q)}${extra}` });
  return res;
}
const ids = async (q: string, extra?: string) => (await search(q, extra)).json<{ items: { id: number }[] }>().items.map((i) => i.id);

const fixtures: Record<string, number> = {};

beforeAll(async () => {
  t = await createTestApp();
  ent = await loginAs(t.app, 'enterprise');
  officer = await loginAs(t.app, 'officer');
  fixtures.titleChip = await publish('量子芯粒互连封装工艺', '面向高带宽存储的量子芯粒互连技术，单位：测试甲。');
  fixtures.descChip = await publish('测试乙高带宽存储方案', '方案采用量子芯粒互连，可与现有封装产线兼容。');
  fixtures.split = await publish('测试丙量子芯 粒子加速器', '量子芯，粒子束流调控。');
  fixtures.mixed = await publish('A100级GPU算力调度与5G边缘计算', '支持RTX4090和A100混合部署，延迟低于10ms。');
  fixtures.long = await publish('测试丁人工智能医学影像辅助诊断系统', '基于深度学习的肺结节检测。');
  fixtures.apart = await publish('测试戊人工 智能灌溉', '人工调度与智能控制结合的灌溉系统。');
}, 120_000);
afterAll(async () => t?.close());

describe('techmarket search (Chinese full text)', () => {
  it('when searching a two-character word, then listings holding it in title or description are found, title hits first', async () => {
    const found = await ids('芯粒');
    expect(found).toContain(fixtures.titleChip);
    expect(found).toContain(fixtures.descChip);
    expect(found.indexOf(fixtures.titleChip)).toBeLessThan(found.indexOf(fixtures.descChip));
    // 测试丙 has 芯 and 粒 only apart (芯 粒 / 芯，粒): not a hit.
    expect(found).not.toContain(fixtures.split);
  });

  it('when the characters of a term only occur apart, then there is no false hit', async () => {
    expect(await ids('量子芯粒')).toEqual(expect.arrayContaining([fixtures.titleChip, fixtures.descChip]));
    expect(await ids('量子芯粒')).not.toContain(fixtures.split);
    expect(await ids('人工智能')).toContain(fixtures.long);
    expect(await ids('人工智能')).not.toContain(fixtures.apart);
  });

  it('when a lone character follows a word in the query, then it is part of that word (the substring), not any word it starts', async () => {
    expect(queryTerms('量子点').map((x) => x.text)).toEqual(['量子点']);
    const apart = await publish('测试壬量子通信节点', '节点部署与运维，单位：测试壬。');
    const together = await publish('测试癸量子点显示膜', '色域宽、寿命长，单位：测试癸。');
    expect(await ids('量子点')).toContain(together);
    expect(await ids('量子点')).not.toContain(apart);
  });

  it('when the query mixes Chinese, English and numbers, then each part must match (case-insensitive)', async () => {
    expect(await ids('a100')).toContain(fixtures.mixed);
    expect(await ids('A100 算力')).toContain(fixtures.mixed);
    expect(await ids('5G边缘计算')).toContain(fixtures.mixed);
    expect(await ids('rtx4090')).toContain(fixtures.mixed);
    expect(await ids('A100 污水')).not.toContain(fixtures.mixed);
    expect(await ids('A10')).not.toContain(fixtures.mixed);
  });

  it('when results are shown, then matches are highlighted in title and summary', async () => {
    const res = await search('芯粒');
    const item = res.json<{ items: { id: number; title: string; titleHit: boolean; highlight: { title: [number, number][] } }[] }>().items.find((i) => i.id === fixtures.titleChip)!;
    expect(item.titleHit).toBe(true);
    const [s, e] = item.highlight.title[0];
    expect(item.title.slice(s, e)).toBe('芯粒');
  });

  it('when the query is longer than 100 characters or only punctuation, then 400', async () => {
    expect((await search('芯'.repeat(101))).statusCode).toBe(400);
    expect((await search('，。！？…—')).statusCode).toBe(400);
    expect((await search('!!!')).json<{ error: { code: string } }>().error.code).toBe('invalid_search');
    expect((await search('芯'.repeat(100))).statusCode).toBe(200);
  });

  it('when paging a query, then every hit comes once across pages and title hits precede', async () => {
    const all = await ids('量子');
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const res = await search('量子', `&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      const body = res.json<{ items: { id: number }[]; nextCursor: string | null }>();
      seen.push(...body.items.map((i) => i.id));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
  });

  it('when searching the demo data for 芯片, then approved listings are found and none that are pending', async () => {
    const res = await search('芯片');
    const items = res.json<{ items: { id: number; status: string }[] }>().items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.status === 'approved')).toBe(true);
  });

  it('when matches lie both in the newest rows and below them, then the windows and the index give one list, title hits first, newest first', async () => {
    const oldTitle = await publish('晶圆键合设备国产化', '面向先进封装的关键装备，单位：测试己。');
    const oldDescription = await publish('测试庚封装产线升级方案', '方案包含晶圆键合与减薄工艺，可整线交付。');
    // more approved rows than the first window holds, none with the term
    await t.deps.database.db.execute(sql`insert into tm_listings (kind, title, description, domain, price_mode, organization_id, owner_name, status, search_vector)
      select 'supply', '窗口填充' || g, '与检索无关的描述' || g, '新材料', 'negotiable', organization_id, owner_name, 'approved', (${"'窗口':1A '填充':2A y"} || g || ':3B')::tsvector
      from generate_series(1, ${repo.FIRST_WINDOW_ROWS + 500}) g, (select organization_id, owner_name from tm_listings limit 1) o`);
    // ⼈ is the Kangxi radical U+2F08: the index reads the NFKC text (人), so must the text test
    const newTitle = await publish('新型⼈工晶圆键合机', '国产设备，可替代进口，单位：测试辛。');
    expect(await ids('晶圆键合')).toEqual([newTitle, oldTitle, oldDescription]);
    expect(await ids('人工晶圆')).toEqual([newTitle]);
    const db = t.deps.database.db;
    const indexOnly = async (q: string) => {
      const terms = queryTerms(q);
      const tier = async (where: ReturnType<typeof sql>) => {
        const result: unknown = await db.execute(sql`select id from tm_listings where status = 'approved' and ${where} order by id desc`);
        const list = Array.isArray(result) ? result : ((result as { rows: unknown[] }).rows ?? []);
        return (list as { id: number }[]).map((x) => Number(x.id));
      };
      const title = buildTsQuery(terms, 'A');
      return [...(await tier(sql`search_vector @@ ${title}::tsquery`)), ...(await tier(sql`search_vector @@ ${buildTsQuery(terms)}::tsquery and not (search_vector @@ ${title}::tsquery)`))];
    };
    expect(await ids('晶圆键合')).toEqual(await indexOnly('晶圆键合'));
    expect(await ids('量子')).toEqual(await indexOnly('量子'));
    // 封装 is in no row of the first window (rare): both tiers come from the index, and so does every page
    const rare = await ids('封装');
    expect(rare.slice(0, 2)).toEqual([oldDescription, fixtures.titleChip]);
    expect(rare).toEqual(expect.arrayContaining([oldTitle, fixtures.descChip]));
    expect(rare).toEqual(await indexOnly('封装'));
    const paged: number[] = [];
    let cursor: string | null = null;
    do {
      const body: { items: { id: number }[]; nextCursor: string | null } = (await search('封装', `&limit=1${cursor ? `&cursor=${cursor}` : ''}`)).json();
      paged.push(...body.items.map((i) => i.id));
      cursor = body.nextCursor;
    } while (cursor);
    expect(paged).toEqual(rare);
  });

  it('when a two-character term is searched over many listings, then the plan uses the GIN index, not a sequential scan', async () => {
    const db = t.deps.database.db;
    // 60k approved listings without the term, so the planner has a real choice to make.
    await db.execute(sql`insert into tm_listings (kind, title, description, domain, price_mode, organization_id, owner_name, status, search_vector)
      select 'supply', '填充成果' || g, '与检索无关的描述' || g, '新材料', 'negotiable', organization_id, owner_name, 'approved', (${"'填充':1A '成果':2A x"} || g || ':3B')::tsvector
      from generate_series(1, 60000) g, (select organization_id, owner_name from tm_listings limit 1) o`);
    await db.execute(sql`analyze tm_listings`);
    const plan = await repo.explain(db, repo.searchSql(buildTsQuery(queryTerms('芯片'))));
    console.log(`EXPLAIN 芯片:\n${plan}`);
    expect(plan).toContain('tm_listings_search_idx');
    expect(plan).not.toMatch(/Seq Scan on tm_listings/);
  });
});
