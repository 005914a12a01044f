// The bridge-loan journey (issue 12): the demo enterprise applies for 融资周转金 to roll over its
// bank loan; 西湖区 passes it, the city approves a smaller amount and lends it from the revolving
// pool (the repayment date becomes the case's due date); the city records the repayment. Also the
// public interest-subsidy calculator. Screenshots of the firm's, the district's and the city's pages.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, login, newPage, screenshot } from './support.js';

const LOAN_NO = '2016杭银借字E2E号';
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

async function act(page: Page, button: string, status: string): Promise<void> {
  await page.getByRole('button', { name: button }).click();
  await expect.poll(() => page.getByText(status, { exact: true }).first().isVisible()).toBe(true);
}

describe('a bridge loan from application to repayment', () => {
  let path = '';

  it('when anyone opens the public calculator, then the example loan gives 27,688.89 yuan', async () => {
    const page = await newPage(browser);
    await page.goto('/public/interest-subsidy');
    await page.getByRole('button', { name: '测算' }).click();
    await expect.poll(() => page.getByText('27,688.89 元').first().isVisible()).toBe(true);
    await shot(page, 'subsidy-calculator');
    await page.context().close();
  });

  it('when the firm applies, then its draft is saved and submitted to its district', async () => {
    const page = await newPage(browser);
    await login(page, 'enterprise');
    await page.goto('/loans/bridge');
    await page.getByRole('button', { name: '申请周转金' }).click();
    await page.getByLabel('原贷款银行').fill('杭州银行科技支行');
    await page.getByLabel('原贷款合同编号').fill(LOAN_NO);
    await page.getByLabel('申请金额（元）').fill('3000000');
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.waitForURL(/\/loans\/bridge\/\d+$/);
    path = new URL(page.url()).pathname;
    await act(page, '提交申请', '待区县审核');
    await shot(page, 'bridge-loan-submitted');
    await page.context().close();
  });

  it('when 西湖区 passes it and the city approves 2,500,000 and lends it, then the repayment date is set', async () => {
    const district = await newPage(browser);
    await login(district, 'xihu');
    await district.goto(path);
    await act(district, '区县审核通过', '待市级审批');
    await district.context().close();

    const city = await newPage(browser);
    await login(city, 'officer');
    await city.goto('/loans/bridge');
    await expect.poll(() => city.getByText('资金池可用余额').first().isVisible()).toBe(true);
    await shot(city, 'bridge-loans-officer');
    await city.goto(path);
    await city.getByLabel('批准金额（元，不填则按申请金额）').fill('2500000');
    await act(city, '批准使用周转金', '已批准待放款');
    await act(city, '放款', '已放款待归还');
    await expect.poll(() => city.getByText('2016-11-11').first().isVisible()).toBe(true);
    await shot(city, 'bridge-loan-disbursed');
    await act(city, '登记按期归还', '已按期归还');
    await city.context().close();
  });

  it('when the firm looks again, then it sees its loan repaid', async () => {
    const page = await newPage(browser);
    await login(page, 'enterprise');
    await page.goto(path);
    await expect.poll(() => page.getByText('已按期归还').first().isVisible()).toBe(true);
    await shot(page, 'bridge-loan-repaid');
    await page.context().close();
  });
});
