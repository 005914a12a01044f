// The innovation-voucher journey: the holder books a service from the catalogue (the amount is
// frozen), the provider claims after delivery (通兑), the bureau officer approves, and the
// holder sees the redemption.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, login, newPage, screenshot } from './support.js';

const PROVIDER = '浙江省科技创新服务平台（杭州）';
const HOLDER = '杭州西溪智芯科技有限公司';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const card = (page: Page, title: string) => page.locator('.ant-card').filter({ has: page.locator('.ant-card-head-title', { hasText: title }) });

describe('innovation vouchers', () => {
  it('when the holder books a service, the provider claims and the officer approves, then the holder sees it redeemed', async () => {
    const contractNo = `E2E-HT-${Date.now()}`;

    // 1. The holder books: 6,000 yuan of a 12,000 yuan contract (50%).
    const holder = await newPage(browser);
    await login(holder, 'enterprise');
    await holder.goto('/vouchers/my');
    const catalogue = card(holder, '服务机构目录');
    const providerRow = catalogue.getByRole('row').filter({ hasText: PROVIDER }).first();
    await providerRow.waitFor();
    await holder.getByText('可用余额').first().waitFor();
    await providerRow.getByRole('button', { name: /预约服务/ }).click();
    const modal = holder.locator('.ant-modal:visible');
    await modal.getByLabel('服务合同金额（元）').fill('12000');
    // Above the 50% cap the amount is refused with the figures, never cut down silently.
    await modal.getByLabel('使用创新券金额（元）').fill('7000');
    await modal.getByRole('button', { name: /确认预约/ }).click();
    await modal.getByText('超过上限：合同金额 12,000.00 元 的 50% 为 6,000.00 元').waitFor();
    expect(await modal.getByLabel('使用创新券金额（元）').inputValue()).toBe('7,000');
    await modal.getByLabel('使用创新券金额（元）').fill('6000');
    const booked = holder.waitForResponse((r) => r.url().endsWith('/api/vouchers/bookings') && r.request().method() === 'POST');
    await modal.getByRole('button', { name: /确认预约/ }).click();
    const bookingRes = await booked;
    expect(bookingRes.status()).toBe(201);
    expect(bookingRes.request().headers()['idempotency-key']).toBeTruthy();
    const booking = (await bookingRes.json()) as { id: number; amount: number; status: string };
    expect(booking).toMatchObject({ amount: 6000, status: 'booked' });
    await card(holder, '我的预约').getByRole('row').filter({ hasText: String(booking.id) }).filter({ hasText: '冻结中' }).first().waitFor();
    await screenshot(holder, 'vouchers-holder-booked');

    // 2. The provider delivers and claims (通兑) with the contract and the acceptance record.
    const provider = await newPage(browser);
    await login(provider, 'provider');
    await provider.goto('/vouchers/provider');
    const row = card(provider, '待交付的预约').getByRole('row').filter({ hasText: HOLDER }).filter({ hasText: String(booking.id) }).first();
    await row.waitFor();
    await row.getByRole('button', { name: /申请兑付/ }).click();
    const claimModal = provider.locator('.ant-modal:visible');
    await claimModal.getByLabel('服务合同编号').fill(contractNo);
    await claimModal.getByLabel('用户验收单编号').fill(`YS-${booking.id}`);
    const claimed = provider.waitForResponse((r) => r.url().endsWith('/api/vouchers/claims') && r.request().method() === 'POST');
    await claimModal.getByRole('button', { name: /提交申请/ }).click();
    expect((await claimed).status()).toBe(201);
    await screenshot(provider, 'vouchers-provider-claimed');

    // 3. The officer approves it in the review queue: one click opens the decision (the evidence,
    // what will happen, an opinion); nothing moves until it is confirmed.
    const officer = await newPage(browser);
    await login(officer, 'officer');
    await officer.goto('/vouchers/desk');
    const claimRow = officer.getByRole('row').filter({ hasText: contractNo }).first();
    await claimRow.waitFor();
    await claimRow.getByRole('button', { name: /通\s*过/ }).click();
    const decision = officer.locator('.ant-modal:visible');
    await decision.getByTestId('claim-evidence').getByText(contractNo).waitFor();
    await decision.getByText(`YS-${booking.id}`).waitFor();
    expect(await decision.getByRole('alert').innerText()).toContain('6,000.00 元');
    await decision.getByLabel('审核意见').fill('合同、验收单与预约一致，同意兑付');
    const approved = officer.waitForResponse((r) => /\/api\/vouchers\/claims\/\d+\/approve$/.test(r.url()));
    await decision.getByRole('button', { name: /确认通过/ }).click();
    const approval = await approved;
    expect(approval.status()).toBe(200);
    expect(approval.request().postDataJSON()).toEqual({ note: '合同、验收单与预约一致，同意兑付' });
    await expect.poll(() => officer.getByRole('row').filter({ hasText: contractNo }).count()).toBe(0);
    await screenshot(officer, 'vouchers-officer-approved');

    // 4. The holder sees the claim approved and the booking redeemed.
    await holder.reload();
    await card(holder, '兑付申请与进度').getByRole('row').filter({ hasText: String(booking.id) }).filter({ hasText: '已通过' }).first().waitFor();
    await card(holder, '我的预约').getByRole('row').filter({ hasText: String(booking.id) }).filter({ hasText: '已兑付' }).first().waitFor();
    await screenshot(holder, 'vouchers-holder-redeemed');

    // 5. The statistics chart renders for the officer (lazy ECharts chunk).
    await officer.getByRole('tab', { name: '统计分析' }).click();
    await officer.getByRole('img', { name: '创新券发放与兑付统计图' }).locator('canvas').waitFor();
    await screenshot(officer, 'vouchers-officer-stats');
    for (const p of [holder, provider, officer]) {
      await p.context().close();
    }
  });
});
