import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';

export const DEMO_PASSWORD = process.env.DEMO_PASSWORD ?? 'Kechuang@2026';
export const baseURL = (): string => inject('baseURL');

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', baseURL: baseURL() });
  return context.newPage();
}

export async function login(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync('e2e/screenshots', { recursive: true });
  await page.screenshot({ path: `e2e/screenshots/${name}.png`, fullPage: true });
}

/** The antd select whose input carries this label (its form label or aria-label). */
export function selectLabelled(scope: Page | Locator, label: string): Locator {
  // the inner locator of `has` is matched inside each select, so it is built from the page, not the scope
  const page = 'keyboard' in scope ? scope : scope.page();
  return scope.locator('.ant-select').filter({ has: page.getByLabel(label, { exact: true }) }).first();
}

/**
 * Chooses an option of a select (the locator holds the select, or the form item around it) and
 * checks it took: a click on a list still sliding open can miss and leave the list open over the
 * form, so the choice is retried until the select shows it, and the list is closed after.
 */
export async function pickOption(page: Page, select: Locator, option: string): Promise<void> {
  const openList = page.locator('.ant-select-dropdown:visible');
  await expect
    .poll(
      async () => {
        if (!(await select.innerText()).includes(option)) {
          if ((await openList.count()) === 0) {await select.locator('.ant-select').first().or(select).first().click();}
          await openList.locator('.ant-select-item-option', { hasText: option }).first().click({ timeout: 3000 }).catch(() => undefined);
        }
        return select.innerText();
      },
      { timeout: 20_000 },
    )
    .toContain(option);
  await expect
    .poll(async () => {
      if ((await openList.count()) > 0) {await page.keyboard.press('Escape');}
      return openList.count();
    })
    .toBe(0);
}
