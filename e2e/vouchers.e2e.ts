// The innovation-voucher journey: the holder books a service of a provider's catalogue with its
// dates (the amount is frozen), the provider claims after delivery (通兑) with the acceptance report
// and the invoice, the bureau officer approves with the files in view, and the holder sees the redemption.
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

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
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
    // A service of the provider's catalogue, with the dates it is delivered.
    await modal.getByLabel('服务项目（服务目录）').click();
    await holder.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    const today = ((await (await holder.request.get('/api/clock')).json()) as { now: string }).now.slice(0, 10);
    const start = modal.getByPlaceholder('服务开始日期');
    await start.click();
    await start.fill(today);
    await start.press('Enter');
    const end = modal.getByPlaceholder('服务完成日期');
    await end.fill(today);
    await end.press('Enter');
    await modal.getByLabel('服务合同金额（元）').fill('12000');
    // Above the 50% cap the amount is refused with the figures, never cut down silently.
    await modal.getByLabel('使用创新券金额（元）').fill('7000');
    await modal.getByRole('button', { name: /确认预约/ }).click();
    await modal.getByText('超过上限：合同金额 12,000.00 元 的 50% 为 6,000.00 元').waitFor();
    expect(await modal.getByLabel('使用创新券金额（元）').inputValue()).toBe('7,000.00');
    await modal.getByLabel('使用创新券金额（元）').fill('6000');
    const booked = holder.waitForResponse((r) => r.url().endsWith('/api/vouchers/bookings') && r.request().method() === 'POST');
    await modal.getByRole('button', { name: /确认预约/ }).click();
    const bookingRes = await booked;
    expect(bookingRes.status()).toBe(201);
    expect(bookingRes.request().headers()['idempotency-key']).toBeTruthy();
    const booking = (await bookingRes.json()) as { id: number; amount: number; status: string; serviceName: string | null };
    expect(booking).toMatchObject({ amount: 6000, status: 'booked', serviceStart: today, serviceEnd: today });
    expect(booking.serviceName).toBeTruthy();
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
    // Without the acceptance report and the invoice the claim is refused, naming both.
    const refused = provider.waitForResponse((r) => r.url().endsWith('/api/vouchers/claims') && r.request().method() === 'POST');
    await claimModal.getByRole('button', { name: /提交申请/ }).click();
    expect((await refused).status()).toBe(400);
    await claimModal.getByTestId('claim-files').getByText('请上传服务验收报告').waitFor();
    const files = claimModal.locator('input[type=file]');
    await files.nth(0).setInputFiles({ name: '服务验收报告.pdf', mimeType: 'application/pdf', buffer: PDF });
    await claimModal.getByText('服务验收报告.pdf').waitFor();
    await files.nth(1).setInputFiles({ name: '服务发票.pdf', mimeType: 'application/pdf', buffer: PDF });
    await claimModal.getByText('服务发票.pdf').waitFor();
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
    await decision.getByTestId('claim-files').getByText('服务验收报告.pdf').waitFor();
    await decision.getByTestId('claim-files').getByText('服务发票.pdf').waitFor();
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

    // 6. A district officer sees only the tabs a district may use: no 发放, no 结算 (settlement
    // batches are read city-wide only; the API refuses them to a district).
    const district = await newPage(browser);
    await login(district, 'xihu');
    await district.goto('/vouchers/desk');
    await district.getByRole('tab', { name: '兑付审核' }).waitFor();
    expect(await district.getByRole('tab', { name: '结算' }).count()).toBe(0);
    expect(await district.getByRole('tab', { name: '发放' }).count()).toBe(0);
    expect((await district.request.get('/api/vouchers/settlements')).status()).toBe(403);
    for (const p of [holder, provider, officer, district]) {
      await p.context().close();
    }
  });
});
