// Journeys of the public notices (公示): a visitor reads the open notice and files a real-name
// objection; the city officer sees it on the notice's items and resolves it.
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

describe('public notices and objections', () => {
  it('when a visitor objects to an item of the open notice with a wrong ID number, then the field says so; corrected, a receipt number is shown', async () => {
    const page = await newPage(browser);
    await page.goto('/login');
    await page.getByTestId('login-public-notices').click();
    await page.waitForURL('**/public/notices');
    await page.getByRole('link', { name: /第二批拟认定高新技术企业/ }).click();
    await expect.poll(() => page.getByText('提出异议').first().isVisible()).toBe(true);
    await expect.poll(() => page.getByText(/须在公示期截止（.* 24:00）前以真实姓名提出/).isVisible()).toBe(true);
    await page.getByLabel('异议对象').click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').nth(2).click();
    await page.getByLabel('真实姓名').fill('钱晓东');
    await page.getByLabel('联系电话').fill('13900001111');
    await page.getByLabel('身份证号码（选填）').fill('110105194912310021');
    await page.getByLabel('异议理由').fill('该企业研发人员数量与申报材料不符，请核查其社保缴纳记录。');
    await page.getByRole('button', { name: '提交异议' }).click();
    await expect.poll(() => page.getByText('身份证号码不正确').first().isVisible()).toBe(true);
    await page.getByLabel('身份证号码（选填）').fill('11010519491231002X');
    await page.getByRole('button', { name: '提交异议' }).click();
    await expect.poll(() => page.getByText('异议已受理').isVisible()).toBe(true);
    await expect.poll(() => page.getByText(/^YY\d{14}$/).isVisible()).toBe(true);
    await screenshot(page, 'notices-public-objection');
  });

  it('when the officer opens the open notice, then items with objections are blocked; resolving an objection records the finding', async () => {
    const page = await newPage(browser);
    await login(page, 'officer');
    await page.goto('/notices');
    await page.getByRole('tab', { name: '公示与认定决定' }).click();
    await page.getByRole('row', { name: /第二批拟认定高新技术企业/ }).getByRole('button', { name: '办理' }).click();
    const drawer = page.locator('.ant-drawer');
    await expect.poll(() => drawer.getByText(/待处理 1/).first().isVisible()).toBe(true);
    await expect.poll(() => drawer.getByText('暂不能决定').first().isVisible()).toBe(true);
    await screenshot(page, 'notices-officer-items');

    await page.goto('/objections');
    await page.getByRole('row', { name: /钱晓东/ }).getByRole('button', { name: '处理' }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByText('110105********002X').isVisible()).toBe(true);
    await dialog.getByLabel('异议不成立（可作出认定）').check();
    await dialog.getByLabel('核查处理意见').fill('经核查社保缴纳记录，研发人员数量与申报材料一致，异议不成立。');
    await dialog.getByRole('button', { name: '提交处理结论' }).click();
    await expect.poll(() => page.getByText('异议已处理').isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('row', { name: /钱晓东/ }).count()).toBe(0);
  });
});
