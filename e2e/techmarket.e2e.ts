// The technology-market journey: an enterprise posts a supply listing, it is invisible to the
// public until the city officer approves it in the moderation queue, then a visitor finds it by
// a two-character Chinese term with the match highlighted, and the officer sees the 2015
// statistics (6243 contracts, 77.42亿元).
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, login, newPage, pickOption, screenshot } from './support.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('technology market', () => {
  it('when an enterprise posts a listing and the officer approves it, then the public finds it by 芯粒 with a highlight', async () => {
    const title = `E2E量子芯粒互连技术${Date.now() % 100000}`;

    // 1. The enterprise posts; it is pending.
    const ent = await newPage(browser);
    await login(ent, 'enterprise');
    await ent.goto('/techmarket/my');
    await ent.getByLabel('标题', { exact: true }).fill(title);
    await ent.getByLabel('描述', { exact: true }).fill('面向高带宽存储的芯粒互连与先进封装技术，已完成中试验证。');
    const domainField = ent.locator('.ant-form-item').filter({ has: ent.getByLabel('技术领域', { exact: true }) });
    await pickOption(ent, domainField, '电子信息');
    const [postedRes] = await Promise.all([
      ent.waitForResponse((r) => r.url().endsWith('/api/techmarket/listings') && r.request().method() === 'POST'),
      ent.getByRole('button', { name: /提交审核/ }).click(),
    ]);
    expect(postedRes.status()).toBe(201);
    const { id } = (await postedRes.json()) as { id: number };
    await ent.getByRole('row').filter({ hasText: title }).filter({ hasText: '待审核' }).waitFor();

    // 2. Not public yet.
    const visitor = await newPage(browser);
    const hidden = await visitor.request.get(`/api/techmarket/listings/${id}`);
    expect(hidden.status()).toBe(404);

    // 3. The city officer approves it from the moderation queue.
    const officer = await newPage(browser);
    await login(officer, 'officer');
    await officer.goto('/techmarket/moderation');
    const approved = officer.waitForResponse((r) => r.url().endsWith(`/api/techmarket/listings/${id}/approve`));
    await officer.getByRole('button', { name: `通过 ${title}` }).click();
    expect((await approved).status()).toBe(200);

    // 4. A visitor (not logged in) searches 芯粒 and sees it, the term highlighted.
    await visitor.goto('/public/market');
    const searched = visitor.waitForResponse((r) => r.url().includes('/api/techmarket/listings?') && r.url().includes('q='));
    await visitor.getByTestId('market-search').locator('input').fill('芯粒');
    await visitor.getByTestId('market-search').locator('input').press('Enter');
    expect((await searched).status()).toBe(200);
    const item = visitor.getByTestId('market-item').filter({ hasText: title });
    await item.waitFor();
    await expect(item.locator('mark').first().textContent()).resolves.toBe('芯粒');
    await screenshot(visitor, 'techmarket-public-search');

    // 4b. The public header leads to the auctions; a visitor sees the bids and is asked to log in to bid
    // (the page once crashed outside the authenticated layout).
    await visitor.getByRole('navigation', { name: '公共服务' }).getByRole('link', { name: '技术拍卖' }).click();
    await visitor.waitForURL((u) => u.pathname === '/public/auctions');
    await visitor.getByText('出价记录').waitFor();
    await visitor.getByText(/登录\s*后可出价/).or(visitor.getByText('出价次数')).first().waitFor();
    expect(await visitor.getByText('页面出错了').count()).toBe(0);
    await screenshot(visitor, 'techmarket-public-auctions');

    // 5. The officer's statistics for 2015 reproduce the published figures.
    await officer.goto('/techmarket/stats');
    await officer.getByTestId('stats-deals').getByText('6,243').waitFor();
    await officer.getByTestId('stats-amount').getByText(/77\.42亿元/).waitFor();
    await screenshot(officer, 'techmarket-stats');
  });
});
