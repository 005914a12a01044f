// The inbox (待办) on the home page: each role sees what waits for it, late cases marked, and one
// click opens the case — the officers' review with the application open, the enterprise's own
// application page.
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

describe('the inbox', () => {
  it('when a city officer opens the home page, then the inbox lists cases waiting for it, overdue first, and a click opens the review of that application', async () => {
    const page = await newPage(browser);
    await login(page, 'officer');
    const inbox = page.getByTestId('inbox');
    const first = inbox.locator('[data-testid^="inbox-case-recognitions-"]').first();
    await first.waitFor();
    const id = Number((await first.getAttribute('data-testid'))!.split('-').pop());
    expect(await inbox.locator('[data-testid^="inbox-instrument-recognitions"]').innerText()).toContain('资质认定');
    // sorted by deadline: the first case is the most urgent, and an overdue one says so
    if (await first.locator('.ant-tag', { hasText: '已超期' }).count()) {
      expect(await first.getAttribute('class')).toContain('inbox-overdue');
    }
    await screenshot(page, 'inbox-officer');
    // "type · enterprise · district" under the title
    const enterprise = (await first.locator('.ant-list-item-meta-description').innerText()).split(' · ')[1];
    await first.getByRole('link').click();
    await page.waitForURL((u) => u.pathname === '/recognitions/review' && u.searchParams.get('application') === String(id));
    const drawer = page.locator('.ant-drawer-open');
    await drawer.locator('.ant-drawer-title', { hasText: enterprise }).waitFor();
    await drawer.getByText('办理进度').first().waitFor();
    await screenshot(page, 'inbox-officer-opened');
    await page.context().close();
  });

  it('when the enterprise opens the home page, then its own case is in the inbox and a click opens its application', async () => {
    const page = await newPage(browser);
    await login(page, 'enterprise');
    const first = page.getByTestId('inbox').locator('[data-testid^="inbox-case-recognitions-"]').first();
    await first.waitFor();
    const id = (await first.getAttribute('data-testid'))!.split('-').pop();
    await first.getByRole('link').click();
    await page.waitForURL((u) => u.pathname === `/recognitions/apply/${id}`);
    await page.getByRole('heading', { level: 1 }).filter({ hasText: '申报' }).waitFor();
    await screenshot(page, 'inbox-enterprise-opened');
    await page.context().close();
  });
});
