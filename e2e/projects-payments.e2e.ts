// The follow-up of a funded project and the payment desk (issue 11, module projects and the
// payments kernel): the officer passes a reported mid-term check, which prepares tranche 2; the
// treasurer approves, sends and confirms it on the payment desk; the officer reads the programme's
// performance evaluation; the admin reads the approval limits; the enterprise sees its projects.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, login, newPage, screenshot } from './support.js';

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

describe('projects after the contract and the payment desk', () => {
  let title = '';

  it('when the officer passes a reported mid-term check, then tranche 2 is prepared', async () => {
    const page = await newPage(browser);
    await login(page, 'officer');
    await page.goto('/projects');
    const row = page.getByTestId('project-table').locator('tr', { hasText: '中期报告待审查' }).first();
    await row.waitFor();
    await shot(page, 'projects-officer-list');
    title = (await row.locator('a').first().textContent()) ?? '';
    await row.locator('a').first().click();
    const drawer = page.locator('.ant-drawer-open');
    await drawer.getByRole('button', { name: '通过（生成第2笔拨款）' }).click();
    await page.getByRole('dialog').last().getByRole('button', { name: /^通\s?过$/ }).click();
    await drawer.getByText('中期检查通过', { exact: true }).first().waitFor();
    await drawer.getByText('第2笔拨款').first().waitFor();
    await shot(page, 'projects-officer-drawer');
    await page.context().close();
  });

  it('when the treasurer works the tranche on the payment desk, then it is approved, sent and confirmed', async () => {
    const page = await newPage(browser);
    await login(page, 'treasurer');
    await page.goto('/payments');
    const table = page.getByTestId('payment-table');
    const row = table.locator('tr', { hasText: `${title}：第2笔拨款` }).first();
    await row.waitFor();
    await shot(page, 'payments-desk-prepared');
    await row.getByRole('button', { name: '审批' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '审批通过' }).click();
    await page.getByText(/已审批并记账/).waitFor();
    await page.getByRole('tab', { name: /待提交银行/ }).click();
    await table.locator('tr', { hasText: `${title}：第2笔拨款` }).first().getByRole('button', { name: '提交银行' }).click();
    await page.getByText(/已提交银行$/).first().waitFor();
    await page.getByRole('tab', { name: /待确认到账/ }).click();
    await table.locator('tr', { hasText: `${title}：第2笔拨款` }).first().getByRole('button', { name: '确认到账' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('银行流水号').fill('ICBC2016091200077');
    await dialog.getByRole('button', { name: '确认到账' }).click();
    await page.getByText(/已确认到账/).waitFor();
    await page.getByRole('tab', { name: /已到账/ }).click();
    await table.locator('tr', { hasText: `${title}：第2笔拨款` }).first().waitFor();
    await shot(page, 'payments-desk-confirmed');
    await page.context().close();
  });

  it('when the officer opens the performance evaluation, then programmes and projects carry scores and grades', async () => {
    const page = await newPage(browser);
    await login(page, 'officer');
    await page.goto('/projects');
    await page.getByRole('tab', { name: '绩效评价' }).click();
    const programmes = page.getByTestId('performance-programmes');
    await programmes.locator('tbody tr.ant-table-row').first().waitFor();
    expect(await programmes.locator('tbody tr.ant-table-row').count()).toBeGreaterThan(0);
    await shot(page, 'projects-performance');
    await page.context().close();
  });

  it('when the admin opens the approval limits and the enterprise its projects, then both pages answer', async () => {
    const admin = await newPage(browser);
    await login(admin, 'admin');
    await admin.goto('/admin/payment-limits');
    await admin.getByText('treasurer').waitFor();
    await shot(admin, 'payments-limits');
    await admin.context().close();
    const ent = await newPage(browser);
    await login(ent, 'enterprise');
    await ent.goto('/projects/mine');
    await ent.getByRole('heading', { name: '我的科技项目' }).waitFor();
    await shot(ent, 'projects-enterprise');
    await ent.context().close();
  });
});
