// Journeys of issue 13's supervision part: the public searches the policy library and opens a
// policy; the city officer records a finding on a drawn spot-check item, which opens a
// rectification case; the public reads the 科技下乡 events.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, login, newPage, pickOption, screenshot, selectLabelled } from './support.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('policy library, spot checks and outreach', () => {
  it('when a visitor searches the policy library for 众创空间, then the opinion is listed and its page shows its issuer, status and citations', async () => {
    const page = await newPage(browser);
    await page.goto('/public/policies');
    await page.getByLabel('检索政策').fill('众创空间');
    await page.getByLabel('检索政策').press('Enter');
    const results = page.getByTestId('policy-results');
    await expect.poll(() => results.getByRole('link', { name: '《关于发展众创空间推进大众创业万众创新的若干意见》' }).isVisible()).toBe(true);
    await expect.poll(() => results.getByText('《杭州市科技型小微企业“助保贷”管理办法》').count()).toBe(0);
    await screenshot(page, 'policies-public-search');

    await page.getByLabel('检索政策').fill('国科发火〔2016〕32号');
    await page.getByLabel('检索政策').press('Enter');
    await results.getByRole('link', { name: '《高新技术企业认定管理办法》' }).click();
    await page.waitForURL('**/public/policies/*');
    await expect.poll(() => page.getByText('科技部 财政部 国家税务总局').isVisible()).toBe(true);
    await expect.poll(() => page.getByText('认定类别：国家高新技术企业').isVisible()).toBe(true);
    await screenshot(page, 'policies-public-detail');
  });

  it('when the officer records a rectification finding on a drawn item, then the item links to its case in 整改中', async () => {
    const page = await newPage(browser);
    await login(page, 'officer');
    await page.goto('/supervision');
    const items = page.getByTestId('spot-check-items');
    await expect.poll(() => page.getByText('按种子重抽结果一致').isVisible()).toBe(true);
    const open = items.getByRole('row').filter({ has: page.getByRole('button', { name: '登记结论' }) }).first();
    const firm = (await open.getByRole('cell').first().textContent())!;
    await open.getByRole('button', { name: '登记结论' }).click();
    const modal = page.locator('.ant-modal:visible');
    await modal.getByLabel('限期整改').check();
    await modal.getByLabel('检查日期').fill('2016-09-08');
    await modal.getByLabel('检查日期').press('Enter');
    await modal.getByLabel('检查情况').fill('研究开发费用未按项目设置辅助账。');
    await modal.getByLabel('整改要求').fill('按项目设置研究开发费用辅助账，提交整改报告。');
    await modal.getByLabel('整改期限').fill('2016-11-30');
    await modal.getByLabel('整改期限').press('Enter');
    await modal.getByRole('button', { name: /确\s*定|OK/ }).click();
    const row = items.getByRole('row').filter({ hasText: firm });
    await expect.poll(() => row.getByRole('link', { name: '整改中' }).isVisible()).toBe(true);
    await screenshot(page, 'supervision-spot-check');
    await row.getByRole('link', { name: '整改中' }).click();
    await page.waitForURL('**/supervision/cases/*');
    await expect.poll(() => page.getByText('按项目设置研究开发费用辅助账，提交整改报告。（期限 2016-11-30）').isVisible()).toBe(true);
    await screenshot(page, 'supervision-case');
  });

  it('when a visitor opens 科技下乡 for 2015, then the six events of the year are listed', async () => {
    const page = await newPage(browser);
    await page.goto('/public/outreach');
    await pickOption(page, selectLabelled(page, '年度'), '2015年');
    await expect.poll(() => page.getByTestId('outreach-event').count()).toBe(6);
    await screenshot(page, 'outreach-public');
  });
});
