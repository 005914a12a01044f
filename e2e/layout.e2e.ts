// Layout at the bureau's two screen sizes (issue 16): on each role's main pages at 1366×768 and
// 1920×1080 the page never scrolls sideways, a table's key columns (状态, 金额, 操作 …) show without
// scrolling the table, an amount stays on one line, and the side menu's last group (系统管理) can
// be reached above the fixed collapse arrow. Screenshots go to e2e/screenshots/ for review.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseURL, launch, login, screenshot } from './support.js';

const SIZES = [
  [1366, 768],
  [1920, 1080],
] as const;

/** A page, the column headers that must show without scrolling its table, and an optional tab to open first. */
interface Screen {
  path: string;
  keyColumns?: string[];
  tab?: string;
}

const SCREENS: [role: string, screens: Screen[]][] = [
  ['anonymous', [{ path: '/login' }, { path: '/public' }, { path: '/public/notices' }]],
  [
    'officer',
    [
      { path: '/' },
      { path: '/dashboard' },
      { path: '/dashboard', tab: '区县对比' },
      { path: '/enterprises' },
      { path: '/recognitions/register', keyColumns: ['企业名称', '有效期至', '状态'] },
      { path: '/vouchers/desk', keyColumns: ['金额', '状态', '操作'] },
      { path: '/payments' },
    ],
  ],
  ['admin', [{ path: '/' }, { path: '/admin/users' }]],
  ['xihu', [{ path: '/' }, { path: '/recognitions/review' }]],
  ['enterprise', [{ path: '/' }, { path: '/vouchers/my' }]],
  ['auditor', [{ path: '/audit' }]],
];

/** What the page shows once its data has loaded: a heading and no spinner or skeleton left. */
async function settled(page: Page): Promise<void> {
  await page.locator('main h1, h1').first().waitFor();
  await expect.poll(() => page.locator('.ant-spin-spinning, .ant-skeleton-active').count()).toBe(0);
}

interface Layout {
  /** how far the document scrolls sideways (0 = not at all) */
  pageOverflow: number;
  /** the header cells whose right edge lies beyond their table's visible area */
  hiddenColumns: string[];
  /** amounts (.money) broken over more than one line */
  wrappedAmounts: string[];
}

// a string, like the other journeys' page scripts: the e2e files compile without the DOM library
const MEASURE = `(() => {
  const de = document.documentElement;
  const hiddenColumns = [];
  for (const table of document.querySelectorAll('.ant-table')) {
    const view = table.querySelector('.ant-table-content, .ant-table-body, .ant-table-header') || table;
    const right = view.getBoundingClientRect().right;
    for (const th of table.querySelectorAll('thead th')) {
      const text = th.textContent.trim();
      if (text && th.getBoundingClientRect().right > right + 1) hiddenColumns.push(text);
    }
  }
  const wrappedAmounts = [...document.querySelectorAll('.money')].filter((m) => m.getClientRects().length > 1).map((m) => m.textContent);
  return { pageOverflow: de.scrollWidth - de.clientWidth, hiddenColumns, wrappedAmounts };
})()`;

/** The bottom of the menu's last item once scrolled into view, and the top of the collapse arrow. */
const MENU_END = `(() => {
  const items = document.querySelectorAll('.app-sider .ant-menu-item');
  const last = items[items.length - 1];
  last.scrollIntoView({ block: 'end' });
  const trigger = document.querySelector('.app-sider .ant-layout-sider-trigger');
  return { lastBottom: last.getBoundingClientRect().bottom, triggerTop: trigger ? trigger.getBoundingClientRect().top : Infinity };
})()`;

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('layout at 1366×768 and 1920×1080', () => {
  it.each(SCREENS)('when %s opens its main pages at both sizes, then nothing needs sideways scrolling', async (role, screens) => {
    const found: string[] = [];
    for (const [width, height] of SIZES) {
      const context = await browser.newContext({ viewport: { width, height }, locale: 'zh-CN', baseURL: baseURL() });
      const page = await context.newPage();
      if (role !== 'anonymous') {
        await login(page, role);
      }
      for (const screen of screens) {
        await page.goto(screen.path);
        await settled(page);
        if (screen.tab) {
          await page.getByRole('tab', { name: screen.tab }).click();
          // the district figures are computed on request: on a loaded machine this takes a while
          await page.getByRole('img', { name: /区县对比图$/ }).locator('canvas').waitFor({ timeout: 120_000 });
        }
        for (const column of screen.keyColumns ?? []) {
          await page.locator('thead th', { hasText: column }).first().waitFor();
        }
        const where = `${screen.path}${screen.tab ? `#${screen.tab}` : ''} at ${width}×${height}`;
        await screenshot(page, `layout-${role}${screen.path.replace(/\//g, '_')}${screen.tab ? '-chart' : ''}-${width}`);
        const layout = (await page.evaluate(MEASURE)) as Layout;
        if (layout.pageOverflow > 0) {
          found.push(`${where}: the page scrolls sideways by ${layout.pageOverflow}px`);
        }
        for (const column of screen.keyColumns ?? []) {
          if (layout.hiddenColumns.includes(column)) {
            found.push(`${where}: column ${column} needs horizontal scrolling`);
          }
        }
        found.push(...layout.wrappedAmounts.map((amount) => `${where}: amount wraps: ${amount}`));
      }
      if (role === 'admin') {
        const menu = (await page.evaluate(MENU_END)) as { lastBottom: number; triggerTop: number };
        if (menu.lastBottom > menu.triggerTop + 1) {
          found.push(`menu at ${width}×${height}: the last item ends at ${menu.lastBottom}px, under the collapse arrow at ${menu.triggerTop}px`);
        }
      }
      await context.close();
    }
    expect(found).toEqual([]);
  });
});
