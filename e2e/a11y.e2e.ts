// Accessibility: axe-core (WCAG 2.1 A/AA rules, as GB/T 37668-2019 asks) on the main pages of each
// role — the login page, a home page, a list and a form — with no serious or critical violation.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseURL, launch, login } from './support.js';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe on what the page shows once its data has loaded; answers the serious and critical violations. */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.locator('main, h1').first().waitFor();
  await expect.poll(() => page.locator('.ant-spin-spinning, .ant-skeleton-active').count(), { timeout: 20_000 }).toBe(0);
  await page.addScriptTag({ content: AXE });
  // a string, like the other journeys' page scripts: the e2e files compile without the DOM library
  const violations = (await page.evaluate(
    "axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }).then((r) => r.violations)",
  )) as Violation[];
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}) ${v.help}: ${v.nodes.slice(0, 4).map((n) => n.target.join(' ')).join(' | ')}`);
}

/** Each role's pages: its home, a list and a form (the login page and the public portal for everyone). */
const PAGES: [role: string, paths: string[]][] = [
  ['anonymous', ['/login', '/public', '/public/notices', '/public/interest-subsidy']],
  ['enterprise', ['/', '/vouchers/my', '/account']],
  ['officer', ['/', '/enterprises', '/vouchers/desk']],
  ['xihu', ['/', '/recognitions/review']],
  ['provider', ['/vouchers/provider']],
  ['expert', ['/expert/assignments']],
  ['admin', ['/admin/users']],
  ['auditor', ['/audit']],
];

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('accessibility (axe-core)', () => {
  it.each(PAGES)('when %s opens its main pages, then axe finds no serious or critical violation', async (role, paths) => {
    // the app's CSP (script-src 'self') would refuse the injected axe script
    const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', baseURL: baseURL(), bypassCSP: true })).newPage();
    if (role !== 'anonymous') {
      await login(page, role);
    }
    const found: string[] = [];
    for (const path of paths) {
      await page.goto(path);
      found.push(...(await seriousViolations(page)).map((v) => `${path}: ${v}`));
    }
    await page.context().close();
    expect(found).toEqual([]);
  });
});
