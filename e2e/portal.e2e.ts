// The public portal (issue 16): a visitor without an account lands on /public from the login page and
// finds the calls now open with their closing dates, the lists on public notice, the policy documents,
// the technology market and the self-service tools; the same page reads in English after the switch.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, newPage, screenshot } from './support.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('public portal', () => {
  it('when a visitor opens the portal from the login page, then open calls, notices, policies, the market and the tools are there without logging in', async () => {
    const page = await newPage(browser);
    await page.goto('/login');
    await page.getByTestId('login-public-portal').click();
    await page.waitForURL(/\/public$/);
    await expect.poll(() => page.getByRole('heading', { name: '杭州市科技局公众服务' }).isVisible()).toBe(true);

    const calls = page.locator('.ant-card', { has: page.getByRole('heading', { name: '正在受理的申报' }) });
    await expect.poll(() => calls.getByText(/^截止 2016-\d\d-\d\d$|· 截止 2016-/).count()).toBeGreaterThan(0);
    await expect.poll(() => calls.getByText(/剩 \d+ 天|今天截止/).count()).toBeGreaterThan(0);

    const notices = page.locator('.ant-card', { has: page.getByRole('heading', { name: '公示公告' }) });
    await expect.poll(() => notices.getByText(/公示期 \d{4}-\d\d-\d\d 至 \d{4}-\d\d-\d\d，\d+ 家/).count()).toBeGreaterThan(0);

    const policies = page.locator('.ant-card', { has: page.getByRole('heading', { name: '政策文件' }) });
    await expect.poll(() => policies.locator('.ant-list-item').count()).toBeGreaterThan(0);

    const market = page.locator('.ant-card', { has: page.getByRole('heading', { name: '网上技术市场' }) });
    await expect.poll(() => market.locator('.ant-list-item').count()).toBeGreaterThan(0);
    await screenshot(page, 'portal-home');

    // a notice opens its public page; the brand in the header leads home again
    const firstNotice = notices.locator('.ant-list-item a').first();
    const title = (await firstNotice.textContent()) ?? '';
    await firstNotice.click();
    await page.waitForURL(/\/public\/notices\/\d+$/);
    await expect.poll(() => page.getByText(title).first().isVisible()).toBe(true);
    await page.getByTestId('public-home').click();
    await page.waitForURL(/\/public$/);

    // the tools
    await page.locator('.portal-tool', { hasText: '认定自评' }).click();
    await page.waitForURL('**/public/self-assessment');
    await page.context().close();
  });

  it('when the visitor has chosen English, then the portal speaks English', async () => {
    const page = await newPage(browser);
    await page.addInitScript(() => localStorage.setItem('kechuang.lang', 'en'));
    await page.goto('/public');
    await expect.poll(() => page.getByRole('heading', { name: 'Hangzhou S&T Bureau public services' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('heading', { name: 'Calls open for applications' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText(/Closes 2016-\d\d-\d\d/).count()).toBeGreaterThan(0);
    await screenshot(page, 'portal-home-en');
    await page.context().close();
  });
});
