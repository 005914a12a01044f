// The leadership dashboard: the officer sees 2015 as the seed reports it, drills from a computed
// figure to its records and on to the enterprise, enters a 2016 target on screen, and downloads the
// 2015 work summary (built in the background, with progress); a district officer sees only its district.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, login, newPage, pickOption, screenshot, selectLabelled } from './support.js';

let browser: Browser;

/** Picks the dashboard's year from its select, until the select shows it. */
async function pickYear(page: Page, year: string) {
  await pickOption(page, selectLabelled(page, '年度'), year);
}

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('indicators dashboard', () => {
  it('when the officer opens 2015, then the seed figures show, a figure drills down to records and an enterprise, and the summary downloads as Word', async () => {
    const page = await newPage(browser);
    await login(page, 'officer');
    const loaded = page.waitForResponse((r) => r.url().includes('/api/indicators?year=2015') && r.status() === 200);
    await page.goto('/dashboard');
    await loaded;
    await expect.poll(() => page.getByTestId('card-voucher.issued').innerText()).toContain('2850.72万元');
    expect(await page.getByTestId('card-techmarket.amount').innerText()).toContain('77.42亿元');
    expect(await page.getByTestId('card-stat.patent_grants').innerText()).toContain('46,254');
    expect(await page.getByTestId('card-stat.patent_grants').innerText()).toContain('同比 +37.85%');
    await screenshot(page, 'dashboard-officer-2015');

    // Drill into the tech market deals: the drawer counts exactly the figure and links to an enterprise.
    const records = page.waitForResponse((r) => r.url().includes('/api/indicators/techmarket.deals/records') && r.status() === 200);
    await page.getByTestId('drill-techmarket.deals').click();
    await records;
    await expect.poll(() => page.getByTestId('records-total').innerText()).toBe('共 6243 条');
    const link = page.locator('.ant-drawer').getByRole('link').first();
    await link.waitFor();
    await screenshot(page, 'dashboard-drilldown');
    await link.click();
    await page.waitForURL(/\/enterprises\/\d+$/);

    // Back to the dashboard: targets of 2016 with the seed's conflicts flagged.
    await page.goto('/dashboard');
    await pickYear(page, '2016');
    await page.getByRole('tab', { name: '目标进度' }).click();
    await page.getByText('低于上年实际（冲突）').first().waitFor();

    // Enter a 2016 target on screen: 2000万元 city-wide, 800 + 1000万元 in two districts; the
    // difference shows as it is typed and does not block saving.
    await page.getByRole('button', { name: '设定目标' }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: '设定年度目标' });
    expect(await dialog.getByLabel('目标年度').inputValue()).toBe('2016');
    await dialog.getByLabel('目标指标').fill('创新券使用金额');
    await dialog.getByLabel('目标指标').press('Enter');
    await dialog.getByLabel('全市目标').fill('2000');
    await dialog.getByLabel('西湖区目标').fill('800');
    await dialog.getByLabel('滨江区目标').fill('1000');
    await expect.poll(() => dialog.getByTestId('district-sum').innerText()).toContain('区县合计 1,800万元，比全市目标少 200万元');
    await screenshot(page, 'dashboard-target-form');
    const saved = page.waitForResponse((r) => r.url().includes('/api/indicators/targets') && r.request().method() === 'PUT');
    const refreshed = page.waitForResponse((r) => r.url().includes('/api/indicators/targets?year=2016') && r.request().method() === 'GET' && r.status() === 200);
    await dialog.getByRole('button', { name: '保存目标' }).click();
    expect((await saved).status()).toBe(200);
    await refreshed;
    const row = page.getByTestId('targets-table').getByRole('row', { name: /创新券使用金额/ });
    await expect.poll(() => row.innerText()).toContain('2000.00万元');
    expect(await row.innerText()).toContain('1800.00万元（差 -200.00万元）');
    expect(await row.innerText()).toContain('区县合计与全市不符');
    // The seed's flags stay visible next to the new row.
    expect(await page.getByText('低于上年实际（冲突）').count()).toBeGreaterThan(0);
    await pickYear(page, '2015');

    // The annual summary: the server answers 202 with the running job, the dialog follows its
    // progress, then offers Word and Markdown.
    const started = page.waitForResponse((r) => r.url().includes('/api/reports/annual?year=2015') && r.request().method() === 'POST');
    await page.getByRole('button', { name: '生成2015年工作总结' }).click();
    expect((await started).status()).toBe(202);
    await page.getByTestId('report-stage').filter({ hasText: '已生成' }).waitFor();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载 Word' }).click();
    expect((await download).suggestedFilename()).toBe('杭州市科委2015年工作总结.docx');
    const markdown = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载 Markdown' }).click();
    expect((await markdown).suggestedFilename()).toBe('杭州市科委2015年工作总结.md');
    await page.close();
  });

  it('when the Xihu officer opens the dashboard, then the figures are its district only and the district chart shows one bar', async () => {
    const page = await newPage(browser);
    await login(page, 'xihu');
    const loaded = page.waitForResponse((r) => r.url().includes('/api/indicators?year=2015') && r.status() === 200);
    // The comparison is fetched with the page, so wait for it from the start.
    const districts = page.waitForResponse((r) => r.url().includes('/districts?year=2015') && r.status() === 200);
    await page.goto('/dashboard');
    const body = (await (await loaded).json()) as { items: { code: string; value: number }[] };
    const issued = body.items.find((i) => i.code === 'voucher.issued')!.value;
    expect(issued).toBeGreaterThan(0);
    expect(issued).toBeLessThan(28_507_200);
    await page.getByRole('heading', { name: /西湖区/ }).waitFor();
    await page.getByRole('tab', { name: '区县对比' }).click();
    const d = (await (await districts).json()) as { items: { district: string }[] };
    expect(d.items.map((i) => i.district)).toEqual(['西湖区']);
    await page.getByRole('img', { name: /区县对比图/ }).waitFor();
    await screenshot(page, 'dashboard-district');
    await page.close();
  });
});
