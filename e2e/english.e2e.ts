// One language system, seen in the browser (issue 16): with English chosen, the main page of every
// translated feature shows no Chinese in its own words — headings, buttons, tabs, table headers, form
// labels, menus, empty states — and status tags ([data-status]): the API names statuses in the language
// the SPA asks for. Data (names and titles typed by users) may stay Chinese, so only elements that carry
// the page's own words are read; data inside them is marked translate="no". Features still listed as not
// yet translated in web/src/lib/i18n-coverage.test.ts are skipped; the list there may only shrink.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, login, newPage, screenshot } from './support.js';

/** role (null: a visitor) → [feature, path] of its main pages. */
const PAGES: Record<string, [string, string][]> = {
  visitor: [
    ['portal', '/public'],
    ['public-notices', '/public/notices'],
    ['rules', '/public/self-assessment'],
    ['calendar', '/public/calendar'],
    ['policies', '/public/policies'],
    ['techmarket', '/public/market'],
    ['programmes', '/public/programme-calls'],
    ['subsidies', '/public/interest-subsidy'],
    ['carriers', '/public/carriers'],
    ['outreach', '/public/outreach'],
  ],
  officer: [
    ['home', '/'],
    ['indicators', '/dashboard'],
    ['enterprises', '/enterprises'],
    ['recognitions', '/recognitions/review'],
    ['notices', '/notices'],
    ['experts', '/experts'],
    ['programmes', '/programmes'],
    ['projects', '/projects'],
    ['vouchers', '/vouchers/desk'],
    ['techmarket', '/techmarket/moderation'],
    ['carriers', '/carriers'],
    ['supervision', '/supervision'],
    ['outreach', '/outreach'],
    ['policies', '/policies'],
    ['allocations', '/allocations'],
    ['awards', '/awards'],
    ['funds', '/funds'],
    ['subsidies', '/subsidies/applications'],
    ['loans', '/loans/bridge'],
  ],
  admin: [
    ['admin', '/admin/users'],
    ['calendar', '/admin/calendar'],
  ],
  auditor: [['audit', '/audit']],
  treasurer: [['payments', '/payments']],
  enterprise: [
    ['enterprises', '/my-enterprise'],
    ['vouchers', '/vouchers/my'],
    ['recognitions', '/recognitions/mine'],
  ],
  expert: [['experts', '/expert/assignments']],
  fund: [['funds', '/funds/my']],
  provider: [['vouchers', '/vouchers/provider']],
  carrier: [['carriers', '/carriers']],
};

/** The features web/src/lib/i18n-coverage.test.ts still lists as not yet translated. */
function untranslatedFeatures(): Set<string> {
  const source = readFileSync('web/src/lib/i18n-coverage.test.ts', 'utf8');
  const list = /const NOT_YET_TRANSLATED(?:: string\[\])? = \[([\s\S]*?)\];/.exec(source)?.[1] ?? '';
  return new Set([...list.matchAll(/'features\/([a-z-]+)'/g)].map((m) => m[1]!));
}

// the page's own words: not cells, titles or tags that show data from the API
const OWN_WORDS = '[data-status], h1, button, [role="tab"], th, .ant-form-item-label, .ant-menu-title-content, .ant-empty-description, .ant-pagination, .ant-segmented-item-label';
// data inside them is marked translate="no" (a name in a heading) or carries its own lang (中文 in the switch)
const CHINESE_IN_OWN_WORDS = `Array.from(document.querySelectorAll('${OWN_WORDS}'))
  .filter((e) => e.checkVisibility() && !e.closest('[translate="no"], [lang]:not([lang="en"])'))
  .map((e) => { const c = e.cloneNode(true); c.querySelectorAll('[translate="no"], [lang]:not([lang="en"])').forEach((d) => d.remove()); return c.textContent.trim(); })
  .filter((t) => /[\\u3400-\\u9fff]/.test(t))`;

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function englishPage(role: string): Promise<Page> {
  const page = await newPage(browser);
  await page.addInitScript(() => localStorage.setItem('kechuang.lang', 'en'));
  if (role !== 'visitor') {
    await login(page, role);
  }
  return page;
}

describe('English on every translated page', () => {
  const skip = untranslatedFeatures();
  for (const [role, pages] of Object.entries(PAGES)) {
    const todo = pages.filter(([feature]) => !skip.has(feature));
    it.skipIf(todo.length === 0)(`when ${role} reads ${todo.map(([, p]) => p).join(', ')} in English, then no Chinese is left in the pages' own words`, async () => {
      const page = await englishPage(role);
      for (const [feature, path] of todo) {
        await page.goto(path);
        await expect.poll(() => page.locator('h1').first().isVisible()).toBe(true);
        // the rows (and their status tags) have arrived, and no table is still loading
        await page.waitForLoadState('networkidle');
        await expect.poll(() => page.locator('.ant-spin-spinning').count()).toBe(0);
        await expect
          .poll(async () => ({ path, chinese: (await page.evaluate(CHINESE_IN_OWN_WORDS)) as string[] }), { message: `${feature} ${path}` })
          .toEqual({ path, chinese: [] });
        await screenshot(page, `en-${role}-${path.replaceAll('/', '_')}`);
      }
      await page.context().close();
    });
  }
});
