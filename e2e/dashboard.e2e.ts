// The leadership dashboard: the officer sees 2015 as the seed reports it, drills from a computed
// figure to its records and on to the enterprise, and downloads the 2015 work summary; a district
// officer sees only its district.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, login, newPage, screenshot } from './support.js';

let browser: Browser;
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
    await page.getByLabel('年度').fill('2016');
    await page.getByRole('tab', { name: '目标进度' }).click();
    await page.getByText('低于上年实际（冲突）').first().waitFor();
    await page.getByLabel('年度').fill('2015');

    // The annual summary: generate, then download Word.
    await page.getByRole('button', { name: '生成2015年工作总结' }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载 Word' }).click();
    expect((await download).suggestedFilename()).toBe('杭州市科委2015年工作总结.docx');
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
