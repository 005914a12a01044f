// The funds journey (issue 12): the fund manager files its fund's third-quarter portfolio report
// with one investment in a registered enterprise and submits it; a city officer accepts it; the
// investment appears on the enterprise's timeline. Screenshots of the officer's pages and charts.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, login, newPage, pickOption, screenshot, selectLabelled } from './support.js';

const ENTERPRISE = '杭州西溪智芯科技有限公司';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate('Promise.all(document.getAnimations().filter((a) => a.effect && a.effect.getTiming().iterations !== Infinity).map((a) => a.finished.catch(() => null))).then(() => true)');
  await screenshot(page, name);
}

async function pick(page: Page, label: string, option: string): Promise<void> {
  await pickOption(page, selectLabelled(page, label), option);
}

describe('funds: a quarterly report from filing to the enterprise timeline', () => {
  let reportUrl = '';

  it('when the fund manager fills in an investment and submits, then the report waits for review', async () => {
    const page = await newPage(browser);
    await login(page, 'fund');
    await page.goto('/funds/my');
    await page.getByText('退回修改').first().waitFor();
    await shot(page, 'funds-my-funds');
    await page.getByRole('button', { name: '填报季度投资报告' }).click();
    await page.getByRole('button', { name: '开始填报' }).click();
    await page.waitForURL(/\/funds\/reports\/new/);
    await page.getByLabel('第1行被投企业名称').fill(ENTERPRISE);
    await page.getByLabel('第1行投资金额').fill('6000000');
    await pick(page, '第1行轮次', 'A轮');
    await page.getByLabel('第1行投资日期').fill('2016-08-10');
    await page.getByLabel('第1行投资日期').press('Enter');
    await pick(page, '第1行行业', '电子信息');
    await shot(page, 'funds-report-form');
    await page.getByRole('button', { name: '提交报告' }).click();
    await page.waitForURL(/\/funds\/reports\/\d+$/);
    await expect.poll(() => page.getByText('待审核').first().isVisible()).toBe(true);
    reportUrl = new URL(page.url()).pathname;
    await page.context().close();
  });

  it('when the officer accepts it, then the investment is on the enterprise’s timeline', async () => {
    const page = await newPage(browser);
    await login(page, 'officer');
    await page.goto('/funds?tab=reports');
    await page.getByRole('link', { name: '审核' }).first().waitFor();
    await shot(page, 'funds-officer-reports');
    await page.goto(reportUrl);
    await page.getByRole('button', { name: '审核接受' }).click();
    await expect.poll(() => page.getByText('已接受').first().isVisible()).toBe(true);
    await page.getByRole('link', { name: ENTERPRISE }).click();
    await page.waitForURL(/\/enterprises\/\d+$/);
    await expect.poll(() => page.getByText(/获.*投资（A轮，600\.00万元，2016-08-10）/).first().isVisible(), { timeout: 10_000 }).toBe(true);
    await shot(page, 'funds-enterprise-timeline');
    await page.goto('/funds');
    await page.getByText('存续合作基金').first().waitFor();
    await shot(page, 'funds-officer-funds');
    await page.goto('/funds?tab=movements');
    await page.getByRole('button', { name: '通过' }).first().waitFor();
    await shot(page, 'funds-officer-movements');
    await page.goto('/funds?tab=charts');
    await page.getByRole('img', { name: '历年基金规模图' }).waitFor();
    await shot(page, 'funds-charts');
    await page.context().close();
  });
});
